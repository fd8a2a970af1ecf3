import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleManifestSchema } from '@webstir-io/module-contract';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const moduleFile = join(root, 'dist/examples/accounts/module.js');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('module-contract CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-cli-'));
  beforeAll(() => expect(existsSync(cli), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help and lists its commands', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: module-contract <command>/);
    expect(out).toMatch(/manifest/);
    expect(out).toMatch(/validate/);
  });

  it('runs through a symlink, as npm installs its bin', () => {
    const link = join(dir, 'module-contract');
    symlinkSync(cli, link);
    const result = spawnSync(process.execPath, [link, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: module-contract <command>/);
  });

  it('prints a module manifest', () => {
    const { code, out } = run(['manifest', '--module', relative(root, moduleFile)]);
    expect(code).toBe(0);
    expect(ModuleManifestSchema.parse(JSON.parse(out)).name).toBe('accounts');
  });

  it('exits 2 and names the file when it is missing or not a module', () => {
    const missing = run(['manifest', '--module', 'no/such/module.js']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/module.js: file not found');
    writeFileSync(join(dir, 'not-a-module.mjs'), 'export default 42;');
    const wrong = run(['manifest', '--module', 'not-a-module.mjs'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('not-a-module.mjs: exports no module');
    writeFileSync(join(dir, 'broken.mjs'), 'export default {');
    const broken = run(['manifest', '--module', 'broken.mjs'], dir);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.mjs: could not be loaded');
  });

  it('exits 2 on an unknown command or flag', () => {
    expect(run(['nope']).code).toBe(2);
    const flag = run(['manifest', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--bogus'");
  });

  it('writes one JSON Schema per module schema', () => {
    const out = join(dir, 'schemas');
    const { code, err } = run(['schemas', '--module', moduleFile, '--out', out]);
    expect(code).toBe(0);
    expect(err).toContain('[schemas] wrote');
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['Account.schema.json', 'ModuleError.schema.json', 'accounts.list.query.schema.json']));
    expect(JSON.parse(readFileSync(join(out, 'Account.schema.json'), 'utf8')).title).toBe('Account');
  });

  it('discovers a module through package.json and validates it', () => {
    const pkg = join(dir, 'pkg');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'accounts', webstir: { module: { kind: 'backend', entry: relative(pkg, moduleFile) } } }));
    const ok = run(['validate', pkg]);
    expect(ok.err).toBe('');
    expect(ok.out).toContain('[validate] accounts@1.0.0: ok (4 routes, 1 views)');

    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'accounts', webstir: { module: { kind: 'frontend', entry: relative(pkg, moduleFile) } } }));
    const mismatch = run(['validate', pkg]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain('webstir.module.kind is "frontend" but the manifest says "backend"');

    writeFileSync(join(pkg, 'package.json'), '{ not json');
    const bad = run(['validate', pkg]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(join(pkg, 'package.json'));
  });
});
