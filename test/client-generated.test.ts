import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, defineRoute, encodeQuery, silentLogger } from '@webstir-io/module-contract';
import { createClient } from '@webstir-io/module-contract/client';
import { generateClient } from '../adapters/client/codegen/generate-client.js';
import { STANDALONE_RUNTIME, STANDALONE_RUNTIME_EXPORTS } from '../adapters/client/codegen/runtime-bundle.js';
import { bundleClientRuntime, RUNTIME_BUNDLE } from '../scripts/bundle-client-runtime.js';
import { main } from '../cli/main.js';
import { createAccountsApp } from '../examples/accounts/app.js';
import { accountsContract, createAccountsModule } from './fixtures/accounts.js';
import { echo, echoContract, echoModule } from './fixtures/echo-server.js';
import { listen } from './fixtures/listen.js';
import { assertProperty } from './fixtures/seed.js';

type AnyCall = (args?: unknown) => Promise<{ status: number; ok: boolean; body: unknown; requestId: string | undefined }>;
type Generated = { createClient(options: Record<string, unknown>): Record<string, Record<string, AnyCall> | AnyCall>; unwrap(result: unknown): Promise<unknown> };

const work = mkdtempSync(join(tmpdir(), 'mc-generated-client-'));
let accountsGenerated: Generated;
let echoGenerated: Generated;
let echoUrl: string;
const closers: (() => Promise<void>)[] = [];

function tsc(bin: string, options: Record<string, unknown>): string {
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['accounts-client.ts', 'echo-client.ts'] }));
  try {
    return execFileSync(process.execPath, [bin, '-p', work], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`tsc failed:\n${(error as { stdout?: string }).stdout}`);
  }
}

const strict = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  target: 'es2022',
  lib: ['es2022', 'dom'],
  types: [],
  module: 'esnext',
  moduleResolution: 'bundler',
  verbatimModuleSyntax: true,
  skipLibCheck: false,
};

beforeAll(async () => {
  writeFileSync(join(work, 'accounts-client.ts'), generateClient(createAccountsModule()));
  writeFileSync(join(work, 'echo-client.ts'), generateClient(echoModule));
  // TypeScript 5.9 type-checks it too, so consumers on the previous compiler can use it.
  tsc('node_modules/typescript59/bin/tsc', { ...strict, noEmit: true });
  tsc('node_modules/typescript/bin/tsc', { ...strict, outDir: join(work, 'out') });
  accountsGenerated = (await import(pathToFileURL(join(work, 'out', 'accounts-client.js')).href)) as Generated;
  echoGenerated = (await import(pathToFileURL(join(work, 'out', 'echo-client.js')).href)) as Generated;
  const server = await listen(echo);
  echoUrl = server.url;
  closers.push(server.close);
});
afterAll(async () => {
  for (const close of closers) await close();
  rmSync(work, { recursive: true, force: true });
});

async function accountsServer(): Promise<string> {
  const accounts = await createAccountsApp({ logger: silentLogger });
  const server = await listen(accounts.app);
  closers.push(server.close, accounts.close);
  return server.url;
}

// Ids, times and request ids differ from run to run; everything else must match.
function stable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>'),
  );
}

describe('the generated Accounts client', () => {
  it('is the committed example client', async () => {
    await expect(generateClient(createAccountsModule())).toMatchFileSnapshot('../examples/accounts/web/generated/accounts-client.ts');
  });

  it('gives the same results as createClient against the example server', async () => {
    const scenario = async (accounts: Record<string, AnyCall>) => {
      const outcomes: unknown[] = [];
      const record = async (call: Promise<{ status: number; ok: boolean; body: unknown }>) => {
        const { status, ok, body } = await call;
        outcomes.push(stable({ status, ok, body }));
        return body as { id: string };
      };
      const created = await record(accounts.create!({ body: { email: 'ada@example.com', name: 'Ada' } }));
      await record(accounts.create!({ body: { email: 'ada@example.com', name: 'Ada' } }));
      await record(accounts.get!({ params: { id: created.id } }));
      await record(accounts.get!({ params: { id: '00000000-0000-4000-8000-000000000000' } }));
      await record(accounts.get!({ params: { id: 'not-a-uuid' } }));
      await record(accounts.list!({ query: { limit: 1 } }));
      await record(accounts.list!());
      await record(accounts.remove!({ params: { id: created.id } }));
      await record(accounts.remove!({ params: { id: created.id }, extraHeaders: { authorization: 'Bearer demo-admin' } }));
      return outcomes;
    };
    const generated = accountsGenerated.createClient({ baseUrl: await accountsServer() }).accounts as Record<string, AnyCall>;
    const kit = createClient(accountsContract, { baseUrl: await accountsServer() }).accounts as unknown as Record<string, AnyCall>;
    const fromGenerated = await scenario(generated);
    expect(fromGenerated).toEqual(await scenario(kit));
    expect(fromGenerated.map((outcome) => (outcome as { status: number }).status)).toEqual([201, 409, 200, 404, 400, 200, 200, 401, 204]);
    expect(fromGenerated[1]).toMatchObject({ ok: false, body: { code: 'email_taken', message: 'Email ada@example.com is already registered' } });
  });

  it('throws the same ContractClientError through its own unwrap', async () => {
    const client = accountsGenerated.createClient({ baseUrl: await accountsServer(), requestId: () => 'gen-1' });
    const accounts = client.accounts as Record<string, AnyCall>;
    await accountsGenerated.unwrap(accounts.create!({ body: { email: 'x@example.com', name: 'X' } }));
    const error = await accountsGenerated.unwrap(accounts.create!({ body: { email: 'x@example.com', name: 'X' } })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ContractClientError',
      status: 409,
      code: 'email_taken',
      requestId: 'gen-1',
      message: '[client] HTTP 409 email_taken: Email x@example.com is already registered (request gen-1)',
    });
  });
});

describe('the generated client and createClient send and fail alike', () => {
  const calls: [string, unknown][] = [
    ['search', { query: { tags: ['a b', 'c&d'], filter: { a: 1, b: 'x' }, at: new Date('2024-01-02T03:04:05Z') } }],
    ['item', { params: { id: 'a/b?c#d' } }],
    ['send', { body: { n: 1 }, extraHeaders: { 'X-Tenant': 't1', 'x-request-id': 'fixed' } }],
    ['status', { params: { code: '502' } }],
    ['badJson', undefined],
    ['gateway', undefined],
    ['hang', undefined],
  ];

  it.each([
    ['throws', () => {
      throw new Error('no token');
    }],
    ['rejects', () => Promise.reject(new Error('no token'))],
  ])('resolve to status 0 with code headers_failed when headers() %s', async (_how, headers) => {
    const options = { baseUrl: echoUrl, headers, requestId: () => 'req-h' };
    const kit = await (createClient(echoContract, options) as unknown as Record<string, AnyCall>).item!({ params: { id: '1' } });
    const generated = await (echoGenerated.createClient(options) as Record<string, AnyCall>).item!({ params: { id: '1' } });
    const expected = { status: 0, ok: false, requestId: undefined, body: { code: 'headers_failed', message: '[client] GET /echo/items/:id: Error: no token' } };
    expect(kit).toMatchObject(expected);
    expect(generated).toMatchObject(expected);
    expect((generated as unknown as { error: Error }).error.message).toBe('no token');
  });

  it.each(calls)('%s', async (name, args) => {
    // Only the call that never gets an answer has a short timeout; the others must not race it on a busy machine.
    const options = { baseUrl: echoUrl, timeoutMs: name === 'hang' ? 50 : 30_000, headers: async () => ({ 'X-App': 'web' }), requestId: () => 'req-1' };
    const kit = createClient(echoContract, options) as unknown as Record<string, AnyCall>;
    const generated = echoGenerated.createClient(options) as Record<string, AnyCall>;
    const project = ({ status, ok, body, requestId }: Awaited<ReturnType<AnyCall>>) => {
      const echoed = body as { headers?: Record<string, string> };
      const headers = echoed?.headers && { ...echoed.headers, host: '<host>', connection: '<connection>' };
      return { status, ok, requestId, body: headers ? { ...echoed, headers } : body };
    };
    const expected = project(await kit[name]!(args));
    expect(project(await generated[name]!(args))).toEqual(expected);
    if (name === 'search') expect(expected.body).toMatchObject({ url: '/echo/search?tags=a%20b&tags=c%26d&filter%5Ba%5D=1&filter%5Bb%5D=x&at=2024-01-02T03%3A04%3A05.000Z' });
    if (name === 'send') expect(expected).toMatchObject({ requestId: 'echo-fixed', body: { headers: { 'x-app': 'web', 'x-tenant': 't1', 'content-type': 'application/json' } } });
    if (name === 'hang') expect(expected).toMatchObject({ status: 0, body: { code: 'timeout' } });
    if (name === 'gateway') expect(expected).toMatchObject({ status: 502, ok: false, body: { code: 'unexpected_status', details: '<h1>Bad Gateway</h1>' } });
  });
});

describe('module-contract client', () => {
  const io = () => {
    const lines = { out: [] as string[], err: [] as string[] };
    return { lines, io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l), cwd: process.cwd() } };
  };

  it('writes the client of a built module', async () => {
    const out = join(work, 'cli', 'accounts-client.ts');
    const { lines, io: cli } = io();
    expect(await main(['client', '--module', 'dist/examples/accounts/module.js', '--out', out], cli)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(generateClient(createAccountsModule()));
    expect(lines.err).toEqual([`[client] wrote ${out} (4 routes)`]);
  });

  it('exits 2 and names the file it cannot use', async () => {
    const { lines, io: cli } = io();
    expect(await main(['client', '--module', 'missing.js', '--out', join(work, 'x.ts')], cli)).toBe(2);
    expect(lines.err).toEqual(['module-contract client: missing.js: file not found']);
    expect(await main(['client', '--module', 'dist/examples/accounts/module.js'], cli)).toBe(2);
    expect(await main(['client', '--module', 'dist/examples/accounts/module.js', '--out', join(work, 'x.js')], cli)).toBe(2);
  });

  it('reports every route and schema it cannot generate in one error', () => {
    const module = createModule({
      manifest: { name: 'odd', version: '1.0.0', kind: 'backend' },
      schemas: { 'odd-thing': z.object({ a: z.string() }), ClientOptions: z.object({ b: z.string() }) },
      routes: [
        defineRoute({ name: 'files.upload', method: 'POST', path: '/files', contentType: 'multipart/form-data', input: { body: z.object({ f: z.string() }) }, responses: { 204: null }, handler: () => ({ status: 204 as const, body: undefined }) }),
        defineRoute({ name: 'files.get-one', method: 'GET', path: '/files/:id', responses: { 204: null }, handler: () => ({ status: 204 as const, body: undefined }) }),
      ],
    });
    expect(() => generateClient(module)).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [client] module odd: 4 problems
        - schemas.odd-thing: is not a TypeScript identifier, so it cannot name a type
        - schemas.ClientOptions: clashes with a name the generated client declares; rename the schema
        - routes[0] files.upload: request content type multipart/form-data is not supported by the generated client; use createClient
        - routes[1] files.get-one: every dot-separated part of the route name must be a TypeScript identifier]
    `);
  });
});

describe('the generated runtime', () => {
  it('is the committed compile of adapters/client/runtime (run `npm run build` when this fails)', async () => {
    expect(readFileSync(RUNTIME_BUNDLE, 'utf8')).toBe(await bundleClientRuntime());
  });

  it('is inlined in every generated client, on the one line its @ts-ignore covers', () => {
    const source = generateClient(createAccountsModule());
    expect(source).toContain(`// @ts-ignore - compiled JavaScript on one line\nconst runtime: any = ${STANDALONE_RUNTIME};\n`);
    expect(STANDALONE_RUNTIME).not.toContain('\n');
    expect([...STANDALONE_RUNTIME_EXPORTS]).toEqual(['ContractClientError', 'isContractClientError', 'route', 'unwrap']);
  });

  it('sends any query exactly as encodeQuery writes it, as createClient does', async () => {
    const seen: string[] = [];
    const recording = async (input: string) => {
      seen.push(input);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const options = { baseUrl: 'http://client.test', fetch: recording, requestId: false };
    const kit = createClient(echoContract, options) as unknown as Record<string, AnyCall>;
    const generated = echoGenerated.createClient(options) as Record<string, AnyCall>;
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }));
    const query = fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1 }), scalar, { maxKeys: 3 })), { maxKeys: 4 });
    await assertProperty(
      fc.asyncProperty(query, async (values) => {
        seen.length = 0;
        await kit.search!({ query: values });
        await generated.search!({ query: values });
        const search = encodeQuery(values);
        expect(seen).toEqual([0, 1].map(() => `http://client.test/echo/search${search && `?${search}`}`));
      }),
      { numRuns: 150 },
    );
  });
});

describe('generated request types', () => {
  it('require a body whose fields are all optional, since an omitted body is no body at all', () => {
    const module = createModule({
      manifest: { name: 'patch', version: '1.0.0', kind: 'backend' },
      routes: [
        defineRoute({
          name: 'items.patch',
          method: 'PATCH',
          path: '/items/:id',
          input: { params: z.object({ id: z.string() }), body: z.object({ name: z.string().optional() }), query: z.object({ dry: z.string().optional() }) },
          responses: { 204: null },
          handler: () => ({ status: 204 as const, body: undefined }),
        }),
      ],
    });
    const source = generateClient(module);
    expect(source).toMatch(/^ {2}body: \{/m);
    expect(source).toMatch(/^ {2}query\?: \{/m);
  });
});
