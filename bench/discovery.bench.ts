// Module discovery over a generated tree of 2,000 packages (workspace, node_modules and @scope
// packages, 20 of them module packages), against two peers in the same process: reading and
// parsing every package.json (the floor any package.json-based discovery pays), and a recursive
// directory crawl of the tree (what a discovery that looks beyond package.json would pay).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { discoverModules } from '@webstir-io/module-contract/discovery';
import { markdownTable, median, saveReport } from './report.js';

const WORKSPACE = 300;
const INSTALLED = 1_200;
const SCOPED = 500; // across 50 scopes
const MODULES = 20; // half in the workspace, half installed
const REFUSED = 4;
const WARMUP = 3;
const ROUNDS = 15;

const root = mkdtempSync(join(tmpdir(), 'mc-bench-discovery-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

const filler = (name: string) => ({
  name,
  version: '1.4.2',
  description: `The ${name} package, generated for the discovery benchmark.`,
  license: 'MIT',
  main: 'lib/index.js',
  types: 'lib/index.d.ts',
  repository: { type: 'git', url: `https://example.com/${name}.git` },
  scripts: { build: 'tsc -p .', test: 'node --test' },
  dependencies: { 'left-pad': '^1.3.0', 'is-number': '^7.0.0' },
  keywords: ['generated', 'benchmark', 'fixture'],
});
let modules = 0;
let refused = 0;
function writePackage(dir: string, name: string): void {
  mkdirSync(join(dir, 'lib'), { recursive: true });
  const pkg: Record<string, unknown> = filler(name);
  if (modules < MODULES && Math.random() < 0.02) {
    const index = modules++;
    pkg.webstir = { module: { kind: 'backend', entry: './lib/module.mjs' } };
    const manifest = { name: `module-${index}`, version: '1.0.0', kind: 'backend', contractVersion: '1.0.0' };
    writeFileSync(join(dir, 'lib/module.mjs'), `export default { type: 'module', manifest: ${JSON.stringify(manifest)}, routes: [], views: [], events: [], schemas: {}, namedSchemas: [] };\n`);
  } else if (refused < REFUSED && Math.random() < 0.01) {
    refused++;
    pkg.webstir = { module: { kind: 'backend', entry: './lib/missing.mjs' } };
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const file of ['index.js', 'index.d.ts', 'util.js', 'util.d.ts']) writeFileSync(join(dir, 'lib', file), '// generated\n');
  writeFileSync(join(dir, 'README.md'), `# ${name}\n`);
}

let seed = 7;
Math.random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bench-root', private: true, workspaces: ['packages/*'] }));
for (let i = 0; i < WORKSPACE; i++) writePackage(join(root, 'packages', `ws-${i}`), `@bench/ws-${i}`);
for (let i = 0; i < INSTALLED; i++) writePackage(join(root, 'node_modules', `dep-${i}`), `dep-${i}`);
for (let i = 0; i < SCOPED; i++) writePackage(join(root, 'node_modules', `@scope-${i % 50}`, `pkg-${i}`), `@scope-${i % 50}/pkg-${i}`);
const total = WORKSPACE + INSTALLED + SCOPED;

const first = performance.now();
const cold = await discoverModules({ root });
const coldMs = performance.now() - first;
if (cold.scanned !== total + 1 || cold.modules.length !== modules || cold.refused.length !== refused) {
  throw new Error(`unexpected report: scanned ${cold.scanned}, ${cold.modules.length} modules, ${cold.refused.length} refused`);
}

function readEveryPackageJson(): number {
  let count = 0;
  const read = (dir: string) => {
    try {
      JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      count++;
    } catch {
      // not a package
    }
  };
  read(root);
  for (const name of readdirSync(join(root, 'packages'))) read(join(root, 'packages', name));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name.startsWith('@')) for (const inner of readdirSync(join(root, 'node_modules', name))) read(join(root, 'node_modules', name, inner));
    else read(join(root, 'node_modules', name));
  }
  return count;
}
const crawl = () => readdirSync(root, { recursive: true }).length;

const contenders = {
  'discoverModules (warm: entries already imported)': () => discoverModules({ root }),
  'peer: read + JSON.parse every package.json': async () => readEveryPackageJson(),
  'peer: recursive directory crawl (readdir, no reads)': async () => crawl(),
} as const;
type Name = keyof typeof contenders;
const PEER: Name = 'peer: read + JSON.parse every package.json';
const samples = Object.fromEntries(Object.keys(contenders).map((n) => [n, [] as number[]])) as Record<Name, number[]>;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const [name, run] of Object.entries(contenders) as [Name, () => Promise<unknown>][]) {
    const started = performance.now();
    await run();
    if (round >= WARMUP) samples[name].push(performance.now() - started);
  }
}
const peerMedian = median(samples[PEER]);
const rows: (string | number)[][] = [['discoverModules (cold: first run, imports 20 entries)', coldMs.toFixed(1), '-', (coldMs / peerMedian).toFixed(2)]];
for (const name of Object.keys(contenders) as Name[]) {
  const m = median(samples[name]);
  rows.push([name, m.toFixed(1), Math.min(...samples[name]).toFixed(1), name === PEER ? '1.00 (peer)' : (m / peerMedian).toFixed(2)]);
}
const report = [
  `### Module discovery, ${total.toLocaleString('en-US')} packages (${WORKSPACE} workspace, ${INSTALLED.toLocaleString('en-US')} in node_modules, ${SCOPED} scoped; ${modules} modules, ${refused} refused; ${crawl().toLocaleString('en-US')} files and folders), median of ${ROUNDS} runs after ${WARMUP} warm-up`,
  '',
  markdownTable(['contender', 'median ms', 'min ms', 'ratio to reading every package.json'], rows),
  '',
  `Node ${process.version}, ${process.platform}/${process.arch}. Run with \`npm run bench -- discovery\`.`,
].join('\n');
saveReport('discovery', report);
