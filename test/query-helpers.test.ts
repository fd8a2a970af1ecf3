import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, cursorQuery, defineRoute, ModuleErrorSchema, pageQuery, queryBoolean, queryInteger } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { listen } from './fixtures/listen.js';
import { recordingLogger } from './fixtures/express-server.js';

const Echo = z.object({}).passthrough();

function createQueryModule() {
  return createModule({
    manifest: { name: 'query-helpers', version: '1.0.0', kind: 'backend' },
    routes: [
      defineRoute({ name: 'pages', method: 'GET', path: '/pages', input: { query: pageQuery() }, responses: { 200: Echo }, handler: ({ query }) => ({ status: 200 as const, body: query }) }),
      defineRoute({ name: 'cursors', method: 'GET', path: '/cursors', input: { query: cursorQuery() }, responses: { 200: Echo }, handler: ({ query }) => ({ status: 200 as const, body: query }) }),
      defineRoute({
        name: 'flags',
        method: 'GET',
        path: '/flags',
        input: { query: z.object({ archived: queryBoolean({ default: false }), pinned: queryBoolean().optional(), year: queryInteger({ min: -5000 }).optional(), plain: z.boolean().optional() }) },
        responses: { 200: Echo },
        handler: ({ query }) => ({ status: 200 as const, body: query }),
      }),
    ],
  });
}

describe('query helpers over a listening server', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const app = express();
    mountModule(app, createQueryModule(), { logger: recordingLogger().logger });
    server = await listen(app);
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('reads plain decimal integers and applies the defaults', async () => {
    expect(await get('/pages')).toEqual({ status: 200, body: { page: 1, limit: 20 } });
    expect(await get('/pages?page=16&limit=100')).toEqual({ status: 200, body: { page: 16, limit: 100 } });
    expect(await get('/cursors?cursor=abc&limit=7')).toEqual({ status: 200, body: { cursor: 'abc', limit: 7 } });
    expect(await get('/flags?year=-44')).toEqual({ status: 200, body: { archived: false, year: -44 } });
  });

  it.each(['0x10', '0b11', '0o17', '%205', '5%20', '%2B5', '1e1', '5.0', '05', '', '-0'])('page=%s gets 400 validation on page', async (raw) => {
    const { status, body } = await get(`/pages?page=${raw}`);
    expect(status).toBe(400);
    const error = ModuleErrorSchema.parse(body);
    expect(error.code).toBe('validation');
    expect(error.details).toEqual([expect.objectContaining({ part: 'query', path: ['page'] })]);
  });

  it.each(['0x10', '+5', '0', '101'])('cursor limit=%s gets 400', async (raw) => {
    const { status, body } = await get(`/cursors?limit=${encodeURIComponent(raw)}`);
    expect(status).toBe(400);
    expect(ModuleErrorSchema.parse(body).details).toEqual([expect.objectContaining({ part: 'query', path: ['limit'] })]);
  });

  it('reads exactly true and false for flags; ?archived=false is false', async () => {
    expect(await get('/flags?archived=false&pinned=true')).toEqual({ status: 200, body: { archived: false, pinned: true } });
    expect(await get('/flags?archived=true&pinned=false')).toEqual({ status: 200, body: { archived: true, pinned: false } });
    // A plain z.boolean(), as the conventions recommend, reads the same through the binding.
    expect(await get('/flags?plain=false')).toEqual({ status: 200, body: { archived: false, plain: false } });
    expect((await get('/flags?plain=1')).status).toBe(400);
    // What `z.coerce.boolean()` gets wrong: any non-empty string is true to it.
    expect(z.object({ archived: z.coerce.boolean() }).parse({ archived: 'false' })).toEqual({ archived: true });
  });

  it.each(['1', '0', 'yes', 'TRUE', 'False', '', 'true%20'])('archived=%s gets 400', async (raw) => {
    const { status, body } = await get(`/flags?archived=${raw}`);
    expect(status).toBe(400);
    expect(ModuleErrorSchema.parse(body).details).toEqual([expect.objectContaining({ part: 'query', path: ['archived'] })]);
  });
});

describe('query helpers in process', () => {
  it('bound integers by min and max', () => {
    const limit = queryInteger({ min: 1, max: 10 });
    expect(limit.parse('10')).toBe(10);
    expect(limit.safeParse('11').success).toBe(false);
    expect(limit.safeParse('0').success).toBe(false);
  });
});
