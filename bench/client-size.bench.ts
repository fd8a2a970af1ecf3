// Bundle size of one Accounts frontend entry, minified and gzipped, with three clients:
// (a) raw ts-rest initClient, (b) the kit's createClient, (c) the generated standalone client.
// The entry code is the same; only the line that makes the client differs. Sizes are deterministic.
// (d) adds to (b) one more function that builds TanStack Query options by hand with `unwrap`;
// (e) and (f) build the same options with the TanStack Query helpers, on (b) and on (c).
// Targets: (b) - (a) <= 1 KB gzipped; (c) <= 3 KB gzipped; (e) - (d) <= 0.5 KB gzipped.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { markdownTable, saveReport } from './report.js';

const root = join(import.meta.dirname, '..');

const usage = `
export async function demo(log: (line: unknown) => void) {
  const created = await client.accounts.create({ body: { email: 'ada@example.com', name: 'Ada' } });
  if (created.status === 201) {
    const fetched = await client.accounts.get({ params: { id: created.body.id } });
    log(fetched.status === 200 ? fetched.body.name : fetched.status);
  } else log(created.body);
  const listed = await client.accounts.list({ query: { page: 1, limit: 20 } });
  if (listed.status === 200) log(listed.body.total);
  const removed = await client.accounts.remove({ params: { id: 'x' }, extraHeaders: { authorization: 'Bearer t' } });
  log(removed.status);
}
`;

// The TanStack Query options an app builds: by hand, and with the helpers (every kind they build).
const byHand = `
import { unwrap } from '@webstir-io/module-contract/client';
export function options(id: string) {
  return [
    { queryKey: ['accounts', 'get', { params: { id } }], queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(client.accounts.get({ params: { id }, fetchOptions: { signal } })), staleTime: 1000 },
    {
      queryKey: ['accounts', 'list', { query: { page: 1, limit: 20 } }, 'infinite'],
      queryFn: ({ pageParam, signal }: { pageParam: number; signal: AbortSignal }) => unwrap(client.accounts.list({ query: { page: pageParam, limit: 20 }, fetchOptions: { signal } })),
      initialPageParam: 1,
      getNextPageParam: (last: { page: number; limit: number; total: number }) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
    },
    { mutationKey: ['accounts', 'create'], mutationFn: (variables: { body: { email: string; name: string } }) => unwrap(client.accounts.create(variables)) },
    ['accounts'],
  ];
}
`;
const helpers = `
import { byPage, createQueryUtils } from '@webstir-io/module-contract/tanstack-query';
const api = createQueryUtils(client);
export function options(id: string) {
  return [
    api.accounts.get.queryOptions({ params: { id } }, { staleTime: 1000 }),
    api.accounts.list.infiniteOptions((page) => ({ query: { page, limit: 20 } }), byPage),
    api.accounts.create.mutationOptions(),
    api.accounts.key(),
  ];
}
`;

const variants = [
  {
    name: '(a) ts-rest initClient',
    head: "import { initClient } from '@ts-rest/core';\nimport { accountsContract } from '../examples/accounts/contract.js';\nconst client = initClient(accountsContract, { baseUrl: '' });",
  },
  {
    name: '(b) kit createClient',
    head: "import { createClient } from '@webstir-io/module-contract/client';\nimport { accountsContract } from '../examples/accounts/contract.js';\nconst client = createClient(accountsContract, { baseUrl: '' });",
  },
  {
    name: '(c) generated client',
    head: "import { createClient } from '../examples/accounts/web/generated/accounts-client.js';\nconst client = createClient({ baseUrl: '' });",
  },
];
variants.push(
  { name: '(d) (b) + TanStack options by hand', head: `${variants[1]!.head}\n${byHand}` },
  { name: '(e) (b) + TanStack Query helpers', head: `${variants[1]!.head}\n${helpers}` },
  { name: '(f) (c) + TanStack Query helpers', head: `${variants[2]!.head}\n${helpers}` },
);

async function measure(head: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: `${head}\n${usage}`, resolveDir: join(root, 'bench'), loader: 'ts' },
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@webstir-io/source'],
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const sizes = [];
for (const variant of variants) sizes.push({ name: variant.name, ...(await measure(variant.head)) });
type Size = (typeof sizes)[number];
const [raw, kit, generated, kitByHand, kitHelpers, generatedHelpers] = sizes as [Size, Size, Size, Size, Size, Size];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
const table = markdownTable(
  ['Client', 'Minified', 'Gzipped', 'Gzipped vs (a)', 'Ratio vs (a)'],
  sizes.map((s) => [s.name, kb(s.minified), kb(s.gzipped), s === raw ? '—' : signed(s.gzipped - raw.gzipped), `${(s.gzipped / raw.gzipped).toFixed(2)}×`]),
);
const checks = [
  { target: '(b) − (a) ≤ 1 KB gzipped', value: kit.gzipped - raw.gzipped, limit: 1024 },
  { target: '(c) ≤ 3 KB gzipped', value: generated.gzipped, limit: 3 * 1024 },
  { target: '(e) − (d) ≤ 0.5 KB gzipped (the helpers over the same options by hand)', value: kitHelpers.gzipped - kitByHand.gzipped, limit: 512 },
];
const targets = markdownTable(
  ['Target', 'Measured', 'Limit', 'Met'],
  checks.map((c) => [c.target, `${c.value} B`, `${c.limit} B`, c.value <= c.limit ? 'yes' : 'NO']),
);
saveReport(
  'client-size',
  [
    '### Client bundle size (Accounts frontend entry, esbuild --minify, gzip -9)',
    '',
    table,
    '',
    targets,
    '',
    `The TanStack Query helpers cost ${kitHelpers.gzipped - kitByHand.gzipped} B gzipped over writing the same options by hand with \`unwrap\` ((e) − (d)). ` +
      `Counting that usage and \`unwrap\` too, they add ${kitHelpers.gzipped - kit.gzipped} B to (b), and ${generatedHelpers.gzipped - generated.gzipped} B to (c), which then carries the kit's \`unwrap\` and \`ContractClientError\` beside its own. ` +
      '@tanstack/query-core itself belongs to the app and is not counted.',
    '',
    '(a) and (b) include Zod, which the contract needs at run time; (c) has no dependency at all.',
  ].join('\n'),
);
if (checks.some((c) => c.value > c.limit)) process.exitCode = 1;
