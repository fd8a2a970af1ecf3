#!/usr/bin/env node
// Runs every bench/*.bench.ts (or the ones named on the command line) in its own process, in order.
// Each benchmark prints its own markdown table and saves it to bench/results/<name>.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const selected = wanted.length ? all.filter((f) => wanted.some((w) => f.includes(w))) : all;
if (selected.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of selected) {
  console.log(`\n=== ${file}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--conditions=@webstir-io/source', '--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  });
  console.log(`=== ${file}: ${result.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
