// metadata belongs to the application: only the kit's shape of metadata.auth counts, and an auth
// option maps an application's own metadata to the kit's requirement.
import { initContract } from '@ts-rest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError, type Diagnostic } from '@webstir-io/module-contract';
import { fromTsRestRouter, type TsRestAuthMapper } from '@webstir-io/module-contract/ts-rest';
import { DemoTokenAuthProvider } from '../examples/accounts/providers.js';
import { serveContract, type ServedContract } from './fixtures/ts-rest-server.js';

const c = initContract();
const Ok = z.object({ ok: z.boolean() });
const route = (path: string, metadata: unknown) => ({ method: 'GET' as const, path, responses: { 200: Ok }, metadata });

/** An application's own conventions: `true` for signed in, `'public'`, `{ roles }`. */
const appContract = c.router({
  mine: route('/mine', { auth: true }),
  open: route('/open', { auth: 'public' }),
  admin: route('/admin', { auth: { roles: ['admin'] } }),
  plain: route('/plain', { owner: 'team-a' }),
});
const ok = async () => ({ status: 200 as const, body: { ok: true } });
const impl = { mine: ok, open: ok, admin: ok, plain: ok };

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error('expected an error');
}

describe('metadata.auth without an auth option', () => {
  it('refuses every value that is not the kit shape, naming each route, in one error', () => {
    const error = thrown(() => fromTsRestRouter(appContract, impl));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message.split('\n')).toEqual([
      '[ts-rest] contract: 3 problems',
      expect.stringMatching(/^ {2}- route mine: metadata\.auth is true, which is not the kit's shape \{ required\?, permissions\?, schemes\? \}; if it is your own data, pass fromTsRestRouter\(contract, impl, \{ auth: /),
      expect.stringMatching(/^ {2}- route open: metadata\.auth is "public", which is not the kit's shape/),
      expect.stringMatching(/^ {2}- route admin: metadata\.auth is \{"roles":\["admin"\]\}, which is not the kit's shape/),
    ]);
  });

  it('takes the kit shape, and leaves the rest of metadata to the application', () => {
    const kit = c.router({
      a: route('/a', { auth: { permissions: ['a:read'] }, owner: 'team-a' }),
      b: route('/b', { auth: {} }),
      c: route('/c', { auth: { required: false, schemes: ['apiKey'] } }),
      d: route('/d', { owner: 'team-b' }),
    });
    const specs = fromTsRestRouter(kit, { a: ok, b: ok, c: ok, d: ok });
    expect(specs.map((s) => s.auth)).toEqual([{ required: true, permissions: ['a:read'] }, { required: true }, { required: false, schemes: ['apiKey'] }, undefined]);
    expect(specs[0]!.metadata).toEqual({ auth: { permissions: ['a:read'] }, owner: 'team-a' });
  });

  it('refuses a kit-looking object with unknown keys (a typo must not turn into "session required")', () => {
    const typo = c.router({ a: route('/a', { auth: { permission: ['a:read'] } }) });
    expect(thrown(() => fromTsRestRouter(typo, { a: ok })).message).toMatch(/route a: metadata\.auth is \{"permission":\["a:read"\]\}, which is not the kit's shape/);
  });
});

describe('the auth option', () => {
  const mapper: TsRestAuthMapper = (metadata) => {
    const auth = (metadata as { auth?: unknown } | undefined)?.auth;
    if (auth === true) return true;
    if (typeof auth === 'object' && auth !== null && 'roles' in auth) return { permissions: (auth as { roles: string[] }).roles.map((r) => `role:${r}`) };
    return undefined;
  };

  it('maps the application metadata to the kit requirement, and metadata.auth is not read by the kit', () => {
    const specs = fromTsRestRouter(appContract, impl, { auth: mapper });
    expect(Object.fromEntries(specs.map((s) => [s.name, s.auth]))).toEqual({
      mine: { required: true },
      open: undefined,
      admin: { required: true, permissions: ['role:admin'] },
      plain: undefined,
    });
  });

  it('gets the route and its name too', () => {
    const seen: string[] = [];
    fromTsRestRouter(appContract, impl, { auth: (_m, r, name) => (seen.push(`${name} ${r.path}`), undefined), namePrefix: 'app' });
    expect(seen).toEqual(['app.mine /mine', 'app.open /open', 'app.admin /admin', 'app.plain /plain']);
  });

  it('refuses what the mapper returns when it is not a requirement', () => {
    expect(thrown(() => fromTsRestRouter(appContract, impl, { auth: () => 'yes' as never })).message).toMatch(
      /4 problems\n {2}- route mine: the auth option returned "yes": expected true, false, undefined or \{ required\?, permissions\?, schemes\? \}/,
    );
  });

  describe('served', () => {
    let server: ServedContract;
    const auth = new DemoTokenAuthProvider({ 'admin-token': { subject: 'a', permissions: ['role:admin'] }, 'user-token': { subject: 'u', permissions: [] } });
    beforeAll(async () => {
      server = await serveContract(appContract, impl, { adapter: { auth: mapper }, mount: { context: () => ({ auth }) } });
    });
    afterAll(() => server.close());
    const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then((r) => r.status);

    it('enforces the mapped requirement, and only that', async () => {
      expect(await get('/open')).toBe(200);
      expect(await get('/plain')).toBe(200);
      expect(await get('/mine')).toBe(401);
      expect(await get('/mine', 'user-token')).toBe(200);
      expect(await get('/admin', 'user-token')).toBe(403);
      expect(await get('/admin', 'admin-token')).toBe(200);
    });
  });
});

describe('warnings', () => {
  it('reports ignored metadata as diagnostics and keeps going', () => {
    const odd = c.router({ a: route('/a', { tags: 'reports', name: 42 }), b: route('/b', { tags: ['x', 1] }) });
    const diagnostics: Diagnostic[] = [];
    const specs = fromTsRestRouter(odd, { a: ok, b: ok }, { onWarning: (d) => diagnostics.push(d) });
    expect(specs.map((s) => [s.name, s.tags])).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
    expect(diagnostics).toEqual([
      { level: 'warning', at: 'route a metadata.name', message: 'is not a non-empty string: ignored, the route is named by its key path' },
      { level: 'warning', at: 'route a metadata.tags', message: 'is not a list of strings: ignored, the route is tagged by its first key' },
      { level: 'warning', at: 'route b metadata.tags', message: 'is not a list of strings: ignored, the route is tagged by its first key' },
    ]);
  });
});
