import type { IncomingMessage, ServerResponse } from 'node:http';
import { initContract } from '@ts-rest/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, encodeQuery } from '@webstir-io/module-contract';
import { createClient } from '@webstir-io/module-contract/client';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { listen } from './fixtures/listen.js';
import { assertProperty } from './fixtures/seed.js';

const c = initContract();
const contract = c.router({
  items: c.router({
    search: {
      method: 'GET',
      path: '/items',
      query: z.object({
        q: z.string(),
        tags: z.array(z.string()).optional(),
        ids: z.array(z.number().int()).optional(),
        filter: z.object({ owner: z.string(), min: z.number().int() }).partial().optional(),
        archived: z.boolean().optional(),
      }),
      responses: { 200: z.object({ ok: z.boolean() }) },
    },
  }),
});

const module = createModule({
  manifest: { name: 'items', version: '1.0.0', kind: 'backend' },
  routes: fromTsRestRouter(contract, { items: { search: async () => ({ status: 200, body: { ok: true } }) } }),
});

interface QueryParameter {
  name: string;
  in: string;
  style?: string;
  explode?: boolean;
}

const parameters = (generateOpenApi(module).paths?.['/items']?.get?.parameters ?? []) as QueryParameter[];

/**
 * Serializes query values by the rules of the OpenAPI specification (Parameter Object, "Style
 * Values"), reading each parameter's `style` and `explode` from the document: nothing else.
 */
function serializeByDocument(values: Record<string, unknown>): [string, string][] {
  const text = (value: unknown) => (value === null ? '' : String(value));
  const pairs: [string, string][] = [];
  for (const parameter of parameters.filter((p) => p.in === 'query')) {
    const value = values[parameter.name];
    if (value === undefined) continue;
    const style = parameter.style ?? 'form';
    const explode = parameter.explode ?? style === 'form';
    if (Array.isArray(value)) {
      if (style !== 'form') throw new Error(`style ${style} for an array is not handled here`);
      if (explode) for (const item of value) pairs.push([parameter.name, text(item)]);
      else if (value.length > 0) pairs.push([parameter.name, value.map(text).join(',')]);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (style === 'deepObject') for (const [key, inner] of entries) pairs.push([`${parameter.name}[${key}]`, text(inner)]);
      else if (style === 'form' && explode) for (const [key, inner] of entries) pairs.push([key, text(inner)]);
      else pairs.push([parameter.name, entries.flat().map(text).join(',')]);
    } else pairs.push([parameter.name, text(value)]);
  }
  return byKey(pairs);
}

/** The pairs of a query string, in order within each key (the order across keys carries no meaning). */
function pairsOf(search: string): [string, string][] {
  return byKey([...new URLSearchParams(search)]);
}

function byKey(pairs: [string, string][]): [string, string][] {
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const text = fc.string({ maxLength: 12 });
const queryValues = fc.record(
  {
    q: text,
    tags: fc.array(text, { maxLength: 4 }),
    ids: fc.array(fc.integer(), { maxLength: 4 }),
    filter: fc.record({ owner: text, min: fc.integer() }, { requiredKeys: [], noNullPrototype: true }),
    archived: fc.boolean(),
  },
  { requiredKeys: ['q'], noNullPrototype: true },
);

describe('query parameters: the document and the wire agree', () => {
  it('describes arrays as form/explode and objects as deepObject, as QUERY_STYLE says', () => {
    expect(parameters.map(({ name, style, explode }) => ({ name, style, explode }))).toEqual([
      { name: 'q', style: undefined, explode: undefined },
      { name: 'tags', style: 'form', explode: true },
      { name: 'ids', style: 'form', explode: true },
      { name: 'filter', style: 'deepObject', explode: true },
      { name: 'archived', style: undefined, explode: undefined },
    ]);
  });

  it('serializes any query the way encodeQuery does', () => {
    assertProperty(
      fc.property(queryValues, (values) => {
        expect(pairsOf(encodeQuery(values))).toEqual(serializeByDocument(values));
      }),
      { numRuns: 300 },
    );
  });

  it('would notice a different style: form without explode does not match the wire', () => {
    const values = { q: 'x', tags: ['a', 'b'] };
    const original = parameters.find((p) => p.name === 'tags') as QueryParameter;
    const saved = { ...original };
    original.explode = false;
    try {
      expect(pairsOf(encodeQuery(values))).not.toEqual(serializeByDocument(values));
    } finally {
      Object.assign(original, saved);
    }
  });

  describe('through the kit client, on a loopback server that records the raw URL', () => {
    const seen: string[] = [];
    let server: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      server = await listen((req: IncomingMessage, res: ServerResponse) => {
        seen.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    afterAll(() => server.close());

    it('sends what the document describes', async () => {
      const client = createClient(contract, { baseUrl: server.url, requestId: false });
      await assertProperty(
        fc.asyncProperty(queryValues, async (values) => {
          const result = await client.items.search({ query: values as never });
          expect(result.status).toBe(200);
          const url = seen.at(-1) as string;
          expect(url.startsWith('/items')).toBe(true);
          expect(pairsOf(url.slice(url.indexOf('?') + 1))).toEqual(serializeByDocument(values));
        }),
        { numRuns: 40 },
      );
      expect(seen.length).toBeGreaterThanOrEqual(40);
    });
  });
});
