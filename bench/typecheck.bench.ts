// Type-check cost of a contract, raw ts-rest against the kit, at 50, 200 and 1000 routes.
// (a) raw:  contract + initServer().router(contract, impl) + initClient(contract) + one call per route
// (b) kit:  contract + fromTsRestRouter(contract, impl) + createModule + createClient(contract) + one call per route
// TypeScript 5.9 `--extendedDiagnostics` gives instantiation and type counts (deterministic);
// TypeScript 7 gives wall time (median of several runs, so noisy: read the ratio).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTable, saveReport } from './report.js';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'bench/.generated/typecheck');
const sizes = (process.env.BENCH_SIZES ?? '50,200,1000').split(',').map(Number);
const timedRuns = Number(process.env.BENCH_RUNS ?? 3);
const tsc7 = join(root, 'node_modules/typescript/bin/tsc');
const tsc59 = join(root, 'node_modules/typescript59/bin/tsc');

type Variant = 'raw' | 'kit';

function contractSource(routes: number): string {
  const groups: string[] = [];
  for (let g = 0; g * 10 < routes; g++) {
    const members: string[] = [];
    for (let r = g * 10; r < Math.min(routes, g * 10 + 10); r++) {
      members.push(
        r % 2 === 0
          ? `    get${r}: { method: 'GET', path: '/g${g}/r${r}/:id', pathParams: z.object({ id: z.string() }), query: z.object({ page: z.coerce.number().default(1), tag: z.string().optional() }), responses: { 200: Item, 404: Err } },`
          : `    create${r}: { method: 'POST', path: '/g${g}/r${r}', body: z.object({ name: z.string(), size: z.number().int(), tags: z.array(z.string()).optional() }), responses: { 201: Item, 409: Err } },`,
      );
    }
    groups.push(`  g${g}: c.router({\n${members.join('\n')}\n  }),`);
  }
  return [
    "import { initContract } from '@ts-rest/core';",
    "import { z } from 'zod';",
    'const c = initContract();',
    'export const Item = z.object({ id: z.string(), name: z.string(), size: z.number(), tags: z.array(z.string()) });',
    'export const Err = z.object({ code: z.string(), message: z.string() });',
    `export const contract = c.router({\n${groups.join('\n')}\n});`,
    '',
  ].join('\n');
}

function implementationSource(routes: number, variant: Variant): string {
  const groups: string[] = [];
  const calls: string[] = [];
  for (let g = 0; g * 10 < routes; g++) {
    const members: string[] = [];
    for (let r = g * 10; r < Math.min(routes, g * 10 + 10); r++) {
      if (r % 2 === 0) {
        members.push(`    get${r}: async ({ params, query }) => ({ status: 200, body: { id: params.id, name: query.tag ?? 'x', size: query.page, tags: [] } }),`);
        calls.push(`  const r${r} = await client.g${g}.get${r}({ params: { id: '1' }, query: { tag: 'a' } });\n  if (r${r}.status === 200) use(r${r}.body.name);`);
      } else {
        members.push(`    create${r}: async ({ body }) => ({ status: 201, body: { id: '1', name: body.name, size: body.size, tags: body.tags ?? [] } }),`);
        calls.push(`  const r${r} = await client.g${g}.create${r}({ body: { name: 'n', size: 1 } });\n  if (r${r}.status === 201) use(r${r}.body.size);`);
      }
    }
    groups.push(`  g${g}: {\n${members.join('\n')}\n  },`);
  }
  const head =
    variant === 'raw'
      ? [
          "import { initClient } from '@ts-rest/core';",
          "import { initServer } from '@ts-rest/express';",
          "import { contract } from './contract.js';",
          'const s = initServer();',
          `export const router = s.router(contract, {\n${groups.join('\n')}\n});`,
          "const client = initClient(contract, { baseUrl: 'http://127.0.0.1' });",
        ]
      : [
          "import { createModule } from '@webstir-io/module-contract';",
          "import { createClient } from '@webstir-io/module-contract/client';",
          "import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';",
          "import { contract } from './contract.js';",
          `const routes = fromTsRestRouter(contract, {\n${groups.join('\n')}\n});`,
          "export const module = createModule({ manifest: { name: 'bench', version: '1.0.0', kind: 'backend' }, routes });",
          "const client = createClient(contract, { baseUrl: 'http://127.0.0.1' });",
        ];
  return [...head, 'declare function use(value: unknown): void;', `export async function callAll() {\n${calls.join('\n')}\n}`, ''].join('\n');
}

function generate(routes: number, variant: Variant): string {
  const dir = join(outDir, `${variant}-${routes}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'contract.ts'), contractSource(routes));
  writeFileSync(join(dir, 'impl.ts'), implementationSource(routes, variant));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files: ['contract.ts', 'impl.ts'],
    }),
  );
  return dir;
}

function compile(tsc: string, dir: string, extra: string[] = []) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), ...extra], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const output = `${result.stdout}${result.stderr}`;
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  return { ms, output, errors };
}

const count = (output: string, label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(output)?.[1] ?? NaN);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ratio = (b: number, a: number) => (b / a).toFixed(3);

if (!existsSync(join(root, 'dist/src/index.d.ts'))) {
  console.log('[bench] building the package first (dist/ is missing)');
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

const rows: (string | number)[][] = [];
const deepErrors: string[] = [];
for (const size of sizes) {
  const measured: Record<Variant, { inst: number; types: number; ms: number }> = {} as never;
  for (const variant of ['raw', 'kit'] as const) {
    const dir = generate(size, variant);
    const diag = compile(tsc59, dir, ['--extendedDiagnostics']);
    if (diag.errors.length > 0) {
      console.error(diag.errors.slice(0, 10).join('\n'));
      if (diag.errors.some((e) => e.includes('TS2589'))) deepErrors.push(`${variant}@${size}`);
      else throw new Error(`[bench] ${variant} with ${size} routes does not type-check (see above)`);
    }
    const times: number[] = [];
    compile(tsc7, dir); // warm the file cache
    for (let i = 0; i < timedRuns; i++) {
      const run = compile(tsc7, dir);
      if (run.errors.length > 0 && !run.errors.some((e) => e.includes('TS2589'))) throw new Error(`[bench] TS 7 rejects ${variant}@${size}:\n${run.errors.join('\n')}`);
      if (run.errors.some((e) => e.includes('TS2589'))) deepErrors.push(`${variant}@${size} (TS 7)`);
      times.push(run.ms);
    }
    measured[variant] = { inst: count(diag.output, 'Instantiations'), types: count(diag.output, 'Types'), ms: median(times) };
    console.log(`[bench] ${variant} ${size} routes: ${measured[variant].inst} instantiations, ${measured[variant].types} types, TS 7 ${measured[variant].ms.toFixed(0)} ms`);
  }
  const { raw, kit } = measured;
  rows.push([
    size,
    raw.inst,
    kit.inst,
    ratio(kit.inst, raw.inst),
    raw.types,
    kit.types,
    ratio(kit.types, raw.types),
    raw.ms.toFixed(0),
    kit.ms.toFixed(0),
    ratio(kit.ms, raw.ms),
  ]);
}

const table = markdownTable(
  ['routes', 'instantiations raw', 'instantiations kit', 'kit/raw', 'types raw', 'types kit', 'kit/raw', 'TS 7 ms raw', 'TS 7 ms kit', 'kit/raw'],
  rows,
);
const verdict = deepErrors.length ? `"Excessively deep" errors: ${deepErrors.join(', ')}` : 'No "excessively deep" (TS2589) error at any size, on TS 5.9 or TS 7.';
saveReport('typecheck', `### Type-check cost (TS 5.9 counts, TS 7 wall time, median of ${timedRuns})\n\n${table}\n\n${verdict}`);
if (deepErrors.length) process.exitCode = 1;
