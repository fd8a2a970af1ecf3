import { STATUS_CODES } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleErrorSchema } from '@webstir-io/module-contract';
import { errorHandler, notFoundHandler } from '@webstir-io/module-contract/express';
import { generateOpenApi, serveDocs } from '@webstir-io/module-contract/openapi';
import { accountsServerOptions } from '../examples/accounts/app.js';
import { createAccountsModule } from './fixtures/accounts.js';
import { recordingLogger, startAccountsServer } from './fixtures/express-server.js';
import { listen } from './fixtures/listen.js';

/** Checks a response is the one error shape, as JSON, with the request id, and leaks nothing of the server. */
async function oneShape(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = ModuleErrorSchema.parse(JSON.parse(text));
  expect(body.code).toBe(code);
  expect(body.correlationId).toBeTruthy();
  expect(body.correlationId).toBe(response.headers.get('x-request-id'));
  expect(text).not.toMatch(/\bat .*:\d+:\d+|<html|<pre|node_modules/i);
  expect(text).not.toContain(process.cwd());
  expect(text).not.toMatch(/"\/(?:home|usr|tmp|var|opt|root|srv|Users)\//);
  return body;
}

/** Requests that make a static file fail, with the status each must get. */
const FAILING_FILE_REQUESTS: [name: string, headers: Record<string, string>, status: number, code: string][] = [
  ['an unsatisfiable Range', { range: 'bytes=999999999-' }, 416, 'range_not_satisfiable'],
  ['a failing If-Match', { 'if-match': '"not-the-etag"' }, 412, 'precondition_failed'],
  ['a failing If-Unmodified-Since', { 'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' }, 412, 'precondition_failed'],
];

describe('errorHandler()', () => {
  const { records, logger } = recordingLogger();
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const app = express();
    app.get('/boom', () => {
      throw new Error(`secret detail at ${process.cwd()}/src/thing.ts`);
    });
    app.get('/late', (_req, res, next) => {
      res.status(200).write('partial');
      next(new Error('after the headers'));
    });
    app.post('/json', express.json({ limit: '10b' }), (_req, res) => void res.json({ ok: true }));
    app.get('/items/:id', (req, res) => void res.json({ id: req.params.id }));
    // An upstream HTTP client's error: it carries a status, but it is not one Express raised.
    app.get('/upstream', () => {
      throw Object.assign(new Error('upstream said 404 for https://internal.example/secret'), { status: 404, statusCode: 404 });
    });
    app.use(notFoundHandler());
    app.use(errorHandler({ logger }));
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('answers an unknown error with 500 internal, no message, no stack, and logs it with its stack', async () => {
    const response = await fetch(`${server.url}/boom`, { headers: { 'x-request-id': 'boom-1' } });
    const body = await oneShape(response, 500, 'internal');
    expect(body).toEqual({ code: 'internal', message: 'Internal Server Error', correlationId: 'boom-1' });
    const logged = records.find((record) => record.requestId === 'boom-1');
    expect(logged).toMatchObject({ level: 'error', message: '[express] GET /boom: unhandled error' });
    expect(JSON.stringify(logged?.error)).toContain('secret detail');
  });

  it('keeps the status of the client errors Express middleware raises, with the status text as message', async () => {
    const tooLarge = await fetch(`${server.url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ long: 'x'.repeat(50) }) });
    expect(await oneShape(tooLarge, 413, 'payload_too_large')).toMatchObject({ message: STATUS_CODES[413] });
    const malformed = await fetch(`${server.url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a' });
    expect(await oneShape(malformed, 400, 'bad_request')).toMatchObject({ message: 'Bad Request' });
    // A path parameter Express cannot decode.
    await oneShape(await fetch(`${server.url}/items/%ZZ`), 400, 'bad_request');
  });

  it('answers an app error that merely carries a 4xx status as an unknown error: a logged 500, not its status or message', async () => {
    const body = await oneShape(await fetch(`${server.url}/upstream`, { headers: { 'x-request-id': 'upstream-1' } }), 500, 'internal');
    expect(body).toEqual({ code: 'internal', message: 'Internal Server Error', correlationId: 'upstream-1' });
  });

  it('cuts off a response whose headers were already sent instead of writing an error into it', async () => {
    await expect(fetch(`${server.url}/late`).then((response) => response.text())).rejects.toThrow();
  });

  it('pairs with notFoundHandler(): an unknown path is a 404 in the same shape', async () => {
    await oneShape(await fetch(`${server.url}/nowhere`), 404, 'not_found');
  });
});

describe('serveDocs answers its own errors', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    // No error handler at all: whatever the docs do not answer would be Express's HTML page.
    const app = express();
    serveDocs(app, generateOpenApi(createAccountsModule()), { path: '/docs' });
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('400 for an undecodable asset path', async () => {
    const body = await oneShape(await fetch(`${server.url}/docs/assets/%ZZ`, { headers: { 'x-request-id': 'docs-1' } }), 400, 'bad_request');
    expect(body).toEqual({ code: 'bad_request', message: 'Malformed URL', correlationId: 'docs-1' });
  });

  it.each(FAILING_FILE_REQUESTS)('%s on an asset gets its status in the one shape', async (_name, headers, status, code) => {
    const response = await fetch(`${server.url}/docs/assets/swagger-ui.css`, { headers });
    await oneShape(response, status, code);
    if (status === 416) expect(response.headers.get('content-range')).toMatch(/^bytes \*\/\d+$/);
  });

  it('still serves the asset to a plain request and a satisfiable range', async () => {
    expect((await fetch(`${server.url}/docs/assets/swagger-ui.css`)).status).toBe(200);
    const partial = await fetch(`${server.url}/docs/assets/swagger-ui.css`, { headers: { range: 'bytes=0-9' } });
    expect(partial.status).toBe(206);
    expect((await partial.text()).length).toBe(10);
  });
});

describe('the example app: one error shape under /docs, /app and everywhere else', () => {
  let server: Awaited<ReturnType<typeof startAccountsServer>>;
  beforeAll(async () => {
    server = await startAccountsServer();
  });
  afterAll(() => server.close());

  it('serves the web app (the baseline the failures below break)', async () => {
    const response = await fetch(`${server.url}/app/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('400 for undecodable paths under /docs and /app', async () => {
    await oneShape(await fetch(`${server.url}/docs/assets/%ZZ`), 400, 'bad_request');
    await oneShape(await fetch(`${server.url}/app/%ZZ`), 400, 'bad_request');
  });

  it('404 for a missing file under /app', async () => {
    await oneShape(await fetch(`${server.url}/app/missing.js`), 404, 'not_found');
  });

  it.each(FAILING_FILE_REQUESTS)('%s gets its status in the one shape on /app and /docs files', async (_name, headers, status, code) => {
    for (const path of ['/app/index.html', '/app/', '/docs/assets/swagger-ui-bundle.js']) {
      const response = await fetch(`${server.url}${path}`, { headers });
      await oneShape(response, status, code);
    }
  });

  it('sets header and request timeouts well below Node’s defaults', () => {
    expect(accountsServerOptions).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000 });
  });
});
