import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModuleErrorSchema } from '@webstir-io/module-contract';
import { generateOpenApi, operationIdFor } from '@webstir-io/module-contract/openapi';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { c, expectValid, moduleOf, ok, operation, route } from './fixtures/openapi-edge.js';

describe('generateOpenApi: routers and paths', () => {
  it('walks nested routers under a pathPrefix: key path → operationId and first key → tag', async () => {
    const contract = c.router(
      {
        admin: c.router({
          users: c.router({
            list: { method: 'GET', path: '/admin/users', responses: { 200: z.array(z.string()) } },
            get: { method: 'GET', path: '/admin/users/:userId/roles/:role', responses: { 200: z.string() } },
          }),
        }),
        health: { method: 'GET', path: '/health', responses: { 200: z.literal('ok') } },
      },
      { pathPrefix: '/v1' },
    );
    const routes = fromTsRestRouter(contract, { admin: { users: { list: ok, get: ok } }, health: ok } as never);
    const document = generateOpenApi(moduleOf(routes));
    await expectValid(document);
    expect(Object.keys(document.paths ?? {})).toEqual(['/v1/admin/users', '/v1/admin/users/{userId}/roles/{role}', '/v1/health']);
    const get = operation(document, '/v1/admin/users/{userId}/roles/{role}', 'get');
    expect(get.operationId).toBe('adminUsersGet');
    expect(get.tags).toEqual(['admin']);
    expect(get.parameters).toEqual([
      { name: 'userId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'role', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(operation(document, '/v1/health', 'get').tags).toBeUndefined();
    expect(document.tags).toEqual([{ name: 'admin' }]);
  });

  it('derives operationIds in camelCase from the dotted name', () => {
    expect(operationIdFor('accounts.get')).toBe('accountsGet');
    expect(operationIdFor('billing.invoice-items.list_all')).toBe('billingInvoiceItemsListAll');
  });
});

describe('generateOpenApi: parameters and bodies', () => {
  it('writes query arrays as form/explode and objects as deepObject, optional ones not required', async () => {
    const query = z.object({
      q: z.string().describe('Full-text search'),
      tags: z.array(z.string()).optional(),
      ids: z.array(z.coerce.number().int()).default([]),
      filter: z.object({ owner: z.string(), active: z.coerce.boolean() }).partial().optional(),
    });
    const document = generateOpenApi(moduleOf([route('items.list', 'GET', '/items', { input: { query } })]));
    await expectValid(document);
    expect(operation(document, '/items', 'get').parameters).toMatchInlineSnapshot(`
      [
        {
          "description": "Full-text search",
          "in": "query",
          "name": "q",
          "required": true,
          "schema": {
            "type": "string",
          },
        },
        {
          "explode": true,
          "in": "query",
          "name": "tags",
          "schema": {
            "items": {
              "type": "string",
            },
            "maxItems": 100,
            "type": "array",
          },
          "style": "form",
        },
        {
          "explode": true,
          "in": "query",
          "name": "ids",
          "schema": {
            "default": [],
            "items": {
              "type": "integer",
            },
            "maxItems": 100,
            "type": "array",
          },
          "style": "form",
        },
        {
          "explode": true,
          "in": "query",
          "name": "filter",
          "schema": {
            "properties": {
              "active": {
                "type": "boolean",
              },
              "owner": {
                "type": "string",
              },
            },
            "type": "object",
          },
          "style": "deepObject",
        },
      ]
    `);
  });

  it('marks no query parameter required when the whole query object is optional', () => {
    const query = z.object({ page: z.number() }).optional();
    const document = generateOpenApi(moduleOf([route('items.list', 'GET', '/items', { input: { query } })]));
    expect(operation(document, '/items', 'get').parameters[0]).toEqual({ name: 'page', in: 'query', schema: { type: 'number' } });
  });

  it('includes header parameters, leaving out the ones OpenAPI ignores', () => {
    const headers = z.object({ 'x-tenant': z.string(), 'x-trace': z.string().optional(), authorization: z.string() });
    const document = generateOpenApi(moduleOf([route('items.list', 'GET', '/items', { input: { headers } })]));
    expect(operation(document, '/items', 'get').parameters).toEqual([
      { name: 'x-tenant', in: 'header', required: true, schema: { type: 'string' } },
      { name: 'x-trace', in: 'header', schema: { type: 'string' } },
    ]);
  });

  it('marks a request body required unless it is optional, and keeps its content type', async () => {
    const Upload = z.object({ title: z.string(), file: z.string() });
    const routes = [
      route('files.upload', 'POST', '/files', { input: { body: Upload }, contentType: 'multipart/form-data' }),
      route('files.touch', 'PATCH', '/files', { input: { body: z.object({ at: z.string() }).optional() } }),
    ];
    const document = generateOpenApi(moduleOf(routes));
    await expectValid(document);
    const upload = operation(document, '/files', 'post').requestBody;
    expect(upload.required).toBe(true);
    expect(Object.keys(upload.content)).toEqual(['multipart/form-data']);
    const touch = operation(document, '/files', 'patch').requestBody;
    expect(touch.required).toBe(false);
    expect(Object.keys(touch.content)).toEqual(['application/json']);
  });
});

describe('generateOpenApi: responses and security', () => {
  const securitySchemes = {
    bearer: { type: 'http', scheme: 'bearer' },
    oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { 'items:write': 'write items' } } } },
  } as const;

  it('adds 400 for input, 401/403 for auth and 500 always, each a $ref to one kit response holding ModuleError', () => {
    const routes = [
      route('items.ping', 'GET', '/ping'),
      route('items.put', 'PUT', '/items/:id', { input: { params: z.object({ id: z.string() }) }, auth: { required: true, permissions: ['items:write'] } as never }),
    ];
    const document = generateOpenApi(moduleOf(routes), { securitySchemes });
    expect(Object.keys(operation(document, '/ping', 'get').responses)).toEqual(['200', '500']);
    const put = operation(document, '/items/{id}', 'put');
    expect(Object.keys(put.responses)).toEqual(['200', '400', '401', '403', '500']);
    const names = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 500: 'InternalError' } as const;
    for (const [status, name] of Object.entries(names)) {
      expect(put.responses[status]).toEqual({ $ref: `#/components/responses/${name}` });
      const component = (document.components?.responses as Record<string, { content: Record<string, { schema: unknown }> }>)[name];
      expect(component?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ModuleError' });
    }
    // Emitted once, and only those some operation refers to.
    expect(Object.keys(document.components?.responses ?? {})).toEqual(['BadRequest', 'Unauthorized', 'Forbidden', 'InternalError']);
  });

  it('lists 401 and no anonymous access for an optional session that still needs a permission', () => {
    const routes = [route('items.maybeWrite', 'GET', '/maybe-write', { auth: { required: false, permissions: ['items:write'] } as never })];
    const document = generateOpenApi(moduleOf(routes), { securitySchemes });
    const get = operation(document, '/maybe-write', 'get');
    expect(Object.keys(get.responses)).toEqual(['200', '401', '403', '500']);
    expect(get.security).toEqual([{ bearer: ['items:write'] }, { oauth: ['items:write'] }]);
  });

  it('keeps a declared error status as declared, with ModuleErrorSchema as the ModuleError component', () => {
    const document = generateOpenApi(moduleOf([route('items.get', 'GET', '/items', { responses: { 200: z.string(), 404: ModuleErrorSchema, 400: z.object({ hint: z.string() }) } })]));
    const responses = operation(document, '/items', 'get').responses;
    expect(responses['404'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ModuleError' });
    expect(responses['400'].content['application/json'].schema).toEqual({ type: 'object', properties: { hint: { type: 'string' } }, required: ['hint'] });
  });

  it('derives per-operation security: named schemes, else all; permissions as scopes where the version allows', () => {
    const routes = [
      route('items.any', 'GET', '/any', { auth: { required: true } as never }),
      route('items.write', 'POST', '/write', { auth: { required: true, permissions: ['items:write'], schemes: ['bearer'] } as never }),
      route('items.maybe', 'GET', '/maybe', { auth: { required: false } as never }),
      route('items.open', 'GET', '/open'),
    ];
    const v31 = generateOpenApi(moduleOf(routes), { securitySchemes });
    const v30 = generateOpenApi(moduleOf(routes), { securitySchemes, openapi: '3.0.3' });
    expect(operation(v31, '/any', 'get').security).toEqual([{ bearer: [] }, { oauth: [] }]);
    expect(operation(v31, '/write', 'post').security).toEqual([{ bearer: ['items:write'] }]);
    expect(operation(v30, '/write', 'post').security).toEqual([{ bearer: [] }]);
    expect(operation(v30, '/write', 'post')['x-permissions']).toEqual(['items:write']);
    expect(operation(v31, '/maybe', 'get').security).toEqual([{ bearer: [] }, { oauth: [] }, {}]);
    expect(Object.keys(operation(v31, '/maybe', 'get').responses)).toEqual(['200', '500']);
    expect(operation(v31, '/open', 'get').security).toBeUndefined();
  });

  it('writes component examples as `examples` (3.1) and `example` (3.0), checked against the schema', () => {
    const Item = z.object({ id: z.number().int() });
    const module = moduleOf([route('items.get', 'GET', '/items', { responses: { 200: Item } })], { Item });
    expect(generateOpenApi(module, { examples: { Item: [{ id: 1 }, { id: 2 }] } }).components?.schemas?.Item).toMatchObject({ examples: [{ id: 1 }, { id: 2 }] });
    const v30 = generateOpenApi(module, { openapi: '3.0.3', examples: { Item: [{ id: 1 }, { id: 2 }] } }).components?.schemas?.Item;
    expect(v30).toMatchObject({ example: { id: 1 } });
    expect(v30).not.toHaveProperty('examples');
    expect(() => generateOpenApi(module, { examples: { Item: [{ id: 'one' }], Missing: [{}] } })).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [openapi] module edge: 2 problems
        - examples.Item[0]: does not match the schema: id: Expected number, received string
        - examples.Missing: there is no component "Missing"; components: Item, ModuleError]
    `);
  });
});

describe('generateOpenApi: collected errors', () => {
  it('refuses query and header parts that are not objects when the module is created, naming each route', () => {
    const routes = [
      route('items.search', 'GET', '/search', { input: { query: z.string() } }),
      route('items.bad', 'GET', '/bad', { input: { headers: z.array(z.string()) } }),
    ];
    expect(() => moduleOf(routes)).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [module] edge: 2 problems
        - routes[0] (items.search): query must be a z.object() so that each key becomes a parameter (got string)
        - routes[1] (items.bad): headers must be a z.object() so that each key becomes a parameter (got array)]
    `);
  });

  it('reports every problem across routes in one error, each prefixed with its route', () => {
    const routes = [
      route('items.write', 'POST', '/write', { auth: { required: true, schemes: ['apiKey'] } as never }),
      route('items.read', 'GET', '/read', { auth: { required: true, schemes: ['cookie'] } as never }),
    ];
    expect(() => generateOpenApi(moduleOf(routes), { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } })).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [openapi] module edge: 2 problems
        - route items.write: auth names security scheme(s) "apiKey", which are not in the securitySchemes option (bearer)
        - route items.read: auth names security scheme(s) "cookie", which are not in the securitySchemes option (bearer)]
    `);
  });

  it('fails when two different schemas claim one name, naming the routes that use each', () => {
    const AccountA = z.object({ id: z.string() });
    const AccountB = z.object({ id: z.number() });
    const Page = z.object({ items: z.array(AccountB) });
    const a = moduleOf([route('accounts.get', 'GET', '/accounts/:id', { input: { params: z.object({ id: z.string() }) }, responses: { 200: AccountA } })], { Account: AccountA }, 'accounts');
    const b = moduleOf([route('members.list', 'GET', '/members', { responses: { 200: Page } })], { Account: AccountB, Page }, 'members');
    expect(() => generateOpenApi([a, b])).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [openapi] modules accounts, members: 1 problem
        - component Account: two different schemas claim this name: one from module accounts, used by route accounts.get (module accounts); one from module members, used by route members.list (module members). Give one of them another name]
    `);
  });

  it('fails when two modules produce one operationId or one method and path', () => {
    const a = moduleOf([route('items.get', 'GET', '/items/:id')], {}, 'a');
    const b = moduleOf([route('items.get', 'GET', '/things'), route('things.get', 'GET', '/items/:itemId')], {}, 'b');
    expect(() => generateOpenApi([a, b])).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [openapi] modules a, b: 2 problems
        - route items.get (module b): operationId "itemsGet" is also used by route items.get (module a)
        - route things.get (module b): GET /items/{itemId} is also used by route items.get (module a)]
    `);
  });
});
