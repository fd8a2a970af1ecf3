// The ts-rest version matrix: the consumer fixture and the corpus, compiled and run against the
// @ts-rest/core the repository installs (3.52) and against the next release (3.53, installed apart
// in test/ts-rest-versions/next by `.ci/run`). The README's table reports what this checks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const nextDir = join(root, 'test/ts-rest-versions/next');
const nextInstalled = existsSync(join(nextDir, 'node_modules/@ts-rest/core/package.json')) && existsSync(join(nextDir, 'node_modules/@ts-rest/express/package.json'));
if (!nextInstalled && process.env.CI === 'true') throw new Error('test/ts-rest-versions/next is not installed: `.ci/run` runs `npm ci --prefix test/ts-rest-versions/next`');
if (!nextInstalled) console.warn('[ts-rest-versions] skipping 3.53: run `npm ci --prefix test/ts-rest-versions/next` to test it');

const versionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'node_modules/@ts-rest/core/package.json'), 'utf8')) as { version: string }).version;

interface Version {
  name: string;
  /** Where its @ts-rest packages are, when it is not the repository's own install. */
  dir?: string;
}
const current: Version = { name: versionOf(root) };
const next: Version = { name: nextInstalled ? versionOf(nextDir) : 'next', dir: nextDir };

mkdirSync(join(root, '.tmp'), { recursive: true });
const work = mkdtempSync(join(root, '.tmp', 'ts-rest-versions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Type-checks `files` with the settings of `extendsConfig`, resolving @ts-rest/* into `version.dir` when given. */
function typecheck(version: Version, extendsConfig: string, files: string[]): string {
  const paths = version.dir
    ? {
        '@ts-rest/core': [join(version.dir, 'node_modules/@ts-rest/core/index.cjs.d.ts')],
        '@ts-rest/express': [join(version.dir, 'node_modules/@ts-rest/express/index.cjs.d.ts')],
      }
    : undefined;
  const config = join(work, `tsconfig-${version.name}-${files.length}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(root, extendsConfig), compilerOptions: { noEmit: true, ...(paths && { paths }) }, files: files.map((f) => join(root, f)), include: [] }));
  const result = spawnSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8', cwd: root });
  return (result.stdout + result.stderr).trim();
}

// On the repository's own 3.52, `npm run typecheck` compiles the kit and the corpus and
// test/consumer.test.ts the consumer fixture; only what differs between versions is checked here.
describe(`@ts-rest/core ${current.name} (the repository's)`, () => {
  it('refuses a contract nesting a router with a plain-object baseHeaders', () => {
    const output = typecheck(current, 'test/consumer/tsconfig.json', ['test/consumer/nested-plain-headers.ts']);
    expect(output).toMatch(/nested-plain-headers\.ts\(\d+,\d+\): error TS2\d+: .*not assignable to (type|parameter of type) 'AppRouter/);
  }, 180_000);
});

describe.skipIf(!nextInstalled)(`@ts-rest/core ${next.name}`, () => {
  it('compiles the consumer fixture against dist/*.d.ts, and a contract nesting a router with a plain-object baseHeaders', () => {
    expect(existsSync(join(root, 'dist/src/index.d.ts')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    expect(typecheck(next, 'test/consumer/tsconfig.json', ['test/consumer/consumer.ts', 'test/consumer/surfaces.ts', 'test/consumer/nested-plain-headers.ts'])).toBe('');
  }, 180_000);

  it('compiles the kit sources and the corpus', () => {
    expect(typecheck(next, 'tsconfig.test.json', ['test/corpus.test.ts', 'test/multipart.test-d.ts'])).toBe('');
  }, 180_000);

  it('runs the corpus and the adoption tests', () => {
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'test/ts-rest-versions/vitest.config.ts',
        'test/ts-rest-versions/core-version.probe.ts',
        'test/corpus.test.ts',
        'test/json-bodies.test.ts',
        'test/multipart.test.ts',
        'test/ts-rest-metadata.test.ts',
        'test/ts-rest-copies.test.ts',
        'test/ts-rest-adapter.test.ts',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TS_REST_DIR: next.dir, TS_REST_CORE_VERSION: next.name, NO_COLOR: '1', FORCE_COLOR: '0' } },
    );
    const output = result.stdout + result.stderr;
    expect(output, output).toMatch(/Test Files {2}7 passed/);
    expect(result.status, output).toBe(0);
  }, 300_000);
});
