import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createModule,
  defineRoute,
  defineView,
  isContractModule,
  isCompatibleContractVersion,
  ModuleManifestSchema,
  ValidationError,
  CONTRACT_VERSION,
  type AnyRouteSpec,
} from '@webstir-io/module-contract';
import { consumes, defineEvent, emits } from '@webstir-io/module-contract/events';
import { createAccountsModule } from './fixtures/accounts.js';

const ok = z.object({ ok: z.boolean() });
const route = (name: string, method: string, path: string): AnyRouteSpec =>
  defineRoute({ name, method: method as 'GET', path, responses: { 200: ok }, handler: () => ({ status: 200, body: { ok: true } }) });

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('createModule', () => {
  it('derives a manifest that validates against its own schema', () => {
    const module = createAccountsModule();
    expect(isContractModule(module)).toBe(true);
    expect(ModuleManifestSchema.parse(module.manifest)).toEqual(module.manifest);
    expect(module.manifest.contractVersion).toBe(CONTRACT_VERSION);
    expect(JSON.parse(JSON.stringify(module.manifest))).toEqual(module.manifest);
  });

  it('describes the example exactly', () => {
    const { manifest } = createAccountsModule();
    expect(manifest.routes?.find((r) => r.name === 'accounts.remove')).toEqual({
      name: 'accounts.remove',
      method: 'DELETE',
      path: '/api/accounts/:id',
      summary: 'Delete an account',
      tags: ['accounts'],
      auth: { required: true, permissions: ['accounts:delete'] },
      input: { params: { kind: 'ts-rest', name: 'accounts.remove.params', source: 'accounts' } },
      responses: { 204: null, 404: { kind: 'zod', name: 'ModuleError', source: 'accounts' } },
    });
    expect(manifest.views).toEqual([
      {
        name: 'account-profile',
        path: '/accounts/:id',
        params: { kind: 'zod', name: 'views.account-profile.params', source: 'accounts' },
        data: { kind: 'zod', name: 'AccountProfile', source: 'accounts' },
      },
    ]);
  });

  it('resolves every SchemaReference name to a schema', () => {
    const module = createAccountsModule();
    const refs = [
      ...(module.manifest.routes ?? []).flatMap((r) => [...Object.values(r.input), ...Object.values(r.responses)]),
      ...(module.manifest.views ?? []).flatMap((v) => [v.params, v.data]),
    ].filter((ref) => ref != null);
    expect(refs.length).toBeGreaterThan(8);
    for (const ref of refs) expect(module.schemas[ref!.name], ref!.name).toBeDefined();
  });

  it('keeps schema names stable across builds', () => {
    expect(createAccountsModule().manifest).toEqual(createAccountsModule().manifest);
  });

  it('reports every problem of a bad module in one ValidationError', () => {
    const error = thrown(() =>
      createModule({
        manifest: { name: 'bad', version: '1.0.0', kind: 'backend' },
        routes: [
          route('items.get', 'GET', '/items/:id'),
          route('items.get', 'GET', '/other'),
          route('items.byKey', 'GET', '/items/:key'),
          route('', 'POST', '/items'),
          route('items.trace', 'TRACE', '/items'),
          route('items.relative', 'GET', 'items'),
        ],
      }),
    );
    expect(error.message).toMatch(/^\[module\] bad: 5 problems/);
    expect(error.details).toEqual([
      { at: 'routes[3]', message: 'name must not be empty' },
      { at: 'routes[4] (items.trace)', message: 'method "TRACE" is not one of GET, POST, PUT, PATCH, DELETE' },
      { at: 'routes[5] (items.relative)', message: 'path "items" must start with "/"' },
      { at: 'routes[1]', message: 'duplicate route name "items.get" (first used by routes[0] "items.get")' },
      {
        at: 'routes[2]',
        message: 'duplicate method and path "GET /items/:key" (first used by routes[0] "GET /items/:id")',
      },
    ]);
    expect(error.toJSON()).toMatchObject({ code: 'validation' });
  });

  it('checks params schemas against the path, views and manifest fields', () => {
    const error = thrown(() =>
      createModule({
        manifest: { name: 'bad', version: 'one', kind: 'backend' },
        routes: [
          defineRoute({
            name: 'items.get',
            method: 'GET',
            path: '/items/:id',
            input: { params: z.object({ id: z.string(), slug: z.string() }) },
            responses: { 200: ok },
            handler: () => ({ status: 200, body: { ok: true } }),
          }),
        ],
        views: [
          defineView({ name: 'a', path: '/a', data: ok, load: () => ({ ok: true }) }),
          defineView({ name: 'a', path: '/a', data: ok, load: () => ({ ok: true }) }),
        ],
      }),
    );
    expect((error.details as { at: string; message: string }[]).map((p) => `${p.at}: ${p.message}`)).toEqual([
      'routes[0] (items.get): params schema declares "slug", which is not a parameter of path "/items/:id"',
      'views[1]: duplicate view name "a" (first used by views[0] "a")',
      'views[1]: duplicate view path "/a" (first used by views[0] "/a")',
      'manifest.version: must be a semver version such as 1.2.3',
    ]);
  });

  it('names a definition problem by the spec\'s own index, even after a non-spec', () => {
    const tagged = { ...route('items.get', 'GET', '/items'), tags: [''] };
    const error = thrown(() =>
      createModule({ manifest: { name: 'bad', version: '1.0.0', kind: 'backend' }, routes: [{ name: 'junk' } as never, tagged] }),
    );
    expect(error.details).toEqual([
      { at: 'routes[0] (junk)', message: 'is not a route spec: use defineRoute() or fromTsRestRouter()' },
      { at: 'routes[1] (items.get).tags[0]', message: 'String must contain at least 1 character(s)' },
    ]);
  });

  it('records hooks and events in the manifest', () => {
    const Created = z.object({ id: z.string() });
    const created = defineEvent({
      type: 'item.created',
      versions: { 1: Created, 2: Created.extend({ at: z.string() }) },
      downgrade: { 2: ({ id }) => ({ id }) },
      grace: [1, 2],
    });
    const deleted = defineEvent({ type: 'item.deleted', versions: { 1: Created } });
    const module = createModule({
      manifest: { name: 'events', version: '2.0.0', kind: 'backend', capabilities: ['events'] },
      events: [emits(created), consumes(deleted)],
      schemas: { ItemCreatedV1: Created },
      init: () => undefined,
      dispose: () => undefined,
    });
    expect(module.manifest).toMatchObject({ init: true, dispose: true });
    expect(module.manifest.events?.map((e) => `${e.direction} ${e.type}: ${e.versions.map((v) => `v${v.v}=${v.payload.name}`).join(' ')}`)).toEqual([
      'emit item.created: v1=ItemCreatedV1 v2=item.created.v2',
      'consume item.deleted: v1=ItemCreatedV1',
    ]);
  });

  it('refuses an event use twice, a version the event lacks, and a bare contract', () => {
    const event = defineEvent({ type: 'item.created', versions: { 1: z.object({ id: z.string() }) } });
    const build = () =>
      createModule({
        manifest: { name: 'events', version: '1.0.0', kind: 'backend' },
        events: [emits(event), emits(event), consumes(event, { versions: [2 as 1] }), event as never],
      });
    expect(build).toThrow(ValidationError);
    expect(() => build()).toThrow(
      /events\[2\] \(item\.created\): versions 2 are not versions of the event[\s\S]*events\[3\]: is not an event use[\s\S]*events\[1\]: duplicate event "emit item\.created"/,
    );
  });
});

describe('contract version', () => {
  it.each([
    ['1.0.0', true],
    ['1.x', true],
    ['1.0', true],
    ['1.9.0', false],
    ['2.0.0', false],
    ['0.9.0', false],
    ['banana', false],
  ])('%s is compatible: %s', (version, expected) => {
    expect(isCompatibleContractVersion({ contractVersion: version })).toBe(expected);
  });
});

describe('createModule refuses what the surfaces cannot agree on', () => {
  it('refuses an optional path parameter with a message that says what to write instead', () => {
    const route = defineRoute({ name: 'posts.get', method: 'GET', path: '/posts/:id?', responses: { 200: null }, handler: () => ({ status: 200, body: undefined }) });
    expect(() => createModule({ manifest: { name: 'posts', version: '1.0.0', kind: 'backend' }, routes: [route] })).toThrow(
      /routes\[0\] \(posts\.get\): path "\/posts\/:id\?" has the optional parameter\(s\) ":id\?": OpenAPI has no optional path parameters.*declare one route without the segment and one with it/,
    );
  });
});
