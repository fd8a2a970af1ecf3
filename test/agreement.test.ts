/**
 * Server, document and client agree, route by route, for the Accounts example and for a fixture
 * with every query and auth shape: the statuses the document lists are the ones the binding can
 * send, and the query encoding the document states is the one the client sends and the server reads.
 */
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQuery, routeStatuses, type ContractModule, type ResolvedRoute } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { createAccountsModule } from '../examples/accounts/module.js';
import { DemoTokenAuthProvider, MemoryDatabaseProvider } from '../examples/accounts/providers.js';
import { listen } from './fixtures/listen.js';
import { createShapesModule } from './fixtures/query-shapes.js';

type Operation = { responses: Record<string, unknown>; parameters?: { name: string; in: string; style?: string; explode?: boolean }[] };
type Probe = { status: number; why: string };

const auth = new DemoTokenAuthProvider({
  'all-powers': { subject: 'all', permissions: ['accounts:delete', 'shapes:read', 'shapes:write'] },
  'no-powers': { subject: 'none', permissions: [] },
});

/** A request every route accepts, or answers with a declared status. */
const VALID: Record<string, { path?: string; query?: string; body?: unknown }> = {
  'accounts.get': { path: '/api/accounts/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f' },
  'accounts.remove': { path: '/api/accounts/6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f' },
  'accounts.create': { body: { email: 'agree@example.com', name: 'Agree' } },
  'shapes.permitted': { path: '/shapes/permitted/ab', body: { name: 'x' } },
};

async function startServer(module: ContractModule) {
  const app = express();
  const db = await new MemoryDatabaseProvider().connect();
  mountModule(app, module, { context: () => ({ auth, db }) });
  return listen(app);
}

function pathOf(route: ResolvedRoute): string {
  return VALID[route.name]?.path ?? route.path.replace(/:([A-Za-z0-9_]+)/g, 'value');
}

/** Probes that each bring one status on its own, for a route whose input is otherwise valid. */
function probes(route: ResolvedRoute): { send: () => RequestInit & { url: string }; expect: number; when: boolean; why: string }[] {
  const valid = VALID[route.name] ?? {};
  const json = { 'content-type': 'application/json' };
  const token = route.auth ? { authorization: 'Bearer all-powers' } : {};
  const base = (init: RequestInit & { path?: string; query?: string } = {}) => ({
    url: `${init.path ?? pathOf(route)}${init.query ? `?${init.query}` : valid.query ? `?${valid.query}` : ''}`,
    method: route.method,
    ...init,
    headers: { ...token, ...(init.headers as Record<string, string> | undefined) },
  });
  const body = JSON.stringify(valid.body ?? {});
  const withBody = route.method !== 'GET';
  // fetch sends no body with GET; the binding reads none there either.
  const bodyProbes = withBody
    ? [
        {
          why: 'a body over the limit',
          expect: 413,
          when: route.kitStatuses.includes(413),
          send: () => base({ headers: json, body: JSON.stringify({ name: 'x'.repeat(200_000) }) }),
        },
        {
          why: 'a body of another content type',
          expect: 415,
          when: route.kitStatuses.includes(415),
          send: () => base({ headers: { 'content-type': 'text/plain' }, body: 'plain' }),
        },
      ]
    : [];
  const list = [
    ...bodyProbes,
    {
      why: 'no session',
      expect: 401,
      when: route.authStatuses.includes(401),
      send: () => ({ ...base({ ...(withBody ? { body, headers: json } : {}) }), headers: withBody ? json : {} }),
    },
    {
      why: 'a session without the permission',
      expect: 403,
      when: route.authStatuses.includes(403),
      send: () => base({ headers: { authorization: 'Bearer no-powers', ...(withBody ? json : {}) }, ...(withBody ? { body } : {}) }),
    },
  ];
  if (route.kitStatuses.includes(400)) {
    const badQuery = route.query.find((q) => q.decoding.type !== 'string');
    list.push({
      why: 'input the schema refuses',
      expect: 400,
      when: true,
      send: () =>
        route.input.body
          ? base({ headers: json, body: '[]' })
          : route.input.params
            ? base({ path: route.path.replace(/:([A-Za-z0-9_]+)/g, '%20') })
            : base({ query: `${badQuery?.name ?? 'x'}=not-a-value` }),
    });
  }
  return list;
}

for (const [label, create] of [
  ['the Accounts example', createAccountsModule],
  ['the query-shapes fixture', createShapesModule],
] as const) {
  describe(`server, document and client agree on ${label}`, () => {
    const module = create();
    const document = generateOpenApi(module, { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } });
    let server: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      server = await startServer(module);
    });
    afterAll(() => server.close());

    const operationOf = (route: ResolvedRoute) => (document.paths?.[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')] as Record<string, Operation>)[route.method.toLowerCase()] as Operation;

    it.each(module.resolved.map((route) => [route.name, route] as const))('%s: the document lists exactly the statuses the binding can send', async (_name, route) => {
      const listed = Object.keys(operationOf(route).responses).map(Number);
      expect(listed).toEqual(routeStatuses(route));

      const seen: Probe[] = [];
      for (const probe of probes(route)) {
        const { url, ...init } = probe.send();
        const response = await fetch(`${server.url}${url}`, init);
        await response.arrayBuffer();
        seen.push({ status: response.status, why: probe.why });
        if (probe.when) expect(response.status, probe.why).toBe(probe.expect);
        else expect(response.status, `${probe.why}: the document does not list ${probe.expect}`).not.toBe(probe.expect);
      }
      // A valid request gets a declared status.
      const valid = VALID[route.name];
      const response = await fetch(`${server.url}${pathOf(route)}${valid?.query ? `?${valid.query}` : ''}`, {
        method: route.method,
        headers: { ...(route.auth ? { authorization: 'Bearer all-powers' } : {}), ...(valid?.body ? { 'content-type': 'application/json' } : {}) },
        ...(valid?.body ? { body: JSON.stringify(valid.body) } : {}),
      });
      await response.arrayBuffer();
      seen.push({ status: response.status, why: 'a valid request' });
      expect(route.responses.map((r) => r.status)).toContain(response.status);
      for (const { status, why } of seen) expect(listed, `${why} got ${status}`).toContain(status);
    });
  });
}

describe('query encoding: document, client and server', () => {
  const module = createShapesModule();
  const document = generateOpenApi(module);
  const route = module.resolved.find((r) => r.name === 'shapes.query') as ResolvedRoute;
  const parameters = (document.paths?.['/shapes/query'] as Record<string, Operation>).get!.parameters ?? [];
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await startServer(module);
  });
  afterAll(() => server.close());

  const values: Record<string, unknown> = {
    text: 'héllo wörld&=?',
    count: -7,
    ratio: 0.0015,
    coerced: 42,
    flag: false,
    choice: 'b',
    when: new Date('2024-01-02T03:04:05.000Z'),
    tags: ['a', 'b c'],
    ids: [1, 2],
    unique: new Set(['x', 'y']),
    pair: ['p', 3],
    filter: { name: 'n', min: 2 },
    maybe: null,
  };

  /** What an OpenAPI tool writes for these values, from the document's style and explode alone. */
  function encodeByDocument(input: Record<string, unknown>): string[] {
    const pairs: string[] = [];
    const scalar = (v: unknown) => encodeURIComponent(v === null ? '' : v instanceof Date ? v.toISOString() : String(v));
    for (const parameter of parameters) {
      const value = input[parameter.name];
      if (value === undefined) continue;
      if (parameter.style === 'form' && parameter.explode) for (const item of value as Iterable<unknown>) pairs.push(`${parameter.name}=${scalar(item)}`);
      else if (parameter.style === 'deepObject') for (const [k, v] of Object.entries(value as object)) pairs.push(`${encodeURIComponent(`${parameter.name}[${k}]`)}=${scalar(v)}`);
      else pairs.push(`${parameter.name}=${scalar(value)}`);
    }
    return pairs;
  }

  it('states the wire format the route resolved for every parameter', () => {
    const styles = Object.fromEntries(parameters.map((p) => [p.name, p.style ?? 'scalar']));
    expect(styles).toEqual(Object.fromEntries(route.query.map((q) => [q.name, q.wire === 'repeated' ? 'form' : q.wire === 'deepObject' ? 'deepObject' : 'scalar'])));
    expect(styles).toMatchObject({ tags: 'form', unique: 'form', pair: 'form', filter: 'deepObject', flag: 'scalar', when: 'scalar' });
  });

  it('the client sends what the document states, and the server reads back the values sent', async () => {
    const client = encodeQuery(values).split('&').sort();
    expect(client).toEqual(encodeByDocument(values).sort());
    const response = await fetch(`${server.url}/shapes/query?${encodeQuery(values)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      text: 'héllo wörld&=?',
      count: -7,
      ratio: 0.0015,
      coerced: 42,
      flag: false,
      choice: 'b',
      when: '2024-01-02T03:04:05.000Z',
      tags: ['a', 'b c'],
      ids: [1, 2],
      unique: ['x', 'y'],
      pair: ['p', 3],
      filter: { name: 'n', min: 2 },
      maybe: null,
    });
  });

  it('reads one value of a repeated key as a list, and true as a boolean', async () => {
    const response = await fetch(`${server.url}/shapes/query?${encodeQuery({ tags: ['solo'], unique: new Set(['u']), flag: true })}`);
    expect(await response.json()).toEqual({ tags: ['solo'], unique: ['u'], flag: true });
  });

  it.each([
    ['count=0x10', 'count'],
    ['count=%2B5', 'count'],
    ['count=%205', 'count'],
    ['count=5%20', 'count'],
    ['coerced=0b11', 'coerced'],
    ['coerced=0o17', 'coerced'],
    ['flag=yes', 'flag'],
    ['ratio=1e', 'ratio'],
  ])('refuses %s, which is no plain decimal or boolean on the wire', async (query, key) => {
    const response = await fetch(`${server.url}/shapes/query?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { details: { part: string; path: string[] }[] };
    expect(body.details.map((d) => `${d.part}.${d.path.join('.')}`)).toEqual([`query.${key}`]);
  });

  it('answers more values than the document allows with one clear issue, and documents the bound', async () => {
    const tags = parameters.find((p) => p.name === 'tags') as unknown as { schema: { maxItems: number } };
    const ids = parameters.find((p) => p.name === 'ids') as unknown as { schema: { maxItems: number } };
    expect(tags.schema.maxItems).toBe(100);
    expect(ids.schema.maxItems).toBe(3);
    const many = parameters.find((p) => p.name === 'many') as unknown as { schema: { maxItems: number } };
    expect(many.schema.maxItems).toBe(100);
    const query = Array.from({ length: 101 }, (_, i) => `tags=t${i}`).join('&');
    const response = await fetch(`${server.url}/shapes/query?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { details: { path: string[]; message: string }[] };
    expect(body.details).toEqual([expect.objectContaining({ path: ['tags'], message: 'At most 100 values are accepted for "tags" (got 101)' })]);
    const hundred = Array.from({ length: 100 }, (_, i) => `tags=t${i}`).join('&');
    expect((await fetch(`${server.url}/shapes/query?${hundred}`)).status).toBe(200);
  });
});
