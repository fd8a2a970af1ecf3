import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@webstir-io/module-contract';
import { ContractClientError, createClient, isContractClientError, unwrap } from '@webstir-io/module-contract/client';
import { createAccountsApp } from '../examples/accounts/app.js';
import { accountsContract } from './fixtures/accounts.js';
import { echo, echoContract } from './fixtures/echo-server.js';
import { listen } from './fixtures/listen.js';

let echoUrl: string;
let accountsUrl: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const echoServer = await listen(echo);
  const accounts = await createAccountsApp({ logger: silentLogger });
  const accountsServer = await listen(accounts.app);
  echoUrl = echoServer.url;
  accountsUrl = accountsServer.url;
  closers.push(echoServer.close, accountsServer.close, accounts.close);
});
afterAll(async () => {
  for (const close of closers) await close();
});

describe('createClient against the Accounts server', () => {
  it('creates then gets an account, with validated bodies', async () => {
    const client = createClient(accountsContract, { baseUrl: accountsUrl, validateResponse: true });
    const created = await client.accounts.create({ body: { email: 'Ada@Example.com', name: 'Ada' } });
    expect(created).toMatchObject({ status: 201, ok: true, body: { email: 'ada@example.com', name: 'Ada' } });
    if (created.status !== 201) throw new Error('not created');
    const fetched = await client.accounts.get({ params: { id: created.body.id } });
    expect(fetched).toMatchObject({ status: 200, ok: true, body: created.body });
    const listed = await client.accounts.list({ query: { page: 1, limit: 5 } });
    expect(listed.status === 200 && listed.body.items.map((a) => a.id)).toContain(created.body.id);
  });

  it('returns the declared 409 with the typed error body and the echoed request id', async () => {
    const client = createClient(accountsContract, { baseUrl: accountsUrl, validateResponse: true, requestId: () => 'dup-check-1' });
    await client.accounts.create({ body: { email: 'grace@example.com', name: 'Grace' } });
    const duplicate = await client.accounts.create({ body: { email: 'grace@example.com', name: 'Grace' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.ok).toBe(false);
    expect(duplicate.body).toMatchObject({ code: 'email_taken', message: 'Email grace@example.com is already registered' });
    expect(duplicate.requestId).toBe('dup-check-1');
    expect(duplicate.headers.get('x-request-id')).toBe('dup-check-1');
  });

  it('returns the declared 404 and, for undeclared statuses, the server error as sent', async () => {
    const client = createClient(accountsContract, { baseUrl: accountsUrl });
    const missing = await client.accounts.get({ params: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(missing).toMatchObject({ status: 404, ok: false, body: { code: 'not_found' } });
    const invalid = await client.accounts.get({ params: { id: 'not-a-uuid' } });
    expect(invalid).toMatchObject({ status: 400, ok: false, body: { code: 'validation', details: [{ part: 'params', path: ['id'] }] } });
  });

  it('sends headers from an async function per request, under the call headers', async () => {
    let calls = 0;
    const client = createClient(accountsContract, {
      baseUrl: accountsUrl,
      headers: async () => ((calls += 1), { Authorization: 'Bearer demo-reader' }),
    });
    const created = await client.accounts.create({ body: { email: 'lin@example.com', name: 'Lin' } });
    if (created.status !== 201) throw new Error('not created');
    const forbidden = await client.accounts.remove({ params: { id: created.body.id } });
    expect(forbidden).toMatchObject({ status: 403, ok: false, body: { code: 'forbidden' } });
    const removed = await client.accounts.remove({ params: { id: created.body.id }, extraHeaders: { authorization: 'Bearer demo-admin' } });
    expect(removed).toMatchObject({ status: 204, ok: true, body: undefined });
    expect(calls).toBe(3);
  });
});

describe('createClient requests', () => {
  it('encodes queries the kit way: repeated keys for arrays, brackets for objects', async () => {
    const client = createClient(echoContract, { baseUrl: echoUrl });
    const result = await client.search({ query: { tags: ['a b', 'c&d'], filter: { a: 1, b: 'x' }, q: undefined } });
    expect(result.status === 200 && result.body.url).toBe('/echo/search?tags=a%20b&tags=c%26d&filter%5Ba%5D=1&filter%5Bb%5D=x');
  });

  it('escapes path params', async () => {
    const client = createClient(echoContract, { baseUrl: echoUrl });
    const result = await client.item({ params: { id: 'a/b?c#d' } });
    expect(result.status === 200 && result.body.url).toBe('/echo/items/a%2Fb%3Fc%23d');
  });

  it('merges static headers, call headers and a generated request id', async () => {
    const client = createClient(echoContract, { baseUrl: echoUrl, headers: { 'X-App': 'web', 'x-tenant': 'base' } });
    const result = await client.send({ body: { n: 1 }, extraHeaders: { 'x-tenant': 'call' } });
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    const sent = result.body.headers;
    expect(sent).toMatchObject({ 'x-app': 'web', 'x-tenant': 'call', 'content-type': 'application/json' });
    expect(sent['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.requestId).toBe(`echo-${sent['x-request-id']}`);
    expect(result.body).toMatchObject({ method: 'POST', body: { n: 1 } });
  });

  it('keeps a request id the call sets, and sends none when told', async () => {
    const client = createClient(echoContract, { baseUrl: echoUrl });
    const own = await client.item({ params: { id: '1' }, extraHeaders: { 'x-request-id': 'mine' } });
    expect(own.status === 200 && own.body.headers['x-request-id']).toBe('mine');
    const none = await createClient(echoContract, { baseUrl: echoUrl, requestId: false }).item({ params: { id: '1' } });
    expect(none.status === 200 && 'x-request-id' in none.body.headers).toBe(false);
    expect(none.requestId).toBeUndefined();
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const client = createClient(echoContract, { baseUrl: echoUrl, fetch: (input, init) => (seen.push(`${init.method} ${input}`), fetch(input, init)) });
    await client.item({ params: { id: '7' } });
    expect(seen).toEqual([`GET ${echoUrl}/echo/items/7`]);
  });
});

describe('createClient failures are results', () => {
  it('times out with a status 0 result and code timeout', async () => {
    const result = await createClient(echoContract, { baseUrl: echoUrl, timeoutMs: 50, requestId: () => 'slow-1' }).hang();
    expect(result).toMatchObject({ status: 0, ok: false, requestId: 'slow-1', body: { code: 'timeout', message: '[client] GET /hang: timed out after 50 ms' } });
  });

  it('reports an abort from the caller as code aborted', async () => {
    const controller = new AbortController();
    const pending = createClient(echoContract, { baseUrl: echoUrl }).hang({ fetchOptions: { signal: controller.signal } });
    controller.abort();
    expect(await pending).toMatchObject({ status: 0, body: { code: 'aborted' } });
  });

  it('tells a timeout from a caller abort when both can happen', async () => {
    const client = createClient(echoContract, { baseUrl: echoUrl, timeoutMs: 50 });
    const idle = new AbortController();
    expect(await client.hang({ fetchOptions: { signal: idle.signal } })).toMatchObject({ status: 0, body: { code: 'timeout' } });
    const slow = createClient(echoContract, { baseUrl: echoUrl, timeoutMs: 60_000 });
    const caller = new AbortController();
    const pending = slow.hang({ fetchOptions: { signal: caller.signal } });
    caller.abort();
    expect(await pending).toMatchObject({ status: 0, body: { code: 'aborted' } });
  });

  it('reports a refused connection as code network_error', async () => {
    const closed = await listen(echo);
    await closed.close();
    const result = await createClient(echoContract, { baseUrl: closed.url }).item({ params: { id: '1' } });
    expect(result).toMatchObject({ status: 0, ok: false, body: { code: 'network_error' } });
    expect(result.status === 0 && result.error).toBeInstanceOf(TypeError);
  });

  it('wraps an undeclared status without the error shape as unexpected_status', async () => {
    const result = await createClient(echoContract, { baseUrl: echoUrl }).status({ params: { code: '502' } });
    expect(result).toMatchObject({
      status: 502,
      ok: false,
      body: { code: 'unexpected_status', message: '[client] GET /status/:code: unexpected HTTP 502', details: '<h1>Bad Gateway</h1>' },
    });
  });

  it('wraps a declared error status whose body is not JSON, as a proxy would send it', async () => {
    const result = await createClient(echoContract, { baseUrl: echoUrl }).gateway();
    expect(result).toMatchObject({
      status: 502,
      ok: false,
      body: { code: 'unexpected_status', message: '[client] GET /gateway: unexpected HTTP 502', details: '<h1>Bad Gateway</h1>' },
    });
  });

  it('reports a body that is not JSON as invalid_response', async () => {
    const result = await createClient(echoContract, { baseUrl: echoUrl }).badJson();
    expect(result).toMatchObject({ status: 0, body: { code: 'invalid_response', message: expect.stringMatching(/^\[client\] GET \/bad-json: HTTP 200: SyntaxError/) } });
  });

  it('checks bodies against the contract only when validateResponse is on', async () => {
    const trusting = await createClient(echoContract, { baseUrl: echoUrl }).wrongShape();
    expect(trusting).toMatchObject({ status: 200, ok: true, body: { count: 'many' } });
    const checking = await createClient(echoContract, { baseUrl: echoUrl, validateResponse: true }).wrongShape();
    expect(checking).toMatchObject({
      status: 0,
      ok: false,
      body: { code: 'invalid_response', details: { status: 200, issues: [{ path: ['count'], message: 'Expected number, received string' }] } },
    });
  });
});

describe('unwrap', () => {
  it('resolves to the success body', async () => {
    const client = createClient(accountsContract, { baseUrl: accountsUrl });
    const account = await unwrap(client.accounts.create({ body: { email: 'unwrap@example.com', name: 'Un' } }));
    expect(account).toMatchObject({ email: 'unwrap@example.com', name: 'Un' });
    expect(await unwrap(client.accounts.get({ params: { id: account.id } }))).toEqual(account);
  });

  it('throws a ContractClientError with status, typed body and request id', async () => {
    const client = createClient(accountsContract, { baseUrl: accountsUrl, requestId: () => 'unwrap-409' });
    await unwrap(client.accounts.create({ body: { email: 'twice@example.com', name: 'T' } }));
    const error = await unwrap(client.accounts.create({ body: { email: 'twice@example.com', name: 'T' } })).catch((e: unknown) => e);
    expect(isContractClientError(error)).toBe(true);
    expect(error).toBeInstanceOf(ContractClientError);
    expect(error).toMatchObject({
      name: 'ContractClientError',
      status: 409,
      code: 'email_taken',
      requestId: 'unwrap-409',
      body: { code: 'email_taken', message: 'Email twice@example.com is already registered' },
      message: '[client] HTTP 409 email_taken: Email twice@example.com is already registered (request unwrap-409)',
    });
  });

  it('throws for failures too, keeping the underlying error as the cause', async () => {
    const error = await unwrap(createClient(echoContract, { baseUrl: echoUrl, timeoutMs: 20, requestId: false }).hang()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'timeout', message: '[client] GET /hang: timed out after 20 ms' });
    expect((error as Error).cause).toBeDefined();
    expect(isContractClientError(new Error('plain'))).toBe(false);
  });
});
