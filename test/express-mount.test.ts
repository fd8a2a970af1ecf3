import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleErrorSchema } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { Account, AccountPage } from './fixtures/accounts.js';
import { createProbeModule } from './fixtures/express-probe.js';
import { recordingLogger, startAccountsServer, startProbeServer } from './fixtures/express-server.js';
import { listen } from './fixtures/listen.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const json = { 'content-type': 'application/json' };

describe('mountModule: the Accounts example over HTTP', () => {
  let server: Awaited<ReturnType<typeof startAccountsServer>>;
  beforeAll(async () => {
    server = await startAccountsServer({ now: () => new Date('2030-01-02T03:04:05.000Z') });
  });
  afterAll(() => server.close());

  it('lists every mounted route and view', () => {
    expect(server.routes.map((r) => `${r.method} ${r.path} ${r.name}`)).toEqual([
      'GET /api/accounts accounts.list',
      'GET /api/accounts/:id accounts.get',
      'POST /api/accounts accounts.create',
      'DELETE /api/accounts/:id accounts.remove',
      'GET /_views/accounts/:id account-profile',
      'PUT /api/accounts/:id/avatar avatars.upload',
      'GET /api/accounts/:id/avatar avatars.get',
    ]);
  });

  it('creates, reads, lists and deletes an account', async () => {
    const created = await fetch(`${server.url}/api/accounts`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'Ada@Example.com', name: 'Ada' }) });
    expect(created.status).toBe(201);
    const account = Account.parse(await created.json());
    expect(account).toMatchObject({ email: 'ada@example.com', name: 'Ada', createdAt: '2030-01-02T03:04:05.000Z' });

    const got = await fetch(`${server.url}/api/accounts/${account.id}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(account);

    const list = await fetch(`${server.url}/api/accounts?page=1&limit=5`);
    expect(AccountPage.parse(await list.json())).toEqual({ items: [account], page: 1, limit: 5, total: 1 });

    const removed = await fetch(`${server.url}/api/accounts/${account.id}`, { method: 'DELETE', headers: { authorization: 'Bearer demo-admin' } });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');

    const gone = await fetch(`${server.url}/api/accounts/${account.id}`, { headers: { 'x-request-id': 'after-delete' } });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ code: 'not_found', message: `Account ${account.id} not found`, correlationId: 'after-delete' });
  });

  it('serves a view loader as JSON under /_views', async () => {
    const created = Account.parse(
      await (await fetch(`${server.url}/api/accounts`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'view@example.com', name: 'Vi' }) })).json(),
    );
    const view = await fetch(`${server.url}/_views/accounts/${created.id}`);
    expect(view.status).toBe(200);
    expect(await view.json()).toEqual({ account: created, title: 'Vi <view@example.com>' });

    const bad = await fetch(`${server.url}/_views/accounts/not-a-uuid`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'validation', details: [{ part: 'params', path: ['id'] }] });
  });
});

describe('mountModule: request context', () => {
  let server: Awaited<ReturnType<typeof startProbeServer>>;
  beforeAll(async () => {
    server = await startProbeServer({ now: () => new Date('2031-05-06T07:08:09.000Z') });
  });
  afterAll(() => server.close());

  it('echoes a valid x-request-id in the header, the context and error bodies', async () => {
    const id = 'req_1.a-B';
    const response = await fetch(`${server.url}/probe/context`, { headers: { 'x-request-id': id } });
    expect(response.headers.get('x-request-id')).toBe(id);
    expect(await response.json()).toMatchObject({ requestId: id });

    const error = await fetch(`${server.url}/probe/nothing-here`, { headers: { 'x-request-id': id } });
    expect(error.headers.get('x-request-id')).toBe(id);
    expect(await error.json()).toMatchObject({ code: 'not_found', correlationId: id });
  });

  it('accepts 128 characters and replaces longer or invalid ids with a new UUID', async () => {
    const max = 'a'.repeat(128);
    expect((await fetch(`${server.url}/probe/context`, { headers: { 'x-request-id': max } })).headers.get('x-request-id')).toBe(max);
    for (const invalid of ['a'.repeat(129), 'has space', 'semi;colon', 'slash/y', '']) {
      const response = await fetch(`${server.url}/probe/context`, { headers: { 'x-request-id': invalid } });
      const header = response.headers.get('x-request-id');
      expect(header).toMatch(UUID);
      expect(await response.json()).toMatchObject({ requestId: header });
    }
    const a = (await fetch(`${server.url}/probe/context`)).headers.get('x-request-id');
    const b = (await fetch(`${server.url}/probe/context`)).headers.get('x-request-id');
    expect(a).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('binds the logger to the request id and route name', async () => {
    await fetch(`${server.url}/probe/context`, { headers: { 'x-request-id': 'log-bound' } });
    const record = server.records.find((r) => r.message === 'context read' && r.requestId === 'log-bound');
    expect(record).toMatchObject({ level: 'info', requestId: 'log-bound', route: 'probe.context', probe: true });
  });

  it('uses the injected clock and resolves the session through the auth provider', async () => {
    const anonymous = await (await fetch(`${server.url}/probe/context`)).json();
    expect(anonymous).toMatchObject({ now: '2031-05-06T07:08:09.000Z', authenticated: false, subject: null });
    const signedIn = await (await fetch(`${server.url}/probe/context`, { headers: { authorization: 'Bearer probe-reader' } })).json();
    expect(signedIn).toMatchObject({ authenticated: true, subject: 'reader' });
  });

  it('gives view loaders an SSRContext with params, cookies, url and auth', async () => {
    const response = await fetch(`${server.url}/_views/pages/about-us?x=1`, { headers: { cookie: 'theme=dark%20blue; other=1', authorization: 'Bearer probe-none' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slug: 'about-us', theme: 'dark blue', path: '/_views/pages/about-us', authenticated: true });
    const missing = await fetch(`${server.url}/_views/pages/missing`);
    expect(missing.status).toBe(404);
    expect(ModuleErrorSchema.parse(await missing.json())).toMatchObject({ code: 'not_found', message: 'No such page' });
  });
});

describe('mountModule: lifecycle and options', () => {
  it('runs init before the first request is served, and dispose once on close', async () => {
    const server = await startProbeServer();
    // No await on `ready`: the request must wait for init (which takes 20 ms) by itself.
    const first = await (await fetch(`${server.url}/probe/context`)).json();
    expect(first.events).toEqual(['init']);
    await server.mounted.ready;
    await Promise.all([server.mounted.close(), server.mounted.close()]);
    expect(server.hooks.events).toEqual(['init', 'dispose']);
    await server.close();
  });

  it('fails requests with a 500 and logs when init fails', async () => {
    const module = createProbeModule();
    const failing = { ...module, init: () => Promise.reject(new Error('no database')) };
    const { records, logger } = recordingLogger();
    const app = express();
    const mounted = mountModule(app, failing, { logger });
    const server = await listen(app);
    const response = await fetch(`${server.url}/probe/context`);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'internal', message: 'Internal Server Error' });
    await expect(mounted.ready).rejects.toThrow('no database');
    expect(records.some((r) => r.message === '[express] module probe: init failed')).toBe(true);
    await server.close();
  });

  it('serves views under a custom prefix and mounts on a Router', async () => {
    const app = express();
    const router = express.Router();
    const mounted = mountModule(router, createProbeModule(), { viewsPrefix: '/data/' });
    app.use(router);
    const server = await listen(app);
    expect(mounted.routes.find((r) => r.kind === 'view')?.path).toBe('/data/pages/:slug');
    expect((await fetch(`${server.url}/data/pages/intro`)).status).toBe(200);
    expect((await fetch(`${server.url}/_views/pages/intro`)).status).toBe(404);
    await server.close();
  });

  it('claims no prefix with basePath: false, so later routes under it are reached', async () => {
    const app = express();
    mountModule(app, createProbeModule(), { basePath: false });
    app.get('/probe/health', (_req, res) => void res.json({ ok: true }));
    const server = await listen(app);
    try {
      expect(await (await fetch(`${server.url}/probe/health`)).json()).toEqual({ ok: true });
    } finally {
      await server.close();
    }
  });

  it('rejects bad options with every problem at once', () => {
    expect(() => mountModule(express(), createProbeModule(), { viewsPrefix: 'views', basePath: 'api', bodyLimit: 'lots' })).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [express] module probe: 3 problems
        - viewsPrefix: must start with "/"
        - basePath: must start with "/" (or be false)
        - bodyLimit: "lots" is not a size such as 102400 or "100kb"]
    `);
  });
});
