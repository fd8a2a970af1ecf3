// JSON bodies that are not objects: valid ts-rest, valid JSON, accepted whenever the schema allows.
import { initContract } from '@ts-rest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '@webstir-io/module-contract/client';
import { serveContract, type ServedContract } from './fixtures/ts-rest-server.js';

const c = initContract();
const Echo = z.object({ received: z.unknown() });
const echoRoute = <T extends z.ZodTypeAny>(path: string, body: T) => ({ method: 'POST' as const, path, body, responses: { 200: Echo } });

const contract = c.router({
  text: echoRoute('/text', z.string()),
  number: echoRoute('/number', z.number()),
  nil: echoRoute('/null', z.null()),
  maybe: echoRoute('/maybe', z.unknown().nullable()),
  list: echoRoute('/list', z.array(z.object({ id: z.number() }))),
  flag: echoRoute('/flag', z.boolean()),
  object: echoRoute('/object', z.object({ name: z.string() })),
});

const echo = async ({ body }: { body: unknown }) => ({ status: 200 as const, body: { received: body === undefined ? '<undefined>' : body } });
const json = { 'content-type': 'application/json' };

let server: ServedContract;
beforeAll(async () => {
  server = await serveContract(contract, { text: echo, number: echo, nil: echo, maybe: echo, list: echo, flag: echo, object: echo }, { mount: { bodyLimit: 64 } });
});
afterAll(() => server.close());

const post = (path: string, body?: string) => fetch(`${server.url}${path}`, { method: 'POST', headers: json, body });

describe('JSON bodies of any JSON type', () => {
  it.each([
    ['/text', '"hello"', 'hello'],
    ['/number', '42', 42],
    ['/null', 'null', null],
    ['/maybe', 'null', null],
    ['/maybe', '"anything"', 'anything'],
    ['/list', '[{"id":1},{"id":2}]', [{ id: 1 }, { id: 2 }]],
    ['/flag', 'false', false],
    ['/object', '{"name":"Ada"}', { name: 'Ada' }],
  ])('POST %s %s reaches the handler as it was sent', async (path, raw, expected) => {
    const response = await post(path, raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: expected });
  });

  it('answers 400 validation, not a parse error, when the JSON is valid but the schema refuses it', async () => {
    const response = await post('/text', '42');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'validation', details: [expect.objectContaining({ part: 'body', path: [] })] });
  });

  it.each(['"unterminated', '{"name":', 'nul', "'single'", ' '])('answers malformed JSON %j with the one 400 shape', async (raw) => {
    const response = await post('/maybe', raw);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'correlationId', 'message']);
    expect(body).toMatchObject({ code: 'bad_request', message: 'Malformed JSON body' });
  });

  it('keeps the body limit for every JSON type', async () => {
    const response = await post('/text', JSON.stringify('x'.repeat(200)));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large', message: 'Request body exceeds the limit of 64 bytes' });
  });

  it('still strips prototype keys inside a top-level array', async () => {
    const response = await post('/list', '[{"id":1,"__proto__":{"polluted":true}}]');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: [{ id: 1 }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads an absent body as null when the schema takes null but not undefined, and as undefined otherwise', async () => {
    expect(await (await post('/null')).json()).toEqual({ received: null });
    expect(await (await post('/maybe')).json()).toEqual({ received: '<undefined>' });
    expect((await post('/text')).status).toBe(400);
  });
});

describe('createClient sends each JSON type and the server agrees', () => {
  it('round-trips strings, numbers, null, arrays and booleans', async () => {
    const client = createClient(contract, { baseUrl: server.url });
    expect(await client.text({ body: 'hello' })).toMatchObject({ status: 200, body: { received: 'hello' } });
    expect(await client.number({ body: 42 })).toMatchObject({ status: 200, body: { received: 42 } });
    // ts-rest's client sends no body at all for null: the server reads that as null for z.null()...
    expect(await client.nil({ body: null })).toMatchObject({ status: 200, body: { received: null } });
    // ...and as "no body" where the schema also takes undefined.
    expect(await client.maybe({ body: null })).toMatchObject({ status: 200, body: { received: '<undefined>' } });
    expect(await client.maybe({ body: 'x' })).toMatchObject({ status: 200, body: { received: 'x' } });
    expect(await client.list({ body: [{ id: 3 }] })).toMatchObject({ status: 200, body: { received: [{ id: 3 }] } });
    expect(await client.flag({ body: false })).toMatchObject({ status: 200, body: { received: false } });
  });
});

describe('body readers are made from the described body, without running the schema', () => {
  it('mounts a route whose refinement would throw on null or undefined', async () => {
    const { default: express } = await import('express');
    const { mountModule } = await import('@webstir-io/module-contract/express');
    const { createModule, defineRoute } = await import('@webstir-io/module-contract');
    const { z } = await import('zod');
    const body = z.object({ x: z.number() }).nullable().refine((value) => (value as { x: number }).x > 0);
    const module = createModule({
      manifest: { name: 'refined', version: '1.0.0', kind: 'backend' },
      routes: [defineRoute({ name: 'refined.save', method: 'POST', path: '/refined', input: { body }, responses: { 204: null }, handler: () => ({ status: 204, body: undefined }) })],
    });
    expect(() => mountModule(express(), module)).not.toThrow();
  });
});
