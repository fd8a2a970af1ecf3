import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleErrorSchema } from '@webstir-io/module-contract';
import { startAccountsServer, startProbeServer } from './fixtures/express-server.js';

const ITEM = '/probe/items/7f1e1f1c-2a6b-4c8e-9a51-0d6f3b0f8e21';
const json = { 'content-type': 'application/json' };

/** Reads an error response and checks it has the one error shape with a correlation id. */
async function errorOf(response: Response) {
  const body = ModuleErrorSchema.parse(await response.json());
  expect(body.correlationId).toBe(response.headers.get('x-request-id'));
  return { status: response.status, ...body };
}

describe('Express binding: every error has the one shape', () => {
  let server: Awaited<ReturnType<typeof startProbeServer>>;
  beforeAll(async () => {
    server = await startProbeServer({ bodyLimit: '1kb' });
  });
  afterAll(() => server.close());

  it('answers a valid request (the baseline the failures below break)', async () => {
    const response = await fetch(`${server.url}${ITEM}?n=3&tags=a`, { method: 'POST', headers: { ...json, 'x-api-version': '1' }, body: JSON.stringify({ name: 'x' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: ITEM.split('/').pop(), tags: ['a'], n: 3, name: 'x' });
  });

  it('400 validation lists the issues of all failing parts: params, query, headers and body', async () => {
    const response = await fetch(`${server.url}/probe/items/not-a-uuid?n=1.5&tags=a&tags=b&tags=c&tags=d&tags=e&tags=f`, {
      method: 'POST',
      headers: { ...json, 'x-api-version': '2', 'x-request-id': 'all-parts' },
      body: JSON.stringify({ name: '' }),
    });
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 400, code: 'validation', correlationId: 'all-parts' });
    const details = error.details as { part: string; path: unknown[]; message: string }[];
    expect(details.map((d) => [d.part, d.path.join('.')])).toEqual([
      ['params', 'id'],
      ['query', 'tags'],
      ['query', 'n'],
      ['headers', 'x-api-version'],
      ['body', 'name'],
    ]);
    for (const detail of details) expect(detail.message).toEqual(expect.any(String));
  });

  it('400 validation for a missing body', async () => {
    const error = await errorOf(await fetch(`${server.url}${ITEM}?n=1`, { method: 'POST', headers: { 'x-api-version': '1' } }));
    expect(error).toMatchObject({ status: 400, code: 'validation', details: [{ part: 'body', path: [] }] });
  });

  it('400 for malformed JSON', async () => {
    const error = await errorOf(await fetch(`${server.url}${ITEM}?n=1`, { method: 'POST', headers: { ...json, 'x-api-version': '1' }, body: '{"name": "x"' }));
    expect(error).toEqual({ status: 400, code: 'bad_request', message: 'Malformed JSON body', correlationId: error.correlationId });
  });

  it('400 for a path that does not decode', async () => {
    const error = await errorOf(await fetch(`${server.url}/probe/items/%E0%A4%A`, { method: 'POST' }));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('415 for a body of the wrong content type', async () => {
    const error = await errorOf(await fetch(`${server.url}${ITEM}?n=1`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-api-version': '1' }, body: 'name=x' }));
    expect(error).toMatchObject({ status: 415, code: 'unsupported_media_type', message: 'Expected a request body of type application/json' });
    const charset = await fetch(`${server.url}${ITEM}?n=1`, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1', 'x-api-version': '1' }, body: '{}' });
    expect((await errorOf(charset)).status).toBe(415);
  });

  it('413 for a body over the limit', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(2048) });
    const error = await errorOf(await fetch(`${server.url}${ITEM}?n=1`, { method: 'POST', headers: { ...json, 'x-api-version': '1' }, body }));
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large', message: 'Request body exceeds the limit of 1kb' });
  });

  it('404 for an unknown path under the module, and paths outside it are left to the app', async () => {
    const error = await errorOf(await fetch(`${server.url}/probe/no/such/route`));
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'No route matches this path' });
    const views = await errorOf(await fetch(`${server.url}/_views/no-such-view`));
    expect(views.status).toBe(404);
    const outside = await fetch(`${server.url}/elsewhere`);
    expect(outside.status).toBe(200);
    expect(await outside.text()).toBe('not the module');
    expect(outside.headers.get('x-request-id')).toBeNull();
  });

  it('405 with an Allow header for a known path and the wrong method', async () => {
    const response = await fetch(`${server.url}${ITEM}`, { method: 'PUT' });
    expect(response.headers.get('allow')).toBe('POST');
    expect(await errorOf(response)).toMatchObject({ status: 405, code: 'method_not_allowed' });
    const view = await fetch(`${server.url}/_views/pages/intro`, { method: 'DELETE' });
    expect(view.headers.get('allow')).toBe('GET, HEAD');
    expect(view.status).toBe(405);
  });

  it('maps taxonomy errors thrown by handlers through toHttpStatus', async () => {
    const error = await errorOf(await fetch(`${server.url}/probe/orders`, { method: 'POST', headers: json, body: JSON.stringify({ quantity: 11 }) }));
    expect(error).toMatchObject({ status: 422, code: 'unprocessable', message: 'Not enough stock' });
  });

  it('adds the correlation id to an error body a handler returns', async () => {
    const error = await errorOf(await fetch(`${server.url}/probe/returned-error`, { headers: { 'x-request-id': 'returned' } }));
    expect(error).toEqual({ status: 404, code: 'not_found', message: 'Nothing here', correlationId: 'returned' });
  });

  it.each([
    ['a synchronous throw', '/probe/crash', 'probe.crash', 'hunter2'],
    ['an asynchronous rejection', '/probe/async-crash', 'probe.asyncCrash', 'async secret detail'],
  ])('500 internal for %s: nothing of the error is sent, its stack is logged', async (_label, path, route, secret) => {
    const response = await fetch(`${server.url}${path}`, { headers: { 'x-request-id': `crash-${route}` } });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ code: 'internal', message: 'Internal Server Error', correlationId: `crash-${route}` });
    expect(text).not.toContain(secret);
    const logged = server.records.find((r) => r.requestId === `crash-${route}` && r.level === 'error');
    expect(logged).toMatchObject({ route, message: `[express] route ${route}: unhandled error` });
    expect((logged?.error as { stack?: string }).stack).toMatch(/\n\s+at /);
  });
});

describe('Express binding: auth', () => {
  let accounts: Awaited<ReturnType<typeof startAccountsServer>>;
  let probe: Awaited<ReturnType<typeof startProbeServer>>;
  beforeAll(async () => {
    [accounts, probe] = await Promise.all([startAccountsServer(), startProbeServer()]);
  });
  afterAll(() => Promise.all([accounts.close(), probe.close()]));

  const id = '7f1e1f1c-2a6b-4c8e-9a51-0d6f3b0f8e21';

  it('401 unauthorized without a session, before the request is validated', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic demo-admin' }] as Record<string, string>[]) {
      const error = await errorOf(await fetch(`${accounts.url}/api/accounts/not-a-uuid`, { method: 'DELETE', headers }));
      expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'Authentication required' });
    }
  });

  it('403 forbidden when the session lacks the declared permission', async () => {
    const error = await errorOf(await fetch(`${accounts.url}/api/accounts/${id}`, { method: 'DELETE', headers: { authorization: 'Bearer demo-reader' } }));
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Missing permission: accounts:delete' });
  });

  it('lets a permitted session through to the handler', async () => {
    const error = await errorOf(await fetch(`${accounts.url}/api/accounts/${id}`, { method: 'DELETE', headers: { authorization: 'Bearer demo-admin' } }));
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    const ok = await fetch(`${probe.url}/probe/secure`, { headers: { authorization: 'Bearer probe-reader' } });
    expect(await ok.json()).toEqual({ subject: 'reader' });
    expect((await fetch(`${probe.url}/probe/secure`, { headers: { authorization: 'Bearer probe-none' } })).status).toBe(403);
    expect((await fetch(`${probe.url}/probe/secure`)).status).toBe(401);
  });
});

describe('Express binding: response validation', () => {
  it('never sends a body that breaks the schema of its status, nor an undeclared status', async () => {
    const server = await startProbeServer();
    for (const [path, route, problem] of [
      ['/probe/wrong-body', 'probe.wrongBody', 'the body returned with status 200 does not match its schema'],
      ['/probe/undeclared-status', 'probe.undeclaredStatus', 'status 202 is not declared (declared: 200)'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { headers: { 'x-request-id': route } });
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ code: 'internal', message: 'Internal Server Error', correlationId: route });
      expect(text).not.toContain('yes');
      const logged = server.records.find((r) => r.requestId === route && r.level === 'error');
      expect(logged).toMatchObject({ route, message: `[express] route ${route}: ${problem}` });
    }
    const logged = server.records.find((r) => r.requestId === 'probe.wrongBody' && r.level === 'error');
    expect(logged?.details).toEqual([{ path: ['ok'], message: 'Expected boolean, received string', code: 'invalid_type' }]);
    await server.close();
  });

  it('sends handler results unchecked when responseValidation is off', async () => {
    const server = await startProbeServer({ responseValidation: false });
    const response = await fetch(`${server.url}/probe/wrong-body`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: 'yes' });
    await server.close();
  });
});

describe('the Accounts example app outside its module', () => {
  it('answers any other path with a 404 in the one error shape, docs paths included', async () => {
    const server = await startAccountsServer();
    try {
      for (const path of ['/nothing', '/docs/nope', '/app/missing.js']) {
        const response = await fetch(`${server.url}${path}`, { headers: { 'x-request-id': 'lost-1' } });
        expect(response.status, path).toBe(404);
        expect(response.headers.get('x-request-id')).toBe('lost-1');
        const body = ModuleErrorSchema.parse(await response.json());
        expect(body).toEqual({ code: 'not_found', message: `No route matches GET ${path}`, correlationId: 'lost-1' });
      }
    } finally {
      await server.close();
    }
  });
});
