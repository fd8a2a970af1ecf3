// The guard `.ci/run` runs, on fresh in-memory builds: the kit's own schemas and the example's
// artifact set against the committed baseline, with the package version and pending changesets.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson, kitJsonSchemas } from '@webstir-io/module-contract/openapi';
import { buildArtifacts, loadConfig, loadSources } from '@webstir-io/module-contract/artifacts';
import { main } from '../cli/main.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'drift-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function guard(base: string, head: string) {
  const out: string[] = [];
  const code = await main(['diff', '--base', join(root, base), '--head', head], { out: (l) => out.push(l), err: (l) => out.push(l), cwd: root });
  return { code, report: out.join('\n') };
}

describe('drift guard on the kit itself', () => {
  it('the kit schemas as built now pass against baseline/schema', async () => {
    const head = join(dir, 'schema');
    mkdirSync(head, { recursive: true });
    for (const [file, schema] of Object.entries(kitJsonSchemas())) writeFileSync(join(head, file), formatJson(schema));
    const { code, report } = await guard('baseline/schema', head);
    expect(code, report).toBe(0);
  });

  it("the example's artifact set as built now passes against baseline/accounts", async () => {
    const head = join(dir, 'accounts');
    const loaded = await loadConfig(root);
    const { out: _out, ...sources } = await loadSources(loaded);
    const { files } = await buildArtifacts(sources, { draft: loaded.config.draft });
    for (const [file, text] of files) {
      if (!/^(manifest|openapi)\.json$|^schemas\//.test(file)) continue;
      mkdirSync(dirname(join(head, file)), { recursive: true });
      writeFileSync(join(head, file), text);
    }
    expect(readdirSync(join(head, 'schemas')).length).toBeGreaterThan(0);
    const { code, report } = await guard('baseline/accounts', head);
    expect(code, report).toBe(0);
  });
});
