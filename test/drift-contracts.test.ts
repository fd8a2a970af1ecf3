import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyIgnores, diffContracts, readArtifactSet, type ContractChange } from '@webstir-io/module-contract/drift';
import { artifactSetOf, shopModule, writeArtifactSet, type ShopVariant } from './fixtures/drift-artifacts.js';

const base = artifactSetOf(shopModule());
const diffTo = (variant: ShopVariant) => diffContracts(base, artifactSetOf(shopModule(variant)));
const brief = (changes: ContractChange[]) => changes.map((c) => ({ rule: c.rule, severity: c.severity, subject: c.subject, path: c.path }));

describe('diffContracts', () => {
  it('finds nothing between two builds of the same module', () => {
    expect(diffContracts(base, artifactSetOf(shopModule()))).toEqual({ breaking: false, changes: [] });
  });

  it('a response field made optional is breaking in every operation that returns it, and in the event that carries it', () => {
    const diff = diffTo({ itemNameOptional: true });
    expect(diff.breaking).toBe(true);
    const breaking = diff.changes.filter((c) => c.severity === 'breaking');
    expect(new Set(breaking.map((c) => c.rule))).toEqual(new Set(['property-became-optional']));
    expect(breaking.map((c) => c.subject).sort()).toEqual(['GET /items (itemsList)', 'GET /items/{id} (itemsGet)', 'POST /items (itemsCreate)', 'event item.created v2']);
    expect(breaking.find((c) => c.subject === 'GET /items/{id} (itemsGet)')?.path).toBe('/paths/~1items~1{id}/get/responses/200/content/application~1json/schema/properties/name');
    expect(breaking.find((c) => c.kind === 'event')?.path).toBe('/schemas/item.created.v2.schema.json/properties/item/properties/name');
  });

  it('an optional response field added is MINOR', () => {
    const diff = diffTo({ itemNote: true });
    expect(diff.breaking).toBe(false);
    expect(new Set(diff.changes.map((c) => `${c.rule}:${c.severity}`))).toEqual(new Set(['optional-property-added:info']));
  });

  it('a required request field is breaking for the operation that takes it', () => {
    expect(brief(diffTo({ createRequiresSku: true }).changes)).toEqual([
      { rule: 'required-property-added', severity: 'breaking', subject: 'POST /items (itemsCreate)', path: '/paths/~1items/post/requestBody/content/application~1json/schema/properties/sku' },
    ]);
  });

  it('a new required query parameter is breaking', () => {
    expect(brief(diffTo({ requiredQuery: true }).changes)).toEqual([
      { rule: 'required-parameter-added', severity: 'breaking', subject: 'GET /items (itemsList)', path: '/paths/~1items/get/parameters/query/q' },
    ]);
  });

  it('a removed operation is breaking unless the base deprecated it', () => {
    expect(brief(diffTo({ withoutRemove: true }).changes)).toEqual([
      { rule: 'operation-removed', severity: 'breaking', subject: 'DELETE /items/{id} (itemsRemove)', path: '/paths/~1items~1{id}/delete' },
      { rule: 'schema-file-removed', severity: 'warning', subject: 'items.remove.params.schema.json', path: '/schemas/items.remove.params.schema.json' },
    ]);
    const deprecatedBase = artifactSetOf(shopModule({ removeDeprecated: true }));
    const diff = diffContracts(deprecatedBase, artifactSetOf(shopModule({ withoutRemove: true })));
    expect(diff.breaking).toBe(false);
    expect(diff.changes.map((c) => c.rule)).toEqual(['deprecated-operation-removed', 'schema-file-removed']);
    expect(diffContracts(base, deprecatedBase).changes.map((c) => `${c.rule}:${c.severity}`)).toEqual(['operation-deprecated:info']);
  });

  it('a removed success status is breaking; the new one is listed', () => {
    const diff = diffTo({ createReturns200: true });
    expect(diff.changes.map((c) => `${c.rule}:${c.severity}:${c.path}`)).toEqual([
      'success-status-removed:breaking:/paths/~1items/post/responses/201',
      'response-status-added:info:/paths/~1items/post/responses/200',
    ]);
  });

  it('events: a removed version is breaking, a payload is diffed as a response', () => {
    expect(brief(diffTo({ withoutEventV1: true }).changes)).toEqual([
      { rule: 'event-version-removed', severity: 'breaking', subject: 'event item.created v1', path: '/manifest/events/item.created@1' },
      { rule: 'schema-file-removed', severity: 'warning', subject: 'item.created.v1.schema.json', path: '/schemas/item.created.v1.schema.json' },
    ]);
    expect(brief(diffTo({ eventIdNumber: true }).changes)).toEqual([
      { rule: 'type-changed', severity: 'breaking', subject: 'event item.created v1', path: '/schemas/item.created.v1.schema.json/properties/id/type' },
    ]);
  });

  it('manifest: a removed capability and a contractVersion major change are breaking', () => {
    const head = artifactSetOf(shopModule({ capabilities: ['auth'] }));
    head.manifest = { ...head.manifest, contractVersion: '2.0.0' };
    expect(brief(diffContracts(base, head).changes)).toEqual([
      { rule: 'contract-version-major-changed', severity: 'breaking', subject: 'manifest shop', path: '/manifest/contractVersion' },
      { rule: 'capability-removed', severity: 'breaking', subject: 'manifest shop', path: '/manifest/capabilities/db' },
      { rule: 'capability-added', severity: 'info', subject: 'manifest shop', path: '/manifest/capabilities/auth' },
    ]);
  });

  describe('matching operations', () => {
    type Doc = { paths: Record<string, Record<string, Record<string, unknown> & { parameters?: { name: string; in: string }[] }>> };
    const edit = (change: (doc: Doc) => void) => {
      const head = structuredClone(base);
      change(head.openapi as unknown as Doc);
      return diffContracts(base, head);
    };
    const rename = (doc: Doc, from: string, to: string) => {
      doc.paths[to] = doc.paths[from] as Doc['paths'][string];
      delete doc.paths[from];
    };

    it('a renamed path parameter leaves the URL and the operation the same', () => {
      const diff = edit((doc) => {
        rename(doc, '/items/{id}', '/items/{itemId}');
        for (const operation of Object.values(doc.paths['/items/{itemId}'] ?? {})) for (const p of operation.parameters ?? []) if (p.in === 'path') p.name = 'itemId';
      });
      expect(diff.changes).toEqual([]);
    });

    it('an operation that moved keeps its operationId and is reported as moved', () => {
      const diff = edit((doc) => rename(doc, '/items', '/products'));
      expect(brief(diff.changes).map((c) => `${c.rule}:${c.severity}:${c.subject}`)).toEqual([
        'operation-path-changed:breaking:GET /items (itemsList)',
        'operation-path-changed:breaking:POST /items (itemsCreate)',
      ]);
    });

    it('an operationId added where there was none is the same operation', () => {
      const head = structuredClone(base);
      const baseDoc = structuredClone(base);
      delete ((baseDoc.openapi as unknown as Doc).paths['/items']?.get as Record<string, unknown>).operationId;
      expect(diffContracts(baseDoc, head).changes).toEqual([]);
    });
  });

  it('parts with no rule (response headers, webhooks) are warnings, never silence', () => {
    const head = artifactSetOf(shopModule());
    const openapi = head.openapi as { paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>; webhooks?: unknown };
    (openapi.paths['/items/{id}']?.get?.responses['200'] as Record<string, unknown>).headers = { 'X-Rate-Limit': { schema: { type: 'integer' } } };
    openapi.webhooks = { itemCreated: { post: { responses: { 200: { description: 'OK' } } } } };
    expect(brief(diffContracts(base, head).changes)).toEqual([
      { rule: 'operation-part-changed', severity: 'warning', subject: 'GET /items/{id} (itemsGet)', path: '/paths/~1items~1{id}/get/responses/200/headers' },
      { rule: 'webhooks-changed', severity: 'warning', subject: 'webhooks', path: '/webhooks' },
    ]);
  });

  it('follows file $refs between schema files, as the build writes them', () => {
    const setWith = (mood: Record<string, unknown>) => ({
      manifest: { name: 'coach', events: [{ name: 'coach.reflect', version: 1, direction: 'emit' as const, payload: { name: 'Reflection' } }] },
      schemas: {
        'coach.reflect.v1.schema.json': { $id: 'coach.reflect.v1.schema.json', type: 'object', properties: { reflection: { $ref: 'Reflection.schema.json' } }, required: ['reflection'] },
        'Reflection.schema.json': { $id: 'Reflection.schema.json', title: 'Reflection', type: 'object', properties: { mood: { $ref: 'Mood.schema.json' } }, required: ['mood'] },
        'Mood.schema.json': { $id: 'Mood.schema.json', title: 'Mood', ...mood },
      },
    });
    const diff = diffContracts(setWith({ type: 'string', enum: ['calm', 'tense'] }), setWith({ type: 'string', enum: ['calm', 'tense', 'elated'] }));
    expect(brief(diff.changes)).toEqual([
      { rule: 'enum-value-added', severity: 'breaking', subject: 'event coach.reflect v1', path: '/schemas/coach.reflect.v1.schema.json/properties/reflection/properties/mood/enum' },
    ]);
  });

  it('manifest routes are compared when there is no OpenAPI document', () => {
    const { openapi: _b, ...baseOnly } = base;
    const { openapi: _h, ...headOnly } = artifactSetOf(shopModule({ withoutRemove: true }));
    expect(brief(diffContracts(baseOnly, headOnly).changes)).toEqual([
      { rule: 'route-removed', severity: 'breaking', subject: 'DELETE /items/:id (items.remove)', path: '/manifest/routes/items.remove' },
      { rule: 'schema-file-removed', severity: 'warning', subject: 'items.remove.params.schema.json', path: '/schemas/items.remove.params.schema.json' },
    ]);
  });

  it('schema-only sets (like the kit schema/ folder) are diffed file by file, read as both directions by default', () => {
    const before = { schemas: { 'A.schema.json': { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } };
    const after = { schemas: { 'A.schema.json': { type: 'object', properties: { a: { type: 'string' } } }, 'B.schema.json': {} } };
    expect(brief(diffContracts(before, after).changes)).toEqual([
      { rule: 'property-became-optional', severity: 'breaking', subject: 'A.schema.json', path: '/schemas/A.schema.json/properties/a' },
      { rule: 'schema-added', severity: 'info', subject: 'B.schema.json', path: '/schemas/B.schema.json' },
    ]);
    expect(diffContracts(before, after, { schemasDirection: 'request' }).breaking).toBe(false);
  });
});

describe('artifact sets on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drift-set-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('readArtifactSet reads back what was written', () => {
    writeArtifactSet(join(dir, 'base'), base);
    expect(readArtifactSet(join(dir, 'base'))).toEqual(base);
  });

  it('names the file that is not JSON, and the folder that holds nothing', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'bad'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'manifest.json'), '{ nope');
    expect(() => readArtifactSet(join(dir, 'bad'))).toThrow(/bad\/manifest\.json: is not valid JSON/);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(() => readArtifactSet(join(dir, 'empty'))).toThrow(/empty: holds no manifest\.json, openapi\.json or \*\.schema\.json files/);
  });
});

describe('applyIgnores', () => {
  it('accepts a listed break, keeps it in the report, and lists entries that matched nothing', () => {
    const diff = diffTo({ createRequiresSku: true });
    const { diff: accepted, unused } = applyIgnores(diff, [
      { rule: 'required-property-added', path: '/paths/~1items/post/**/sku', reason: 'sku is sent by every client since 1.3' },
      { rule: 'operation-removed', path: '/paths/*/delete', reason: 'stale' },
    ]);
    expect(accepted.breaking).toBe(false);
    expect(accepted.changes).toHaveLength(1);
    expect(accepted.changes[0]).toMatchObject({ severity: 'breaking', accepted: 'sku is sent by every client since 1.3' });
    expect(unused.map((e) => e.reason)).toEqual(['stale']);
  });

  it('does not accept a different rule on the same path', () => {
    const { diff } = applyIgnores(diffTo({ createRequiresSku: true }), [{ rule: 'type-changed', path: '/**', reason: 'x' }]);
    expect(diff.breaking).toBe(true);
  });
});

describe('artifact sets of several modules', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('compare the events and routes of every module folder', async () => {
    const { buildArtifacts, writeArtifacts } = await import('@webstir-io/module-contract/artifacts');
    const { createAccountsModule } = await import('../examples/accounts/module.js');
    const { coachModule } = await import('../examples/events/module.js');
    const { createModule } = await import('@webstir-io/module-contract');
    const { files } = await buildArtifacts({ modules: [createAccountsModule(), coachModule] });
    const base = mkdtempSync(join(tmpdir(), 'mc-drift-multi-'));
    dirs.push(base);
    writeArtifacts(base, files);
    expect(diffContracts(readArtifactSet(base), readArtifactSet(base)).changes).toEqual([]);

    // The head drops every event of the coach module.
    const { events: _events, ...identity } = coachModule.manifest;
    const quiet = createModule({ manifest: { ...identity, name: 'coach' } });
    const head = mkdtempSync(join(tmpdir(), 'mc-drift-multi-'));
    dirs.push(head);
    writeArtifacts(head, (await buildArtifacts({ modules: [createAccountsModule(), quiet] })).files);
    const diff = diffContracts(readArtifactSet(base), readArtifactSet(head));
    expect(diff.breaking).toBe(true);
    expect(diff.changes.filter((c) => c.severity === 'breaking').map((c) => c.rule)).toContain('event-removed');
  });
});
