import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModuleDiscovery } from '@webstir-io/module-contract';
import { discoverModules, REFUSAL_REASONS, type DiscoveryReport } from '@webstir-io/module-contract/discovery';

const repo = join(import.meta.dirname, '..');
const fixture = join(repo, 'test/fixtures/discovery/workspace');

describe('discoverModules on the fixture workspace', () => {
  let report: DiscoveryReport;
  beforeAll(async () => {
    report = await discoverModules({ root: fixture });
  });

  it('accepts the good modules: workspace packages (globs included), installed and scoped packages', () => {
    expect(report.modules.map((m) => [m.package, m.source, m.kind, m.manifest.name, relative(fixture, m.entry)])).toEqual([
      ['@fixture/billing', 'workspace', 'backend', 'billing', 'packages/billing/index.mjs'],
      ['@fixture/storefront', 'workspace', 'frontend', 'storefront', 'packages/storefront/lib/module.mjs'],
      ['@fixture/reports', 'workspace', 'backend', 'reports', 'tools/nested/reports/index.mjs'],
      ['@fixture/search', 'node_modules', 'backend', 'search', 'node_modules/@fixture/search/lib/index.mjs'],
      ['legacy-widgets', 'node_modules', 'frontend', 'legacy-widgets', 'node_modules/legacy-widgets/index.mjs'],
    ]);
    const billing = report.modules[0]!;
    expect(billing.module.manifest).toBe(billing.manifest);
    expect(billing.manifest.routes?.map((r) => r.name)).toEqual(['invoices.list', 'invoices.create']);
  });

  it('refuses every bad package with its reason and a message naming the field or file', () => {
    expect(report.refused.map((r) => [r.package, r.reason, r.message])).toEqual([
      ['@fixture/bad-declaration', 'invalid-declaration', "package.json: webstir.module: Unrecognized key(s) in object: 'port'"],
      ['@fixture/bad-kind', 'bad-kind', "package.json: webstir.module.kind: Invalid enum value. Expected 'frontend' | 'backend', received 'worker'"],
      ['@fixture/billing-copy', 'duplicate-module-name', 'module name "billing" is already provided by package @fixture/billing (packages/billing)'],
      ['packages/broken-json', 'invalid-package-json', expect.stringMatching(/^package\.json: .*JSON/)],
      ['@fixture/escaping-entry', 'invalid-declaration', 'webstir.module.entry "../billing/index.mjs" must be a path inside the package'],
      ['@fixture/frontend-says-backend', 'bad-kind', 'webstir.module.kind is "frontend" but module frontend-says-backend is a backend module'],
      ['@fixture/future-contract', 'incompatible-contract-version', 'module future-contract: contractVersion 2.0.0 is not compatible with 1.0.0'],
      [
        '@fixture/invalid-manifest',
        'invalid-manifest',
        './index.mjs: manifest.version: must be a semver version such as 1.2.3; manifest.routes.0.path: must start with "/"',
      ],
      ['@fixture/missing-entry', 'missing-entry', 'webstir.module.entry "./dist/index.mjs": file not found'],
      ['@fixture/not-a-module', 'not-a-module', './index.mjs: exports no module (expected a createModule() result as the default export or as "module")'],
      ['@fixture/syntax-error', 'import-failed', expect.stringMatching(/^\.\/index\.mjs: could not be imported: \S/)],
      ['@fixture/throws-on-import', 'import-failed', './index.mjs: could not be imported: DATABASE_URL is not set'],
    ]);
    expect(new Set(report.refused.map((r) => r.reason))).toEqual(new Set(REFUSAL_REASONS));
    expect(report.refused.find((r) => r.reason === 'invalid-manifest')?.problems).toEqual([
      { at: 'manifest.version', message: 'must be a semver version such as 1.2.3' },
      { at: 'manifest.routes.0.path', message: 'must start with "/"' },
    ]);
    for (const refusal of report.refused) expect(refusal.message).not.toMatch(/\n\s+at /);
  });

  it('skips what is not a module package, nested node_modules and excluded workspace folders', () => {
    const all = [...report.modules, ...report.refused].map((m) => m.package);
    for (const name of ['@fixture/plain-library', '@fixture/icons', 'left-pad', 'weird-json', 'nested-module', '@fixture/ignored-by-negation']) {
      expect(all).not.toContain(name);
    }
    // node_modules/@fixture/billing links to packages/billing, as npm links workspaces: one package, listed once.
    expect(all.filter((name) => name === '@fixture/billing')).toHaveLength(1);
    // root + 16 workspace folders + 7 installed package folders with a package.json
    expect(report.scanned).toBe(24);
  });

  it('searches only what it is told to', async () => {
    const workspaceOnly = await discoverModules({ root: fixture, nodeModules: false });
    expect(workspaceOnly.modules.map((m) => m.package)).toEqual(['@fixture/billing', '@fixture/storefront', '@fixture/reports']);
    const installedOnly = await discoverModules({ root: fixture, workspaces: false });
    expect(installedOnly.modules.map((m) => m.package)).toEqual(['@fixture/billing', '@fixture/search', 'legacy-widgets']);
    expect(installedOnly.modules[0]?.source).toBe('node_modules');
    expect(installedOnly.refused).toEqual([]);
  });

  it('checks contractVersion against the version it is given', async () => {
    const newer = await discoverModules({ root: fixture, contractVersion: '2.0.0' });
    expect(newer.modules.map((m) => m.manifest.name)).toEqual(['future-contract']);
    const incompatible = newer.refused.filter((r) => r.reason === 'incompatible-contract-version').map((r) => r.package);
    expect(incompatible).toEqual(['@fixture/billing', '@fixture/billing-copy', '@fixture/frontend-says-backend', '@fixture/storefront', '@fixture/reports', '@fixture/search', 'legacy-widgets']);
  });
});

describe('discoverModules on generated trees', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-discovery-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const moduleFile = (name: string, kind = 'backend') =>
    `export default { type: 'module', manifest: ${JSON.stringify({ name, version: '1.0.0', kind, contractVersion: '1.0.0' })}, routes: [], views: [], events: [], schemas: {}, namedSchemas: [] };\n`;

  it('reads Yarn-style workspaces, a module at the root, and "**" without entering node_modules', async () => {
    write('yarn/package.json', JSON.stringify({ name: 'host', workspaces: { packages: ['apps/**'] }, webstir: { module: { kind: 'backend', entry: 'host.mjs' } } }));
    write('yarn/host.mjs', moduleFile('host'));
    write('yarn/apps/a/package.json', JSON.stringify({ name: 'a', webstir: { module: { kind: 'frontend', entry: 'a.mjs' } } }));
    write('yarn/apps/a/a.mjs', moduleFile('a', 'frontend'));
    write('yarn/apps/a/node_modules/hidden/package.json', JSON.stringify({ name: 'hidden', webstir: { module: { kind: 'backend', entry: 'x.mjs' } } }));
    const report = await discoverModules({ root: join(dir, 'yarn') });
    expect(report.modules.map((m) => [m.package, m.source])).toEqual([
      ['host', 'root'],
      ['a', 'workspace'],
    ]);
    expect(report.refused).toEqual([]);
  });

  it('throws, naming the file, when the root has no package.json', async () => {
    mkdirSync(join(dir, 'empty'));
    await expect(discoverModules({ root: join(dir, 'empty') })).rejects.toThrow(`[discovery] ${join(dir, 'empty', 'package.json')}: file not found`);
  });

  it('does not count a workspace package twice when node_modules links to it', async () => {
    write('linked/package.json', JSON.stringify({ name: 'linked', workspaces: ['pkgs/*'] }));
    write('linked/pkgs/one/package.json', JSON.stringify({ name: 'one', webstir: { module: { kind: 'backend', entry: 'one.mjs' } } }));
    write('linked/pkgs/one/one.mjs', moduleFile('one'));
    mkdirSync(join(dir, 'linked/node_modules'), { recursive: true });
    symlinkSync('../pkgs/one', join(dir, 'linked/node_modules/one'));
    const report = await discoverModules({ root: join(dir, 'linked') });
    expect(report.modules.map((m) => m.package)).toEqual(['one']);
    expect(report.refused).toEqual([]);
  });
});

// The declaration is checked with the Zod schema that schema/module-discovery.schema.json is emitted
// from; a real JSON Schema validator must give the same verdict on every fixture declaration.
const python = 'python3';
const pythonMissing =
  spawnSync(python, ['-c', 'import jsonschema'], { encoding: 'utf8' }).status !== 0
    ? 'Python jsonschema not found: install it with "apt-get install -y python3-jsonschema" (CI does)'
    : false;
if (pythonMissing && process.env.CI === 'true') throw new Error(`[discovery tests] ${pythonMissing}`);
if (pythonMissing) console.warn(`[discovery python check skipped] ${pythonMissing}`);

describe.skipIf(pythonMissing)('schema/module-discovery.schema.json', () => {
  it('agrees with the discovery check on every fixture declaration', () => {
    const declarations: unknown[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.name === 'package.json') {
          try {
            const pkg = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
            const value = (pkg.webstir as { module?: unknown } | undefined)?.module ?? pkg['webstir.module'];
            if (value !== undefined) declarations.push(value);
          } catch {
            // the malformed package.json fixtures
          }
        }
      }
    };
    visit(fixture);
    declarations.push({ kind: 'backend' }, { kind: 'backend', entry: '' }, { kind: 'backend', entry: 7 }, 'backend', null);
    const zod = declarations.map((value) => readModuleDiscovery({ webstir: { module: value } }).ok);
    expect(zod.filter(Boolean).length).toBeGreaterThan(10);
    expect(zod.filter((ok) => !ok).length).toBeGreaterThan(6);
    const script = [
      'import json, sys, jsonschema',
      'schema = json.load(open(sys.argv[1]))',
      'jsonschema.Draft7Validator.check_schema(schema)',
      'v = jsonschema.Draft7Validator(schema)',
      'print(json.dumps([v.is_valid(s) for s in json.loads(sys.stdin.read())]))',
    ].join('\n');
    const run = spawnSync(python, ['-c', script, join(repo, 'schema/module-discovery.schema.json')], { input: JSON.stringify(declarations), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(zod);
  });
});
