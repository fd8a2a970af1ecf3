import { initContract } from '@ts-rest/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, isUncheckedSchema, ValidationError } from '@webstir-io/module-contract';
import { fromTsRestRoute, fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';

const c = initContract();
const Item = z.object({ id: z.string() });

const contract = c.router(
  {
    items: c.router(
      {
        get: { method: 'GET', path: '/items/:id', pathParams: Item, responses: { 200: Item, 404: z.object({ code: z.string() }) } },
        export: {
          method: 'GET',
          path: '/items/export',
          query: z.object({ format: z.enum(['csv', 'tsv']) }),
          responses: { 200: c.otherResponse({ contentType: 'text/csv', body: z.string() }) },
          summary: 'Export items',
          description: 'All items as CSV',
          deprecated: true,
          metadata: { tags: ['reports'], auth: {}, owner: 'data-team' },
        },
        upload: {
          method: 'POST',
          path: '/items/upload',
          contentType: 'multipart/form-data',
          body: z.object({ name: z.string() }),
          headers: z.object({ 'x-tenant': z.string() }),
          responses: { 201: Item },
        },
      },
      { pathPrefix: '/v1', commonResponses: { 500: z.object({ code: z.literal('internal') }) } },
    ),
    health: { method: 'GET', path: '/health', responses: { 204: c.noBody() } },
  },
  { pathPrefix: '/api' },
);

const handlers = {
  items: {
    get: async () => ({ status: 200 as const, body: { id: '1' } }),
    export: async () => ({ status: 200 as const, body: 'id\n1' }),
    upload: async () => ({ status: 201 as const, body: { id: '2' } }),
  },
  health: async () => ({ status: 204 as const, body: undefined }),
};

describe('fromTsRestRouter', () => {
  const routes = fromTsRestRouter(contract, handlers);
  const byName = Object.fromEntries(routes.map((r) => [r.name, r]));

  it('names routes by key path and applies every pathPrefix', () => {
    expect(routes.map((r) => `${r.name} ${r.method} ${r.path}`)).toEqual([
      'items.get GET /api/v1/items/:id',
      'items.export GET /api/v1/items/export',
      'items.upload POST /api/v1/items/upload',
      'health GET /api/health',
    ]);
  });

  it('keeps every response status, common responses and other content types included', () => {
    expect(Object.keys(byName['items.get']!.responses)).toEqual(['200', '404', '500']);
    expect(byName['items.export']!.responseContentTypes).toEqual({ 200: 'text/csv' });
    expect(byName['health']!.responses).toEqual({ 204: null });
  });

  it('carries summary, description, deprecated, tags, auth and metadata', () => {
    expect(byName['items.export']).toMatchObject({
      summary: 'Export items',
      description: 'All items as CSV',
      deprecated: true,
      tags: ['reports'],
      auth: { required: true },
      metadata: { owner: 'data-team' },
    });
    expect(byName['items.get']!.tags).toEqual(['items']);
    expect(byName['health']!.tags).toBeUndefined();
  });

  it('keeps header schemas and the content type', () => {
    const upload = byName['items.upload']!;
    expect(upload.contentType).toBe('multipart/form-data');
    expect(upload.input.headers!.safeParse({ 'x-tenant': 't1' }).success).toBe(true);
    expect(upload.input.headers!.safeParse({}).success).toBe(false);
  });

  it('builds a module whose manifest refers to each part', () => {
    const module = createModule({ manifest: { name: 'items', version: '1.0.0', kind: 'backend' }, routes, schemas: { Item } });
    const get = module.manifest.routes!.find((r) => r.name === 'items.get')!;
    expect(get.input.params).toEqual({ kind: 'zod', name: 'Item', source: 'items' });
    expect(get.responses['404']).toEqual({ kind: 'ts-rest', name: 'items.get.responses.404', source: 'items' });
    expect(module.manifest.routes!.find((r) => r.name === 'items.export')!.responseContentTypes).toEqual({ 200: 'text/csv' });
  });

  it('accepts c.type<>() parts unchecked, and names the route for a value that is not a schema, reporting all of them', () => {
    const untyped = c.router({
      a: { method: 'POST', path: '/a', body: c.type<{ name: string }>(), responses: { 200: c.type<{ ok: boolean }>() } },
      b: { method: 'GET', path: '/b', responses: { 200: Item } },
    });
    const [a] = fromTsRestRouter(untyped, { a: async () => ({ status: 200, body: { ok: true } }), b: async () => ({ status: 200, body: { id: '' } }) });
    expect(isUncheckedSchema(a!.input.body)).toBe(true);
    expect(isUncheckedSchema(a!.responses[200])).toBe(true);

    const odd = { a: { method: 'POST', path: '/a', body: 42, responses: { 200: [Item] } }, b: { method: 'GET', path: '/b', query: 'q', responses: { 200: Item } } } as never;
    let error: ValidationError | undefined;
    try {
      fromTsRestRouter(odd, { a: async () => ({ status: 200, body: [] }), b: async () => ({ status: 200, body: { id: '' } }) } as never);
    } catch (caught) {
      error = caught as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.message).toBe(
      [
        '[ts-rest] contract: 3 problems',
        '  - route a: body cannot be described: expected a Zod schema, got number',
        '  - route a: response 200 cannot be described: expected a Zod schema, got an array',
        '  - route b: query cannot be described: expected a Zod schema, got string',
      ].join('\n'),
    );
  });

  it('reports missing and extra handlers', () => {
    expect(() => fromTsRestRouter(contract, { items: { get: handlers.items.get }, health: handlers.health, extra: () => null } as never)).toThrowError(
      /items\.export: has no handler[\s\S]*items\.upload: has no handler[\s\S]*extra: is in the implementation but not in the contract/,
    );
  });

  it('prefixes names when asked', () => {
    expect(fromTsRestRouter(contract, handlers, { namePrefix: 'inventory' })[0]!.name).toBe('inventory.items.get');
  });
});

describe('fromTsRestRoute', () => {
  it('converts a single route', () => {
    const spec = fromTsRestRoute('ping', { method: 'GET', path: '/ping', responses: { 200: z.object({ pong: z.boolean() }) } }, async () => ({
      status: 200,
      body: { pong: true },
    }));
    expect(spec).toMatchObject({ type: 'route', name: 'ping', method: 'GET', path: '/ping', source: { kind: 'ts-rest' } });
  });
});
