import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('examples/drift-demo', () => {
  it('refuses an optional response field without a major changeset, and accepts it with one', () => {
    const result = spawnSync(process.execPath, ['--conditions=@webstir-io/source', '--import', 'tsx', join(root, 'examples/drift-demo/run-demo.ts')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const [refused, accepted] = result.stdout.split('# The author amends the commit') as [string, string];
    expect(refused).toMatch(/FAIL: breaking changes need a major release, but the next release is 1\.0\.0 → 1\.0\.0 \(no release\)/);
    expect(refused).toMatch(/GET \/api\/accounts\/\{id\} \(accountsGet\)\n {4}BREAKING {2}property-became-optional {2}\/paths\/~1api~1accounts~1\{id\}\/get\/responses\/200\/content\/application~1json\/schema\/properties\/name/);
    expect(refused).toMatch(/exit code 1\n/);
    expect(accepted).toMatch(/PASS: breaking changes are covered by a major release: 1\.0\.0 → 2\.0\.0 \(major release\)/);
    expect(accepted).toMatch(/exit code 0\n/);
    expect(result.stdout).toMatch(/demo: OK/);
  });
});
