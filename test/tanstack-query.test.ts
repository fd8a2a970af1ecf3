import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InfiniteQueryObserver, MutationObserver, QueryClient, QueryObserver, isCancelledError } from '@tanstack/query-core';
import { build, transformSync } from 'esbuild';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { createModule, cursorPaged, cursorQuery, silentLogger } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { ContractClientError, createClient, isContractClientError } from '@webstir-io/module-contract/client';
import { byCursor, byPage, createQueryUtils, queryKey } from '@webstir-io/module-contract/tanstack-query';
import { generateClient } from '../adapters/client/codegen/generate-client.js';
import { createAccountsApp } from '../examples/accounts/app.js';
import { accountsContract, createAccountsModule } from './fixtures/accounts.js';
import { listen } from './fixtures/listen.js';

const work = mkdtempSync(join(tmpdir(), 'mc-tanstack-query-'));
type GeneratedModule = { createClient(options: { baseUrl: string }): object };
let generated: GeneratedModule;

beforeAll(async () => {
  // The generated standalone client, as `module-contract client` writes it, compiled to JavaScript.
  const file = join(work, 'accounts-client.mjs');
  writeFileSync(file, transformSync(generateClient(createAccountsModule()), { loader: 'ts', format: 'esm' }).code);
  generated = (await import(pathToFileURL(file).href)) as GeneratedModule;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The Accounts example on loopback, behind a recorder of every request the server receives. A
 * request with an `x-hold` header is held, unanswered, until its client goes away.
 */
async function startServer() {
  const accounts = await createAccountsApp({ logger: silentLogger });
  const seen: string[] = [];
  const held: { request: IncomingMessage; closed: Promise<void> }[] = [];
  let onHeld = () => {};
  const app = express();
  app.use((req, _res, next) => {
    seen.push(`${req.method} ${req.url}`);
    if (!req.headers['x-hold']) return next();
    held.push({ request: req, closed: new Promise((resolve) => req.socket.once('close', () => resolve())) });
    onHeld();
  });
  app.use(accounts.app);
  const server = await listen(app);
  return {
    url: server.url,
    seen,
    held,
    nextHeld: () => new Promise<void>((resolve) => (onHeld = resolve)),
    close: async () => {
      await server.close();
      await accounts.close();
    },
  };
}

const clients = {
  createClient: (baseUrl: string) => createClient(accountsContract, { baseUrl }),
  // Typed as createClient's: both have one result shape, which is what the helpers rely on.
  'the generated client': (baseUrl: string) => generated.createClient({ baseUrl }) as ReturnType<typeof createClient<typeof accountsContract>>,
};

describe('query keys', () => {
  const api = createQueryUtils(createClient(accountsContract, { baseUrl: '' }));

  it('are the name path, then the input as plain JSON with sorted keys and no undefined values', () => {
    // This format is a contract with every cache that holds these keys: change it only on purpose.
    expect(api.accounts.list.queryOptions({ query: { page: 2, limit: 10 } }).queryKey).toEqual(['accounts', 'list', { query: { limit: 10, page: 2 } }]);
    expect(api.accounts.list.queryOptions().queryKey).toEqual(['accounts', 'list', {}]);
    expect(api.accounts.get.queryOptions({ params: { id: 'a' }, extraHeaders: { 'x-b': '1', 'x-a': undefined } }).queryKey).toEqual([
      'accounts',
      'get',
      { extraHeaders: { 'x-b': '1' }, params: { id: 'a' } },
    ]);
    expect(api.accounts.list.infiniteOptions((page) => ({ query: { page, limit: 2 } }), byPage).queryKey).toEqual([
      'accounts',
      'list',
      { query: { limit: 2, page: 1 } },
      'infinite',
    ]);
    expect(api.accounts.create.mutationOptions().mutationKey).toEqual(['accounts', 'create']);
    expect(api.accounts.list.key()).toEqual(['accounts', 'list']);
    expect(api.accounts.list.key({ query: { limit: 5 } })).toEqual(['accounts', 'list', { query: { limit: 5 } }]);
    expect(api.accounts.key()).toEqual(['accounts']);
    expect(api.key()).toEqual([]);
  });

  it('are equal for equal inputs, whatever the property order, and survive JSON', () => {
    const a = queryKey(['x'], { b: { d: [1, { f: 2, e: undefined }], c: null }, a: 'z', g: undefined });
    const b = queryKey(['x'], { a: 'z', b: { c: null, d: [1, { f: 2 }] } });
    expect(JSON.stringify(a)).toBe('["x",{"a":"z","b":{"c":null,"d":[1,{"f":2}]}}]');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    // Values that JSON writes through toJSON are written the same way; undefined in an array is null, as in JSON.
    expect(queryKey(['x'], { at: new Date('2024-01-02T03:04:05Z'), list: [undefined] })).toEqual(['x', { at: '2024-01-02T03:04:05.000Z', list: [null] }]);
    expect(queryKey(['x'], Object.assign(Object.create(null), { b: 1, a: 2 }))).toEqual(['x', { a: 2, b: 1 }]);
  });

  it('refuse functions and class instances, naming the route and the place', () => {
    expect(() => api.accounts.list.queryOptions({ query: { page: 1, sort: () => 1 } as never })).toThrow(
      new TypeError('[tanstack-query] accounts.list: input.query.sort is a function; a query key holds plain JSON only'),
    );
    expect(() => queryKey(['a', 'b'], { tags: [new Map()] })).toThrow('[tanstack-query] a.b: input.tags[0] is a Map instance; a query key holds plain JSON only');
    class Filter {
      q = 'x';
    }
    expect(() => queryKey(['a'], { filter: new Filter() })).toThrow('input.filter is a Filter instance');
    expect(() => queryKey(['a'], { n: 1n })).toThrow('input.n is a bigint');
    expect(() => queryKey(['a'], { s: Symbol('s') })).toThrow('input.s is a symbol');
  });
});

describe('createQueryUtils', () => {
  it('reaches routes whose names are also names of Object.prototype', async () => {
    const client = { toString: { constructor: async () => ({ status: 200, ok: true, body: 'ok', headers: new Headers(), requestId: undefined }) } };
    const api = createQueryUtils(client);
    expect(api.toString.constructor.key()).toEqual(['toString', 'constructor']);
    expect(await new QueryClient().fetchQuery(api.toString.constructor.queryOptions())).toBe('ok');
  });

  it('bundles for the browser with the client and nothing of TanStack, React or Vue', async () => {
    const result = await build({
      stdin: { contents: "export { createQueryUtils, byPage, byCursor } from '@webstir-io/module-contract/tanstack-query';", resolveDir: import.meta.dirname, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['@webstir-io/source'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((file) => file.replace(/^.*?(adapters|src|node_modules)\//, '$1/'));
    expect(inputs.filter((file) => /node_modules\/(@tanstack|react|react-dom|vue)\//.test(file))).toEqual([]);
    expect(inputs.filter((file) => file.startsWith('adapters/tanstack-query/')).sort()).toEqual([
      'adapters/tanstack-query/create-query-utils.ts',
      'adapters/tanstack-query/index.ts',
      'adapters/tanstack-query/page-params.ts',
      'adapters/tanstack-query/query-key.ts',
    ]);
  });
});

describe.each(Object.entries(clients))('createQueryUtils with %s, on the example server', (_name, makeClient) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let api: ReturnType<typeof createQueryUtils<ReturnType<typeof createClient<typeof accountsContract>>>>;
  let queryClient: QueryClient;
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const fresh = () => {
    api = createQueryUtils(makeClient(server.url));
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    server.seen.length = 0;
  };

  it('fetches the success body, answers again from the cache, and invalidates by a router prefix', async () => {
    fresh();
    const created = await api.accounts.create.mutationOptions().mutationFn({ body: { email: 'ada@example.com', name: 'Ada' } });
    const get = api.accounts.get.queryOptions({ params: { id: created.id } });
    const list = api.accounts.list.queryOptions({ query: { limit: 10 } });

    const account = await queryClient.fetchQuery(get);
    expect(account).toMatchObject({ id: created.id, email: 'ada@example.com', name: 'Ada' });
    expect((await queryClient.fetchQuery(list)).total).toBe(1);
    // Fresh data in the cache: no second request.
    expect(await queryClient.fetchQuery(get)).toBe(account);
    expect(queryClient.getQueryData(get.queryKey)).toBe(account);
    expect(server.seen).toEqual(['POST /api/accounts', `GET /api/accounts/${created.id}`, 'GET /api/accounts?limit=10']);

    queryClient.setQueryData(['elsewhere'], 1);
    await queryClient.invalidateQueries({ queryKey: api.accounts.key() });
    expect(queryClient.getQueryState(get.queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(list.queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(['elsewhere'])?.isInvalidated).toBe(false);
    await queryClient.fetchQuery(get);
    expect(server.seen.at(-1)).toBe(`GET /api/accounts/${created.id}`);
    expect(server.seen).toHaveLength(4);
  });

  it('rejects a 404 with a ContractClientError carrying the typed body', async () => {
    fresh();
    const get = api.accounts.get.queryOptions({ params: { id: missing } });
    const error = await queryClient.fetchQuery(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractClientError);
    expect(isContractClientError(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, code: 'not_found', body: { code: 'not_found' } });
    expect(queryClient.getQueryState(get.queryKey)).toMatchObject({ status: 'error', error });
  });

  it('creates through a mutation that invalidates the list, and rejects the duplicate with the typed 409', async () => {
    fresh();
    const list = new QueryObserver(queryClient, api.accounts.list.queryOptions());
    const totals: number[] = [];
    const unsubscribe = list.subscribe((result) => void (result.data && totals.push(result.data.total)));
    await queryClient.refetchQueries({ queryKey: api.accounts.list.key() });
    const totalBefore = list.getCurrentResult().data!.total;

    const create = new MutationObserver(
      queryClient,
      api.accounts.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: api.accounts.list.key() }) }),
    );
    const account = await create.mutate({ body: { email: 'grace@example.com', name: 'Grace' } });
    expect(account).toMatchObject({ email: 'grace@example.com', name: 'Grace' });
    // invalidateQueries refetched the observed list before onSuccess resolved.
    expect(list.getCurrentResult().data!.total).toBe(totalBefore + 1);
    expect(list.getCurrentResult().data!.items.map((item) => item.id)).toContain(account.id);
    expect(totals.at(-1)).toBe(totalBefore + 1);

    const duplicate = await create.mutate({ body: { email: 'grace@example.com', name: 'Grace' } }).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ name: 'ContractClientError', status: 409, code: 'email_taken', body: { code: 'email_taken', message: 'Email grace@example.com is already registered' } });
    expect(create.getCurrentResult()).toMatchObject({ status: 'error', error: duplicate });
    unsubscribe();
  });

  it('walks every page of a pageQuery list with byPage', async () => {
    fresh();
    const before = (await queryClient.fetchQuery(api.accounts.list.queryOptions({ query: { limit: 100 } }))).total;
    const create = api.accounts.create.mutationOptions();
    for (const n of [1, 2, 3, 4, 5]) await create.mutationFn({ body: { email: `page${n}@example.com`, name: `Page ${n}` } });
    const total = before + 5;

    const observer = new InfiniteQueryObserver(queryClient, api.accounts.list.infiniteOptions((page) => ({ query: { page, limit: 2 } }), byPage));
    const unsubscribe = observer.subscribe(() => {});
    await observer.refetch();
    let result = observer.getCurrentResult();
    while (result.hasNextPage) result = await observer.fetchNextPage();
    unsubscribe();

    const pages = result.data!.pages;
    expect(result.data!.pageParams).toEqual(Array.from({ length: Math.ceil(total / 2) }, (_, i) => i + 1));
    expect(pages.map((page) => page.items.length)).toEqual(Array.from({ length: pages.length }, (_, i) => (i < pages.length - 1 ? 2 : 2 - (total % 2))));
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(new Set(ids).size).toBe(total);
    expect(server.seen.filter((line) => line.includes('limit=2'))).toEqual(pages.map((_, i) => `GET /api/accounts?page=${i + 1}&limit=2`));
  });

  it("aborts the request through TanStack's AbortSignal when the query is cancelled", async () => {
    fresh();
    const options = api.accounts.list.queryOptions({ extraHeaders: { 'x-hold': 'yes' } });
    const arrived = server.nextHeld();
    const pending = queryClient.fetchQuery(options).catch((e: unknown) => e);
    await arrived;
    const held = server.held.at(-1)!;
    expect(held.request.url).toBe('/api/accounts');

    await queryClient.cancelQueries({ queryKey: api.accounts.list.key() });
    expect(isCancelledError(await pending)).toBe(true);
    // The server sees the connection go away: the signal reached fetch.
    await held.closed;
    expect(queryClient.getQueryState(options.queryKey)?.fetchStatus).toBe('idle');
  });
});

describe('infiniteOptions with byCursor, on a cursorQuery list', () => {
  const c = initContract();
  const contract = c.router({
    events: c.router({
      list: { method: 'GET', path: '/events', query: cursorQuery({ defaultLimit: 3 }), responses: { 200: cursorPaged(z.object({ n: z.number() })) } },
    }),
  });
  // Seven events; a cursor is the index of the next one.
  const events = Array.from({ length: 7 }, (_, n) => ({ n }));
  const module = createModule({
    manifest: { name: 'events', version: '1.0.0', kind: 'backend' },
    routes: fromTsRestRouter(contract, {
      events: {
        list: async ({ query }) => {
          const start = Number(query.cursor ?? 0);
          const end = start + query.limit;
          return { status: 200, body: { items: events.slice(start, end), nextCursor: end < events.length ? String(end) : null } };
        },
      },
    }),
  });

  it('walks from no cursor to the last page', async () => {
    const app = express();
    const mounted = mountModule(app, module, { logger: silentLogger });
    await mounted.ready;
    const server = await listen(app);
    try {
      const api = createQueryUtils(createClient(contract, { baseUrl: server.url }));
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const options = api.events.list.infiniteOptions((cursor) => ({ query: { cursor } }), byCursor);
      expect(options.queryKey).toEqual(['events', 'list', { query: {} }, 'infinite']);
      const observer = new InfiniteQueryObserver(queryClient, options);
      const unsubscribe = observer.subscribe(() => {});
      await observer.refetch();
      let result = observer.getCurrentResult();
      while (result.hasNextPage) result = await observer.fetchNextPage();
      unsubscribe();
      expect(result.data!.pageParams).toEqual([undefined, '3', '6']);
      expect(result.data!.pages.map((page) => page.items.map((item) => item.n))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    } finally {
      await server.close();
      await mounted.close();
    }
  });
});
