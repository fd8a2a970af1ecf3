import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortDiff } from '../artifacts/check-artifacts.js';
import { formatJson, kitJsonSchemas } from '../openapi/json-schema.js';

/**
 * Writes schema/*.schema.json from the kit's Zod schemas (run by `npm run build`). With `--check` it
 * writes nothing: it compares the committed files with a fresh build, lists every stale, missing or
 * extra file with a short diff, and exits 1 when any differs (run by CI, like `module-contract check`).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'schema');
const schemas = kitJsonSchemas();
if (process.argv.includes('--check')) {
  const expected = new Map(Object.entries(schemas).map(([file, schema]) => [file, formatJson(schema)]));
  const onDisk = existsSync(out) ? readdirSync(out).filter((file) => file.endsWith('.json')) : [];
  const differences: { path: string; status: string; diff?: string }[] = [];
  for (const [path, text] of expected) {
    if (!onDisk.includes(path)) differences.push({ path, status: 'missing' });
    else {
      const actual = readFileSync(join(out, path), 'utf8');
      if (actual !== text) differences.push({ path, status: 'stale', diff: shortDiff(actual, text, 6) });
    }
  }
  for (const path of onDisk) if (!expected.has(path)) differences.push({ path, status: 'extra' });
  for (const { path, status, diff } of differences) {
    console.error(`  ${status.padEnd(7)} schema/${path}`);
    if (diff) console.error(diff.split('\n').map((line) => `      ${line}`).join('\n'));
  }
  if (differences.length > 0) {
    console.error(`[schemas] ${differences.length} file(s) in schema/ differ from a fresh build; run \`npm run build\``);
    process.exit(1);
  }
  console.error(`[schemas] ${Object.keys(schemas).length} files in schema/ are up to date`);
} else {
  mkdirSync(out, { recursive: true });
  for (const [file, schema] of Object.entries(schemas)) writeFileSync(join(out, file), formatJson(schema));
  console.log(`[schemas] wrote ${Object.keys(schemas).length} files to schema/`);
}
