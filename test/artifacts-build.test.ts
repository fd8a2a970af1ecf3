import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule } from '@webstir-io/module-contract';
import { defineEvent, emits } from '@webstir-io/module-contract/events';
import { buildArtifacts, checkArtifacts, loadConfig, loadSources, toSchemaFiles, writeArtifacts } from '@webstir-io/module-contract/artifacts';
import { createAccountsModule } from './fixtures/accounts.js';
import { hardCasesModule } from './fixtures/hard-cases.js';

const root = join(import.meta.dirname, '..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(root, '.tmp', 'artifacts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildArtifacts', () => {
  it('writes the whole set, in path order, byte-identical on a re-run', async () => {
    const first = await buildArtifacts({ modules: [createAccountsModule()] });
    const second = await buildArtifacts({ modules: [createAccountsModule()] });
    expect([...first.files.keys()]).toMatchInlineSnapshot(`
      [
        "client.ts",
        "fidelity.json",
        "manifest.json",
        "openapi.json",
        "openapi.yaml",
        "python/__init__.py",
        "python/models.py",
        "schemas/Account.schema.json",
        "schemas/AccountPage.schema.json",
        "schemas/AccountProfile.schema.json",
        "schemas/CreateAccount.schema.json",
        "schemas/ModuleError.schema.json",
        "schemas/accounts.get.params.schema.json",
        "schemas/accounts.list.query.schema.json",
        "schemas/accounts.remove.params.schema.json",
        "schemas/views.account-profile.params.schema.json",
      ]
    `);
    expect([...second.files]).toEqual([...first.files]);
    for (const [path, text] of first.files) {
      expect(text.endsWith('\n'), path).toBe(true);
      if (path.endsWith('.json')) expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`, path).toBe(text);
    }
  });

  it('writes one 2020-12 file per schema with $id, title and relative $refs between files', async () => {
    const { files } = await buildArtifacts({ modules: [createAccountsModule()] });
    const page = JSON.parse(files.get('schemas/AccountPage.schema.json') as string);
    expect(page).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'AccountPage.schema.json',
      title: 'AccountPage',
      properties: { items: { type: 'array', items: { $ref: 'Account.schema.json' } } },
    });
    expect(Object.keys(page).slice(0, 3)).toEqual(['$schema', '$id', 'title']);
    for (const [path, text] of files) {
      if (!path.startsWith('schemas/')) continue;
      expect(text, path).not.toContain('"definitions"');
      for (const [, ref] of text.matchAll(/"\$ref": "([^"]+)"/g)) expect(files.has(`schemas/${ref}`), `${path} → ${ref}`).toBe(true);
    }
  });

  it('keeps draft-07 on request, and turns tuples into prefixItems in 2020-12', async () => {
    const draft07 = await buildArtifacts({ modules: [hardCasesModule()] }, { draft: '07' });
    const person = JSON.parse(draft07.files.get('schemas/Person.schema.json') as string);
    expect(person.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(person.properties.home).toEqual({ $ref: 'Address.schema.json' });
    const modern = await buildArtifacts({ modules: [hardCasesModule()] });
    const collections = JSON.parse(modern.files.get('schemas/Collections.schema.json') as string);
    expect(collections.properties.pair).toEqual({ type: 'array', minItems: 2, maxItems: 2, prefixItems: [{ type: 'string' }, { type: 'number' }] });
    // The Python models are made from 2020-12 whichever draft the schema files use.
    expect(draft07.files.get('python/models.py')).toBe(modern.files.get('python/models.py'));
  });

  it('writes one file per event version, schemas-only sets, and several modules side by side', async () => {
    const Reflection = z.object({ text: z.string() });
    const coach = createModule({
      manifest: { name: 'coach', version: '1.0.0', kind: 'backend' },
      events: [emits(defineEvent({ type: 'coach.reflect', versions: { 1: z.object({ text: z.string() }), 2: Reflection }, downgrade: { 2: (p) => p }, grace: [1, 2] }))],
      schemas: { Reflection },
    });
    const { files } = await buildArtifacts({ modules: [coach, createAccountsModule()], schemas: { Trade: z.object({ id: z.string(), reflection: Reflection }) } });
    expect(JSON.parse(files.get('schemas/coach.reflect.v1.schema.json') as string)).toMatchObject({ $id: 'coach.reflect.v1.schema.json', title: 'coach.reflect.v1', properties: { text: { type: 'string' } } });
    expect(JSON.parse(files.get('schemas/coach.reflect.v2.schema.json') as string)).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'coach.reflect.v2.schema.json',
      title: 'coach.reflect.v2',
      $ref: 'Reflection.schema.json',
    });
    expect(JSON.parse(files.get('schemas/Trade.schema.json') as string).properties.reflection).toEqual({ $ref: 'Reflection.schema.json' });
    expect([...files.keys()].filter((p) => p.endsWith('manifest.json') || p.endsWith('client.ts'))).toEqual(['accounts/client.ts', 'accounts/manifest.json', 'coach/manifest.json']);
    expect(files.get('python/models.py')).toContain('class CoachReflectV1(ContractModel):');

    const schemasOnly = await buildArtifacts({ modules: [], schemas: { Trade: z.object({ id: z.string() }) } });
    expect([...schemasOnly.files.keys()]).toEqual(['fidelity.json', 'python/__init__.py', 'python/models.py', 'schemas/Trade.schema.json']);
  });

  it('names each part as it starts, for progress on long builds', async () => {
    const stages: string[] = [];
    await buildArtifacts({ modules: [createAccountsModule()] }, { onStage: (stage) => stages.push(stage) });
    expect(stages).toEqual(['manifest and client of accounts', 'OpenAPI document', 'JSON Schema files', 'Pydantic models', 'fidelity report']);
  });
});

describe('checkArtifacts', () => {
  it('finds the committed example artifacts current (module-contract.config.json at the root)', async () => {
    const loaded = await loadConfig(root);
    expect(loaded.source).toBe('module-contract.config.json');
    const { out, ...sources } = await loadSources(loaded);
    expect(out).toBe(join(root, 'examples/accounts/generated'));
    const { files } = await buildArtifacts(sources, { draft: loaded.config.draft });
    expect(checkArtifacts(out, files), 'run `npx module-contract build`').toEqual([]);
  });

  it('lists stale files with a short diff, and missing and extra files', async () => {
    const { files } = await buildArtifacts({ modules: [createAccountsModule()] });
    const out = join(dir, 'check');
    writeArtifacts(out, files);
    expect(checkArtifacts(out, files)).toEqual([]);

    const account = join(out, 'schemas/Account.schema.json');
    writeFileSync(account, readFileSync(account, 'utf8').replace('"maxLength": 100', '"maxLength": 50'));
    unlinkSync(join(out, 'python/__init__.py'));
    writeFileSync(join(out, 'schemas/Old.schema.json'), '{}\n');
    writeFileSync(join(out, 'notes.txt'), 'not an artifact, left alone\n');
    mkdirSync(join(out, 'public'));
    writeFileSync(join(out, 'public/manifest.json'), '{"name": "a web app manifest, left alone"}\n');
    const differences = checkArtifacts(out, files);
    expect(differences.map(({ path, status }) => `${status} ${path}`)).toEqual(['missing python/__init__.py', 'stale schemas/Account.schema.json', 'extra schemas/Old.schema.json']);
    expect(differences.find((d) => d.status === 'stale')?.diff).toMatchInlineSnapshot(`
      "@@ line 19 @@
      -       "maxLength": 50
      +       "maxLength": 100"
    `);

    // Writing again restores the set and removes the artifact that is no longer built.
    writeArtifacts(out, files);
    expect(checkArtifacts(out, files)).toEqual([]);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toContain('left alone');
    expect(readFileSync(join(out, 'public/manifest.json'), 'utf8')).toContain('left alone');

    // A module folder of an earlier multi-module set is an artifact: removed when no longer built.
    mkdirSync(join(out, 'old-module'));
    writeFileSync(join(out, 'old-module/manifest.json'), '{"contractVersion": "1.0.0"}\n');
    writeFileSync(join(out, 'old-module/client.ts'), '\n');
    expect(checkArtifacts(out, files).map((d) => `${d.status} ${d.path}`)).toEqual(['extra old-module/client.ts', 'extra old-module/manifest.json']);
    writeArtifacts(out, files);
    expect(checkArtifacts(out, files)).toEqual([]);
  });
});

describe('toSchemaFiles', () => {
  it('reads the emitter output whether it keeps named schemas under definitions or $defs', () => {
    const files = toSchemaFiles({
      'Tag.schema.json': { $schema: 'x', type: 'object', properties: { label: { type: 'string' } } },
      'Post.schema.json': { $schema: 'x', type: 'object', properties: { tag: { $ref: '#/$defs/Tag' }, local: { $ref: '#/$defs/Local' } }, $defs: { Tag: {}, Local: { type: 'string' } } },
      'Old.schema.json': { $schema: 'x', type: 'array', items: [{ $ref: '#/definitions/Tag' }], additionalItems: false, definitions: { Tag: {} } },
    });
    expect(files.get('Post.schema.json')).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'Post.schema.json',
      title: 'Post',
      type: 'object',
      properties: { tag: { $ref: 'Tag.schema.json' }, local: { $ref: '#/$defs/Local' } },
      $defs: { Local: { type: 'string' } },
    });
    expect(files.get('Old.schema.json')).toEqual({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'Old.schema.json', title: 'Old', type: 'array', prefixItems: [{ $ref: 'Tag.schema.json' }], items: false });
    const back = toSchemaFiles({ 'Pair.schema.json': { type: 'array', prefixItems: [{ type: 'string' }], items: false } }, '07');
    expect(back.get('Pair.schema.json')).toEqual({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'Pair.schema.json', title: 'Pair', type: 'array', items: [{ type: 'string' }], additionalItems: false });
  });
});
