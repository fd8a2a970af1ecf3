// A contract built with another installed copy of @ts-rest/core: its c.noBody() is a different
// symbol, recognised by its description.
import { ContractNoBody } from '@ts-rest/core';
import SwaggerParser from '@apidevtools/swagger-parser';
import { initContract as initOtherContract } from 'ts-rest-core-copy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '@webstir-io/module-contract/client';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { serveContract, type ServedContract } from './fixtures/ts-rest-server.js';

const c = initOtherContract();
const Item = z.object({ id: z.string() });
const contract = c.router(
  {
    items: c.router({
      get: { method: 'GET', path: '/items/:id', pathParams: Item, responses: { 200: Item, 404: c.noBody() } },
      remove: { method: 'DELETE', path: '/items/:id', pathParams: Item, body: c.noBody(), responses: { 204: c.noBody() } },
      ping: { method: 'POST', path: '/items/ping', body: c.noBody(), responses: { 200: c.otherResponse({ contentType: 'text/plain', body: z.string() }) } },
    }),
  },
  { pathPrefix: '/api' },
);

let server: ServedContract;
beforeAll(async () => {
  server = await serveContract(contract, {
    items: {
      get: async ({ params }) => (params.id === 'none' ? { status: 404, body: undefined } : { status: 200, body: { id: params.id } }),
      remove: async () => ({ status: 204, body: undefined }),
      ping: async () => ({ status: 200, body: 'pong' }),
    },
  });
});
afterAll(() => server.close());

describe('a contract from a second copy of @ts-rest/core', () => {
  it('really is another copy', () => {
    expect(c.noBody()).not.toBe(ContractNoBody);
    expect(String(c.noBody())).toBe(String(ContractNoBody));
  });

  it('is adopted: c.noBody() bodies and responses are no-body parts', () => {
    const byName = Object.fromEntries(server.routes.map((r) => [r.name, r]));
    expect(byName['items.get']!.responses[404]).toBeNull();
    expect(byName['items.remove']!.responses[204]).toBeNull();
    expect(byName['items.remove']!.input.body).toBeUndefined();
  });

  it('is served: no-body responses are empty, with no JSON content type', async () => {
    const removed = await fetch(`${server.url}/api/items/7`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const missing = await fetch(`${server.url}/api/items/none`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBeNull();
    expect(await missing.text()).toBe('');
    const ping = await fetch(`${server.url}/api/items/ping`, { method: 'POST' });
    expect(await ping.text()).toBe('pong');
  });

  it('is documented: a valid document whose no-body responses have no content', async () => {
    const doc = generateOpenApi(server.module);
    await SwaggerParser.validate(structuredClone(doc) as never);
    const paths = doc.paths as Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    expect(paths['/api/items/{id}']!.delete!.responses['204']!.content).toBeUndefined();
    expect(paths['/api/items/{id}']!.get!.responses['404']!.content).toBeUndefined();
  });

  it('is called by createClient', async () => {
    const client = createClient(contract, { baseUrl: server.url });
    expect(await client.items.get({ params: { id: 'a' } })).toMatchObject({ status: 200, body: { id: 'a' } });
    expect(await client.items.remove({ params: { id: 'a' } })).toMatchObject({ status: 204, ok: true, body: undefined });
    expect(await client.items.get({ params: { id: 'none' } })).toMatchObject({ status: 404, ok: false });
  });
});
