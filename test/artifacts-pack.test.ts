import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArtifacts, writeArtifacts } from '@webstir-io/module-contract/artifacts';
import { createAccountsModule } from './fixtures/accounts.js';

const root = join(import.meta.dirname, '..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(root, '.tmp', 'pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships a contracts package with its artifact set, readable from the tarball as the playbook describes', async () => {
    // A contracts package as a team would publish it: the build writes contract/, `files` ships it.
    const pkg = join(dir, 'accounts-contracts');
    const { files } = await buildArtifacts({ modules: [createAccountsModule()] });
    writeArtifacts(join(pkg, 'contract'), files);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@example/accounts-contracts', version: '1.0.0', type: 'module', files: ['contract'] }, null, 2));
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: pkg, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
    expect(packed!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['contract/schemas/Account.schema.json', 'contract/python/models.py', 'contract/openapi.json', 'contract/manifest.json']));

    // A Python consumer's step A, option 2: unpack the tarball and read package/.../schemas/*.json.
    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', unpacked]);
    const schemaDir = join(unpacked, 'package/contract/schemas');
    const shipped = readdirSync(schemaDir).sort();
    expect(shipped).toEqual([...files.keys()].filter((p) => p.startsWith('schemas/')).map((p) => p.slice('schemas/'.length)));
    for (const file of shipped) {
      const text = readFileSync(join(schemaDir, file), 'utf8');
      expect(text).toBe(files.get(`schemas/${file}`));
      expect(JSON.parse(text).$id).toBe(file);
    }
    expect(readFileSync(join(unpacked, 'package/contract/python/models.py'), 'utf8')).toBe(files.get('python/models.py'));
  });

  it('ships the kit with the artifact writer, its CLI commands and the kit schemas', () => {
    const [kit] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const paths = kit!.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/artifacts/index.js', 'dist/artifacts/index.d.ts', 'dist/cli/commands/build.js', 'dist/cli/commands/check.js', 'dist/cli/commands/python.js', 'schema/module-manifest.schema.json']));
    expect(paths.filter((p) => p.startsWith('examples/') || p.startsWith('.tmp/') || p.startsWith('test/'))).toEqual([]);
  });
});
