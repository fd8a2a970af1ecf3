import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');

// A contract package of its own, inside the repository so that it resolves zod and the kit.
mkdirSync(join(root, '.tmp'), { recursive: true });
const project = mkdtempSync(join(root, '.tmp', 'cli-project-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const MODULE = `import { z } from 'zod';
import { createModule, defineRoute } from '@webstir-io/module-contract';

export const Thing = z.object({ id: z.string().uuid(), label: z.string().max(100) });

export const thingsModule = createModule({
  manifest: { name: 'things', version: '1.0.0', kind: 'backend' },
  routes: [defineRoute({ name: 'things.get', method: 'GET', path: '/things/:id', input: { params: z.object({ id: z.string() }) }, responses: { 200: Thing }, handler: () => ({ status: 200, body: { id: '', label: '' } }) })],
  schemas: { Thing },
});
`;
const ENTITIES = `import { z } from 'zod';
export const Tag = z.object({ name: z.string().min(1) });
export const notASchema = 42;
`;

function run(args: string[], cwd = project, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function config(value: unknown) {
  writeFileSync(join(project, 'module-contract.config.json'), JSON.stringify(value));
}

describe('module-contract build and check', () => {
  beforeAll(() => {
    expect(existsSync(cli), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    writeFileSync(join(project, 'module.ts'), MODULE);
    writeFileSync(join(project, 'entities.ts'), ENTITIES);
    writeFileSync(join(project, 'broken.ts'), "throw new Error('boom at import');\n");
  });

  it('builds from the config with TypeScript entries and extra schemas, then checks clean', () => {
    config({ modules: [{ entry: 'module.ts', export: 'thingsModule' }], schemas: ['entities.ts'], out: 'contract' });
    const build = run(['build', '--json']);
    expect(build.err).toContain('[build] wrote');
    expect(build.code).toBe(0);
    const summary = JSON.parse(build.out);
    expect(summary.out).toBe('contract');
    expect(summary.files).toContain('schemas/Tag.schema.json');
    expect(summary.files).toContain('python/models.py');
    expect(readFileSync(join(project, 'contract/python/models.py'), 'utf8')).toContain('class Tag(ContractModel):');
    // Not a terminal: no colour codes.
    expect(build.err).not.toContain('\u001b[');

    const check = run(['check']);
    expect(check.err).toContain('up to date');
    expect(check.code).toBe(0);
  });

  it('fails check, naming the file and showing the change, when a schema is edited without a rebuild', () => {
    config({ modules: [{ entry: 'module.ts', export: 'thingsModule' }], schemas: ['entities.ts'], out: 'contract' });
    expect(run(['build']).code).toBe(0);
    const before = readFileSync(join(project, 'contract/schemas/Thing.schema.json'), 'utf8');
    writeFileSync(join(project, 'module.ts'), MODULE.replace('.max(100)', '.max(50)'));
    try {
      const check = run(['check']);
      expect(check.code).toBe(1);
      expect(check.err).toContain('stale   contract/schemas/Thing.schema.json');
      expect(check.err).toContain('stale   contract/python/models.py');
      expect(check.err).toContain('-       "maxLength": 100');
      expect(check.err).toContain('+       "maxLength": 50');
      expect(check.err).toContain('run `module-contract build`');
      // check writes nothing.
      expect(readFileSync(join(project, 'contract/schemas/Thing.schema.json'), 'utf8')).toBe(before);
    } finally {
      writeFileSync(join(project, 'module.ts'), MODULE);
    }
  });

  it('exits 2 naming the file and the export, without a stack, on a bad entry or config', () => {
    const cases: [unknown, string][] = [
      [{ modules: ['missing.ts'], out: 'x' }, 'missing.ts: file not found'],
      [{ modules: [{ entry: 'module.ts', export: 'nope' }], out: 'x' }, 'module.ts: has no export "nope" (exports: Thing, thingsModule)'],
      [{ modules: [{ entry: 'module.ts', export: 'Thing' }], out: 'x' }, 'module.ts: export "Thing" is not a module'],
      [{ modules: ['broken.ts'], out: 'x' }, 'broken.ts: could not be loaded: boom at import'],
      [{ modules: ['module.ts'], out: 'x' }, 'module.ts: exports no module'],
      [{ schemas: [{ entry: 'entities.ts', export: 'notASchema' }], out: 'x' }, 'entities.ts: export "notASchema" is not a Zod schema'],
      [{ modules: ['module.ts'] }, 'module-contract.config.json: invalid configuration\n  out: Required'],
      [{ modules: [{ entry: 'module.ts', exports: 'x' }], out: 'x' }, 'module-contract.config.json: invalid configuration'],
    ];
    for (const [index, [value, message]] of cases.entries()) {
      config(value);
      // Both commands load entries the same way; check runs on a few cases only, to keep this fast.
      for (const command of index < 2 ? ['build', 'check'] : ['build']) {
        const result = run([command]);
        expect(result.err, JSON.stringify(value)).toContain(message);
        expect(result.code, `${command} ${JSON.stringify(value)}`).toBe(2);
        expect(result.err).not.toMatch(/\n\s+at /);
      }
    }
    expect(existsSync(join(project, 'x')), 'nothing is written on a bad entry').toBe(false);
  });

  it('takes --entry and --out without a config, and reads webstir.contracts from package.json', () => {
    rmSync(join(project, 'module-contract.config.json'), { force: true });
    const none = run(['build']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no configuration found');

    const draft = run(['build', '--entry', 'module.ts', '--out', 'from-flags', '--draft', '5']);
    expect(draft.code).toBe(2);
    expect(draft.err).toContain("--draft: Invalid enum value. Expected '2020-12' | '07', received '5'");

    const flags = run(['build', '--entry', 'module.ts', '--out', 'from-flags', '--draft', '07']);
    expect(flags.code).toBe(2);
    expect(flags.err).toContain('module.ts: exports no module');

    writeFileSync(join(project, 'default-module.ts'), `${MODULE}export default thingsModule;\n`);
    expect(run(['build', '--entry', 'default-module.ts', '--out', 'from-flags', '--draft', '07']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'from-flags/schemas/Thing.schema.json'), 'utf8')).$schema).toBe('http://json-schema.org/draft-07/schema#');

    // A package of its own imports the kit by path here (it is not installed in node_modules).
    const pkg = join(project, 'pkg');
    mkdirSync(pkg, { recursive: true });
    const kit = pathToFileURL(join(root, 'src/index.ts')).href;
    writeFileSync(join(pkg, 'module.ts'), `${MODULE.replace("'@webstir-io/module-contract'", JSON.stringify(kit))}export default thingsModule;\n`);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'things-contracts', type: 'module', webstir: { contracts: { modules: ['module.ts'], out: 'from-package' } } }));
    const build = run(['build'], pkg);
    expect(build.err).toContain('[build] wrote');
    expect(build.code).toBe(0);
    expect(existsSync(join(pkg, 'from-package/manifest.json'))).toBe(true);
    expect(run(['check'], pkg).code).toBe(0);
  });

  it('writes only the Pydantic package with `python --out`', () => {
    const result = run(['python', '--entry', 'default-module.ts', '--out', 'py']);
    expect(result.code).toBe(0);
    expect(readFileSync(join(project, 'py/__init__.py'), 'utf8')).toContain('from .models import');
    expect(run(['python', '--entry', 'default-module.ts']).code).toBe(2);
  });

  it('leaves the rest of a folder alone when `python --out` writes into it', () => {
    config({ modules: [{ entry: 'module.ts', export: 'thingsModule' }], out: 'mixed' });
    expect(run(['build']).code).toBe(0);
    expect(run(['python', '--entry', 'default-module.ts', '--out', 'mixed']).code).toBe(0);
    for (const file of ['manifest.json', 'openapi.json', 'client.ts', 'fidelity.json', 'schemas/Thing.schema.json']) expect(existsSync(join(project, 'mixed', file)), file).toBe(true);
  });

  it('builds and checks clean a contract of two modules, one with events (asyncapi in its own folder)', () => {
    config({ modules: [{ entry: join(root, 'examples/accounts/module.ts') }, { entry: join(root, 'examples/events/module.ts') }], out: 'two' });
    expect(run(['build']).code).toBe(0);
    expect(existsSync(join(project, 'two/coach/asyncapi.json'))).toBe(true);
    const check = run(['check']);
    expect(check.err).toContain('are up to date');
    expect(check.code).toBe(0);
  });

  it('checks the repository example from the root with no arguments', () => {
    const check = run(['check'], root);
    expect(check.err).toContain('files in examples/accounts/generated are up to date');
    expect(check.code).toBe(0);
  });
});
