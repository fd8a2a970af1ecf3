import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const compilers = {
  'TypeScript 7': join(root, 'node_modules/typescript/bin/tsc'),
  'TypeScript 5.9': join(root, 'node_modules/typescript59/bin/tsc'),
};

// The emitted .d.ts files are what consumers compile against; both compiler lines must accept them.
describe('a consumer project compiles against dist/*.d.ts', () => {
  it.each(Object.entries(compilers))('with %s', (_name, tsc) => {
    expect(existsSync(join(root, 'dist/src/index.d.ts')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'test/consumer/tsconfig.json')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    // A full type check of the consumer with TypeScript 5.9 takes most of a minute on a busy 2-core machine.
  }, 180_000);

  it('reports the TypeScript versions it checked', () => {
    const versions = Object.values(compilers).map((tsc) => spawnSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).stdout.trim());
    expect(versions[0]).toMatch(/^Version 7\./);
    expect(versions[1]).toMatch(/^Version 5\.9\./);
  });
});
