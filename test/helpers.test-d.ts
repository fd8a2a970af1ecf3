import { initContract } from '@ts-rest/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createModule, defineRoute, defineView, type AnyRouteSpec, type RequestContext } from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { accountsContract, type Account } from './fixtures/accounts.js';

const Item = z.object({ id: z.string(), count: z.number().default(0) });

describe('defineRoute infers handler types without generics', () => {
  it('types params, query, headers and body from the schemas', () => {
    defineRoute({
      name: 'items.update',
      method: 'PUT',
      path: '/items/:id',
      input: {
        params: z.object({ id: z.string() }),
        query: z.object({ dryRun: z.coerce.boolean().optional() }),
        headers: z.object({ 'x-tenant': z.string() }),
        body: Item,
      },
      responses: { 200: Item, 204: null },
      handler: async ({ params, query, headers, body }, ctx) => {
        expectTypeOf(params).toEqualTypeOf<{ id: string }>();
        expectTypeOf(query).toEqualTypeOf<{ dryRun?: boolean | undefined }>();
        expectTypeOf(headers).toEqualTypeOf<{ 'x-tenant': string }>();
        // Handlers see the parsed (output) type: the default has been applied.
        expectTypeOf(body).toEqualTypeOf<{ id: string; count: number }>();
        expectTypeOf(ctx).toEqualTypeOf<RequestContext>();
        expectTypeOf(ctx.requestId).toBeString();
        return query.dryRun ? { status: 204, body: undefined } : { status: 200, body: { id: params.id } };
      },
    });
  });

  it('keeps the status literal when the result is assigned to a wide type', () => {
    // A contextual return type (AnyRouteSpec) must not feed inference and widen `status` to number.
    const routes: AnyRouteSpec[] = [
      defineRoute({ name: 'a', method: 'GET', path: '/a', responses: { 200: Item }, handler: () => ({ status: 200, body: { id: 'a' } }) }),
    ];
    expectTypeOf(routes).toEqualTypeOf<AnyRouteSpec[]>();
  });

  it('leaves absent parts undefined', () => {
    defineRoute({
      name: 'health',
      method: 'GET',
      path: '/health',
      responses: { 200: z.object({ ok: z.boolean() }) },
      handler: (request) => {
        expectTypeOf(request.body).toEqualTypeOf<undefined>();
        return { status: 200, body: { ok: true } };
      },
    });
  });

  it('rejects a status the route does not declare', () => {
    defineRoute({
      name: 'health',
      method: 'GET',
      path: '/health',
      responses: { 200: z.object({ ok: z.boolean() }) },
      // @ts-expect-error - 201 is not a declared status of this route
      handler: async () => ({ status: 201, body: { ok: true } }),
    });
  });

  it('rejects a body that does not match its status', () => {
    defineRoute({
      name: 'health',
      method: 'GET',
      path: '/health',
      responses: { 200: z.object({ ok: z.boolean() }) },
      // @ts-expect-error - `ok` must be a boolean
      handler: async () => ({ status: 200, body: { ok: 'yes' } }),
    });
  });

  it('rejects an unknown method', () => {
    defineRoute({
      name: 'health',
      // @ts-expect-error - TRACE is not a supported method
      method: 'TRACE',
      path: '/health',
      responses: { 200: null },
      handler: () => ({ status: 200, body: undefined }),
    });
  });
});

describe('defineView', () => {
  it('types the loader params and result', () => {
    defineView({
      name: 'item',
      path: '/items/:id',
      params: z.object({ id: z.string() }),
      data: Item,
      load: ({ params }) => {
        expectTypeOf(params).toEqualTypeOf<{ id: string }>();
        return { id: params.id };
      },
    });
    defineView({
      name: 'item',
      path: '/items/:id',
      data: Item,
      // @ts-expect-error - the loader must return the data schema's input
      load: () => ({ id: 1 }),
    });
  });
});

describe('fromTsRestRouter types handlers from the contract', () => {
  it('infers request parts per route, nested routers included', () => {
    fromTsRestRouter(accountsContract, {
      accounts: {
        list: async ({ query }) => {
          expectTypeOf(query).toEqualTypeOf<{ page: number; limit: number }>();
          return { status: 200, body: { items: [], page: query.page, limit: query.limit, total: 0 } };
        },
        get: async ({ params }) => {
          expectTypeOf(params).toEqualTypeOf<{ id: string }>();
          return { status: 404, body: { code: 'not_found', message: `no ${params.id}` } };
        },
        create: async ({ body }) => {
          expectTypeOf(body).toEqualTypeOf<{ email: string; name: string }>();
          const account: Account = { id: '1', email: body.email, name: body.name, createdAt: new Date().toISOString() };
          return { status: 201, body: account };
        },
        remove: async () => ({ status: 204, body: undefined }),
      },
    });
  });

  it('rejects undeclared statuses, wrong bodies and missing handlers', () => {
    fromTsRestRouter(accountsContract, {
      accounts: {
        list: async ({ query }) => ({ status: 200, body: { items: [], page: query.page, limit: query.limit, total: 0 } }),
        // @ts-expect-error - 500 is not declared by accounts.get
        get: async () => ({ status: 500, body: { code: 'internal', message: 'x' } }),
        // @ts-expect-error - a 201 body must be an Account
        create: async () => ({ status: 201, body: { id: 1 } }),
        remove: async () => ({ status: 204, body: undefined }),
      },
    });
    fromTsRestRouter(accountsContract, {
      // @ts-expect-error - every route of the contract needs a handler
      accounts: {
        list: async ({ query }) => ({ status: 200, body: { items: [], page: query.page, limit: query.limit, total: 0 } }),
      },
    });
  });

  it('feeds createModule with no generics', () => {
    const c = initContract();
    const contract = c.router({ ping: { method: 'GET', path: '/ping', responses: { 200: z.literal('pong') } } });
    const module = createModule({
      manifest: { name: 'ping', version: '1.0.0', kind: 'backend' },
      routes: fromTsRestRouter(contract, { ping: async () => ({ status: 200, body: 'pong' }) }),
    });
    expectTypeOf(module.manifest.name).toBeString();
  });
});
