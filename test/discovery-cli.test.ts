import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';

const repo = join(import.meta.dirname, '..');
const fixture = 'test/fixtures/discovery/workspace';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: repo });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('module-contract discover', () => {
  it('prints the accepted modules and every refusal with its reason', async () => {
    const { code, out, err } = await run(['discover', '--root', fixture]);
    expect(code).toBe(0);
    expect(err).toMatch(/^\[discover\] read 24 package\.json files in \d+ ms: 5 modules, 12 refused$/);
    const [modules, refused] = out.split('\n\n');
    expect(modules).toBe(
      [
        'Modules (5)',
        '  NAME            VERSION  KIND      ROUTES  VIEWS  EVENTS  PACKAGE',
        '  billing         1.2.0    backend        2      0       1  @fixture/billing (packages/billing)',
        '  storefront      2.0.1    frontend       0      2       0  @fixture/storefront (packages/storefront)',
        '  reports         0.3.0    backend        1      0       0  @fixture/reports (tools/nested/reports)',
        '  search          4.1.0    backend        1      0       0  @fixture/search (node_modules/@fixture/search)',
        '  legacy-widgets  1.0.0    frontend       0      1       0  legacy-widgets (node_modules/legacy-widgets)',
      ].join('\n'),
    );
    const rows = refused!.split('\n').slice(2).map((line) => line.trim().split(/\s{2,}/));
    expect(refused!.split('\n')[0]).toBe('Refused (12)');
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['@fixture/bad-declaration (packages/bad-declaration)', 'invalid-declaration'],
      ['@fixture/bad-kind (packages/bad-kind)', 'bad-kind'],
      ['@fixture/billing-copy (packages/billing-copy)', 'duplicate-module-name'],
      ['packages/broken-json', 'invalid-package-json'],
      ['@fixture/escaping-entry (packages/escaping-entry)', 'invalid-declaration'],
      ['@fixture/frontend-says-backend (packages/frontend-says-backend)', 'bad-kind'],
      ['@fixture/future-contract (packages/future-contract)', 'incompatible-contract-version'],
      ['@fixture/invalid-manifest (packages/invalid-manifest)', 'invalid-manifest'],
      ['@fixture/missing-entry (packages/missing-entry)', 'missing-entry'],
      ['@fixture/not-a-module (packages/not-a-module)', 'not-a-module'],
      ['@fixture/syntax-error (packages/syntax-error)', 'import-failed'],
      ['@fixture/throws-on-import (packages/throws-on-import)', 'import-failed'],
    ]);
    expect(rows[11]?.[2]).toBe('./index.mjs: could not be imported: DATABASE_URL is not set');
  });

  it('prints JSON with --json, and exits 1 on refusals with --strict', async () => {
    const json = await run(['discover', '--root', fixture, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.modules[0]).toEqual({
      name: 'billing',
      version: '1.2.0',
      kind: 'backend',
      contractVersion: '1.0.0',
      routes: 2,
      views: 0,
      events: 1,
      package: '@fixture/billing',
      source: 'workspace',
      dir: 'packages/billing',
      entry: 'packages/billing/index.mjs',
    });
    expect(report.refused).toHaveLength(12);
    expect(report.refused[7]).toMatchObject({ package: '@fixture/invalid-manifest', reason: 'invalid-manifest', problems: [{ at: 'manifest.version' }, { at: 'manifest.routes.0.path' }] });

    const strict = await run(['discover', '--root', fixture, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('module-contract discover: 12 packages refused (--strict)');
    const clean = await run(['discover', '--root', 'test/fixtures/discovery/workspace/packages/billing', '--strict']);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('Refused (0)');
  });

  it('exits 2 naming the file when the root has no package.json, and prints its usage with --help', async () => {
    const missing = await run(['discover', '--root', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('module-contract discover: no/such/dir/package.json: file not found');
    const help = await run(['discover', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: module-contract discover \[--root <dir>\] \[--json\] \[--strict\]/);
  });

  it('runs from the built bin', () => {
    const bin = join(repo, 'dist/cli/main.js');
    expect(existsSync(bin), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const result = spawnSync(process.execPath, [bin, 'discover', '--root', fixture, '--strict'], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Modules (5)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
