import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const moduleFile = 'dist/examples/accounts/module.js';
const optionsFile = 'dist/examples/accounts/openapi-docs.js';

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, 'openapi', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('module-contract openapi', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-openapi-'));
  beforeAll(() => expect(existsSync(cli), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the 3.1 document as JSON', async () => {
    const { code, out } = run(['--module', moduleFile]);
    expect(code).toBe(0);
    const document = JSON.parse(out);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'accounts', version: '1.0.0' });
    await SwaggerParser.validate(document);
  });

  it('writes YAML or JSON by the extension of --out, in the version asked for, with docs options from a file', async () => {
    const yamlFile = join(dir, 'openapi.yaml');
    const yaml = run(['--module', moduleFile, '--options', optionsFile, '--openapi', '3.0.3', '--out', yamlFile]);
    expect(yaml.code).toBe(0);
    expect(yaml.err).toContain('[openapi] wrote');
    const document = parseYaml(readFileSync(yamlFile, 'utf8'));
    expect(document.openapi).toBe('3.0.3');
    expect(document.info.title).toBe('Accounts API');
    expect(document.paths['/api/accounts/{id}'].delete.security).toEqual([{ bearer: [] }]);
    await SwaggerParser.validate(document);

    const jsonFile = join(dir, 'openapi.json');
    expect(run(['--module', moduleFile, '--options', optionsFile, '--out', jsonFile]).code).toBe(0);
    expect(readFileSync(jsonFile, 'utf8')).toBe(readFileSync(join(root, 'examples/accounts/generated/openapi.json'), 'utf8'));
  });

  it('exits 2 and names the file or flag on bad input', () => {
    const missing = run(['--module', 'no/such/module.js']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/module.js: file not found');

    expect(run([]).code).toBe(2);
    const version = run(['--module', moduleFile, '--openapi', '2.0']);
    expect(version.code).toBe(2);
    expect(version.err).toContain('--openapi must be one of 3.1.0, 3.0.3, not "2.0"');
    const extension = run(['--module', moduleFile, '--out', join(dir, 'openapi.txt')]);
    expect(extension.code).toBe(2);
    expect(extension.err).toContain('openapi.txt: --out must end in .json, .yaml or .yml');

    writeFileSync(join(dir, 'options.mjs'), 'export default 42;');
    const options = run(['--module', join(root, moduleFile), '--options', 'options.mjs'], dir);
    expect(options.code).toBe(2);
    expect(options.err).toContain('options.mjs: exports no options object');
  });

  it('exits 1 with every problem when the document cannot be generated', () => {
    writeFileSync(join(dir, 'options.mjs'), 'export default { examples: { Account: [{ id: 1 }] } };');
    const failed = run(['--module', join(root, moduleFile), '--options', 'options.mjs'], dir);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('[openapi] module accounts: 1 problem');
    expect(failed.err).toContain('examples.Account[0]: does not match the schema');
  });
});
