import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, defineRoute, defineView, ModuleErrorSchema } from '@webstir-io/module-contract';
import { findModuleCollisions } from '@webstir-io/module-contract/discovery';
import { createOrchestrator, type Orchestrator } from '../examples/orchestrator/orchestrator.js';
import { recordingLogger } from './fixtures/express-server.js';
import { listen } from './fixtures/listen.js';

const workspace = join(import.meta.dirname, '../examples/orchestrator/workspace');
const notesModuleFile = join(workspace, 'modules/notes/notes-module.ts');

describe('the orchestrator example on its workspace', () => {
  let orchestrator: Orchestrator;
  let server: Awaited<ReturnType<typeof listen>>;
  const { records, logger } = recordingLogger();
  beforeAll(async () => {
    orchestrator = await createOrchestrator({ root: workspace, logger });
    server = await listen(orchestrator.app);
  });
  afterAll(async () => {
    await server?.close();
    await orchestrator?.close();
  });
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };

  it('mounts the backend modules, lists the frontend one, and reports and skips the broken package', async () => {
    const { status, body } = await call('GET', '/_modules');
    expect(status).toBe(200);
    expect(body).toEqual({
      mounted: [
        { name: 'accounts', version: '1.0.0', package: '@shop/accounts' },
        { name: 'notes', version: '1.1.0', package: '@shop/notes' },
      ],
      listed: [{ name: 'storefront', version: '0.4.0', kind: 'frontend', package: '@shop/storefront' }],
      refused: [{ package: '@shop/payments', reason: 'import-failed', message: './index.ts: could not be imported: PAYMENTS_API_KEY is not set' }],
    });
    expect(records.filter((r) => r.level === 'warn').map((r) => r.message)).toEqual([
      '[orchestrator] skipped @shop/payments: import-failed: ./index.ts: could not be imported: PAYMENTS_API_KEY is not set',
    ]);
    expect(orchestrator.routes.map((r) => `${r.module} ${r.method} ${r.path}`)).toEqual([
      'accounts GET /api/accounts',
      'accounts GET /api/accounts/:id',
      'accounts POST /api/accounts',
      'accounts DELETE /api/accounts/:id',
      'accounts GET /_views/accounts/:id',
      'notes GET /api/notes',
      'notes POST /api/notes',
      'notes GET /api/notes/:id',
    ]);
  });

  it('serves both modules side by side under /api', async () => {
    const note = await call('POST', '/api/notes', { title: 'Ship it', tags: ['release'] });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ title: 'Ship it', body: '', tags: ['release'] });
    expect((await call('GET', `/api/notes/${note.body.id}`)).body).toEqual(note.body);
    expect((await call('GET', '/api/notes?tag=release')).body).toEqual({ items: [note.body] });
    expect((await call('GET', '/api/notes?tag=other')).body).toEqual({ items: [] });

    const account = await call('POST', '/api/accounts', { email: 'ada@example.com', name: 'Ada' });
    expect(account.status).toBe(201);
    expect((await call('GET', `/api/accounts/${account.body.id}`)).body).toEqual(account.body);
    expect((await call('GET', `/_views/accounts/${account.body.id}`)).body).toMatchObject({ title: 'Ada <ada@example.com>' });
    expect((await call('DELETE', `/api/accounts/${account.body.id}`)).status).toBe(401);
    expect((await call('DELETE', `/api/accounts/${account.body.id}`, undefined, 'demo-admin')).status).toBe(204);
  });

  it('answers every error in the one error shape', async () => {
    const missing = await call('GET', '/api/notes/3f1d2a9e-5c1b-4a8e-9d7f-2b6c8e4a1f00');
    expect(missing.status).toBe(404);
    expect(ModuleErrorSchema.parse(missing.body)).toMatchObject({ code: 'not_found' });
    const invalid = await call('POST', '/api/notes', { title: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('validation');
    const unknown = await call('GET', '/api/payments');
    expect(unknown.status).toBe(404);
    expect(ModuleErrorSchema.safeParse(unknown.body).success).toBe(true);
  });

  it('serves one OpenAPI document and docs page for every mounted module', async () => {
    const { status, body } = await call('GET', '/docs/openapi.json');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(orchestrator.document)));
    expect(body.info.title).toBe('Shop API');
    expect(Object.keys(body.paths).sort()).toEqual(['/api/accounts', '/api/accounts/{id}', '/api/notes', '/api/notes/{id}']);
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['Account', 'CreateAccount', 'Note', 'CreateNote', 'NoteList', 'ModuleError']));
    const operations = Object.values(body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(operations.sort()).toEqual(['accountsCreate', 'accountsGet', 'accountsList', 'accountsRemove', 'notesCreate', 'notesGet', 'notesList']);
    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>Shop API</title>');
  });
});

describe('collisions between modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-orchestrator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stop the orchestrator before anything is served, naming both modules', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'clash', private: true, workspaces: ['modules/*'] }));
    const pkg = (name: string, moduleName: string) => {
      mkdirSync(join(dir, 'modules', name), { recursive: true });
      writeFileSync(join(dir, 'modules', name, 'package.json'), JSON.stringify({ name, type: 'module', webstir: { module: { kind: 'backend', entry: 'index.mjs' } } }));
      writeFileSync(
        join(dir, 'modules', name, 'index.mjs'),
        `import { createNotesModule } from ${JSON.stringify(pathToFileURL(notesModuleFile).href)};\nexport default createNotesModule({ name: ${JSON.stringify(moduleName)} });\n`,
      );
    };
    pkg('notes', 'notes');
    pkg('archive', 'archive');
    const { logger } = recordingLogger();
    await expect(createOrchestrator({ root: dir, logger })).rejects.toThrow(
      [
        '[orchestrator] 3 collisions between modules; nothing is served:',
        '  - route GET /api/notes is claimed by module archive (route archive.list) and module notes (route notes.list)',
        '  - route POST /api/notes is claimed by module archive (route archive.create) and module notes (route notes.create)',
        '  - route GET /api/notes/:id is claimed by module archive (route archive.get) and module notes (route notes.get)',
      ].join('\n'),
    );
  });
});

describe('findModuleCollisions', () => {
  const route = (name: string, method: 'GET' | 'POST', path: string) =>
    defineRoute({ name, method, path, responses: { 200: z.object({ ok: z.boolean() }) }, handler: () => ({ status: 200, body: { ok: true } }) });
  const view = (name: string, path: string) => defineView({ name, path, data: z.object({}), load: () => ({}) });

  it('finds routes that differ only in parameter names, shared route names and shared view paths', () => {
    const a = createModule({ manifest: { name: 'a', version: '1.0.0', kind: 'backend' }, routes: [route('items.get', 'GET', '/items/:id'), route('items.make', 'POST', '/items')], views: [view('item', '/items/:id')] });
    const b = createModule({ manifest: { name: 'b', version: '1.0.0', kind: 'backend' }, routes: [route('things.get', 'GET', '/items/:itemId/'), route('items.make', 'POST', '/things')], views: [view('thing', '/items/:slug')] });
    expect(findModuleCollisions([a, b]).map((c) => [c.kind, c.key, c.modules, c.message])).toEqual([
      ['route', 'GET /items/:itemId/', ['a', 'b'], 'route GET /items/:itemId/ is claimed by module a (route items.get) and module b (route things.get)'],
      ['route-name', '"items.make"', ['a', 'b'], 'route name "items.make" is claimed by module a (POST /items) and module b (POST /things)'],
      ['view', '/items/:slug', ['a', 'b'], 'view path /items/:slug is claimed by module a (view item) and module b (view thing)'],
    ]);
  });

  it('finds nothing between modules that share only a prefix or a method', () => {
    const a = createModule({ manifest: { name: 'a', version: '1.0.0', kind: 'backend' }, routes: [route('a.list', 'GET', '/api/a'), route('a.get', 'GET', '/api/a/:id')] });
    const b = createModule({ manifest: { name: 'b', version: '1.0.0', kind: 'backend' }, routes: [route('b.list', 'GET', '/api/b'), route('b.get', 'POST', '/api/a/:id')] });
    expect(findModuleCollisions([a, b])).toEqual([]);
  });
});
