/** No-content responses and contract-required authorization headers, from the model to every surface. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initContract } from '@ts-rest/core';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, defineRoute } from '@webstir-io/module-contract';
import { createClient } from '@webstir-io/module-contract/client';
import { mountModule } from '@webstir-io/module-contract/express';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { generateClient } from '../adapters/client/codegen/generate-client.js';
import { listen } from './fixtures/listen.js';

const c = initContract();
const contract = c.router({
  ping: { method: 'POST', path: '/ping', body: z.object({ n: z.number() }), responses: { 200: z.void() } },
  gone: { method: 'DELETE', path: '/gone', body: c.noBody(), responses: { 204: z.undefined() } },
  secret: { method: 'GET', path: '/secret', headers: z.object({ authorization: z.string().startsWith('Bearer ') }), responses: { 200: z.object({ ok: z.boolean() }) } },
});
const module = createModule({
  manifest: { name: 'nocontent', version: '1.0.0', kind: 'backend' },
  routes: fromTsRestRouter(contract, {
    ping: async () => ({ status: 200, body: undefined }),
    gone: async () => ({ status: 204, body: undefined }),
    secret: async () => ({ status: 200, body: { ok: true } }),
  }),
});

describe('a response whose schema admits only undefined has no content', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let generated: { createClient: (options: { baseUrl: string }) => { ping: (args: { body: { n: number } }) => Promise<{ status: number; body: unknown }> } };
  const work = mkdtempSync(join(tmpdir(), 'mc-nocontent-'));
  beforeAll(async () => {
    const app = express();
    mountModule(app, module);
    server = await listen(app);
    writeFileSync(join(work, 'client.ts'), generateClient(module));
    generated = await import(join(work, 'client.ts'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is sent with no body and no JSON content type', async () => {
    const response = await fetch(`${server.url}/ping`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('is documented with no content', () => {
    const document = generateOpenApi(module);
    expect((document.paths?.['/ping'] as Record<string, { responses: Record<string, unknown> }>).post!.responses['200']).toEqual({ description: 'OK' });
    expect((document.paths?.['/gone'] as Record<string, { responses: Record<string, unknown> }>).delete!.responses['204']).toEqual({ description: 'No Content' });
  });

  it('reads as body: undefined in both clients', async () => {
    const client = createClient(contract, { baseUrl: server.url });
    const result = await client.ping({ body: { n: 1 } });
    expect(result).toMatchObject({ status: 200, ok: true, body: undefined });
    const fromGenerated = await generated.createClient({ baseUrl: server.url }).ping({ body: { n: 1 } });
    expect(fromGenerated).toMatchObject({ status: 200, body: undefined });
  });
});

describe('a required authorization header in the contract', () => {
  it('is documented as a security requirement with a declared bearer scheme, not as a parameter', () => {
    const document = generateOpenApi(module);
    const secret = (document.paths?.['/secret'] as Record<string, { security?: unknown; parameters?: { name: string }[] }>).get!;
    expect(secret.security).toEqual([{ bearerAuth: [] }]);
    expect(secret.parameters ?? []).toEqual([]);
    expect(document.components?.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
  });

  it('does not add the header scheme to session routes, whatever the route order', () => {
    const sessionRoute = defineRoute({ name: 'mine.read', method: 'GET', path: '/mine', auth: true, responses: { 200: null }, handler: () => ({ status: 200, body: undefined }) });
    const headerRoutes = fromTsRestRouter(c.router({ secret: contract.secret }), { secret: async () => ({ status: 200, body: { ok: true } }) });
    const schemes = { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } } as const;
    for (const routes of [[sessionRoute, ...headerRoutes], [...headerRoutes, sessionRoute]]) {
      const document = generateOpenApi(createModule({ manifest: { name: 'order', version: '1.0.0', kind: 'backend' }, routes }), schemes);
      expect((document.paths?.['/mine'] as Record<string, { security?: unknown }>).get!.security).toEqual([{ session: [] }]);
      expect((document.paths?.['/secret'] as Record<string, { security?: unknown }>).get!.security).toEqual([{ bearerAuth: [] }]);
    }
  });

  it('can be named, and keeps a scheme the options declare', () => {
    const document = generateOpenApi(module, { authorizationHeaderScheme: 'apiToken', securitySchemes: { apiToken: { type: 'apiKey', in: 'header', name: 'authorization' } } });
    const secret = (document.paths?.['/secret'] as Record<string, { security?: unknown }>).get!;
    expect(secret.security).toEqual([{ apiToken: [] }]);
    expect(document.components?.securitySchemes).toEqual({ apiToken: { type: 'apiKey', in: 'header', name: 'authorization' } });
  });
});
