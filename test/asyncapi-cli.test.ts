import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const moduleFile = 'dist/examples/events/module.js';
const generated = join(root, 'examples/events/generated');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'asyncapi', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('module-contract asyncapi', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-asyncapi-'));
  beforeAll(() => expect(existsSync(cli), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the document as JSON, and writes YAML and the per-version schemas', () => {
    const printed = run(['--module', moduleFile]);
    expect(printed.code).toBe(0);
    const document = JSON.parse(printed.out);
    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.keys(document.channels)).toEqual(['import.progress', 'coach.reflect', 'digest.ready']);

    const written = run(['--module', moduleFile, '--out', join(dir, 'asyncapi.yaml'), '--schemas', join(dir, 'schemas')]);
    expect(written.code, written.err).toBe(0);
    expect(written.err).toContain('[asyncapi] wrote 5 schema files');
    expect(parseYaml(readFileSync(join(dir, 'asyncapi.yaml'), 'utf8')).operations['send.coach.reflect'].action).toBe('send');
    const files = readdirSync(join(dir, 'schemas')).sort();
    expect(files).toEqual(['coach.reflect.v1.schema.json', 'coach.reflect.v2.schema.json', 'digest.ready.v1.schema.json', 'event-envelope.schema.json', 'import.progress.v1.schema.json']);
    for (const file of files) expect(readFileSync(join(dir, 'schemas', file), 'utf8'), file).toBe(readFileSync(join(generated, 'schemas', file), 'utf8'));
  });

  it('exits 2 naming the file when the module has no events, and on a bad --out', () => {
    const none = run(['--module', 'dist/examples/accounts/module.js']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('dist/examples/accounts/module.js: the module declares no events');
    expect(none.err).not.toMatch(/\n\s+at /);
    const extension = run(['--module', moduleFile, '--out', join(dir, 'asyncapi.txt')]);
    expect(extension.code).toBe(2);
    expect(extension.err).toContain('asyncapi.txt: --out must end in .json, .yaml or .yml');
  });
});
