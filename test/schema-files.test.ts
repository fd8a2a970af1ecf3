import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson, kitJsonSchemas, moduleJsonSchemas } from '@webstir-io/module-contract/openapi';
import { z } from 'zod';
import { createModule, defineRoute } from '@webstir-io/module-contract';
import { createAccountsModule } from './fixtures/accounts.js';
import { PYTHON, pythonWithout, toolMissing } from './fixtures/tools.js';

const root = join(import.meta.dirname, '..');

describe('schema/*.schema.json', () => {
  it('is committed and matches the Zod schemas (run `npm run build` when this fails)', () => {
    const expected = kitJsonSchemas();
    expect(readdirSync(join(root, 'schema')).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, schema] of Object.entries(expected)) {
      expect(readFileSync(join(root, 'schema', file), 'utf8'), `schema/${file} is stale`).toBe(formatJson(schema));
    }
  });

  it('describes the module error shape exactly', () => {
    expect(kitJsonSchemas()['module-error.schema.json']).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'ModuleError',
      type: 'object',
      properties: {
        code: { type: 'string', minLength: 1 },
        message: { type: 'string' },
        details: {},
        cause: {},
        correlationId: { type: 'string' },
      },
      required: ['code', 'message'],
      additionalProperties: false,
    });
  });
});

describe('moduleJsonSchemas', () => {
  const Tag = z.object({ label: z.string() });
  type Node = { name: string; children: Node[] };
  const Node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(Node) }));
  const module = createModule({
    manifest: { name: 'shapes', version: '1.0.0', kind: 'backend' },
    routes: [
      defineRoute({
        name: 'items.create',
        method: 'POST',
        path: '/items',
        input: { body: z.object({ tags: z.array(Tag), tree: Node }) },
        responses: { 201: Tag.extend({ id: z.string() }) },
        handler: () => ({ status: 201, body: { label: 'a', id: '1' } }),
      }),
    ],
    schemas: { Tag, Node },
  });
  const files = moduleJsonSchemas(module);

  it('references named schemas, inlines the rest and never points inside another schema', () => {
    expect(Object.keys(files).sort()).toEqual(['Node.schema.json', 'Tag.schema.json', 'items.create.body.schema.json', 'items.create.responses.201.schema.json']);
    expect(files['items.create.body.schema.json']).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'items.create.body',
      type: 'object',
      properties: { tags: { type: 'array', items: { $ref: '#/definitions/Tag' } }, tree: { $ref: '#/definitions/Node' } },
      required: ['tags', 'tree'],
      definitions: {
        Node: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } },
          required: ['name', 'children'],
        },
        Tag: { type: 'object', properties: { label: { type: 'string' } }, required: ['label'] },
      },
    });
    // The extended schema shares Tag's field instances; they are copied, not referenced by pointer.
    expect(files['items.create.responses.201.schema.json']!.properties).toEqual({ label: { type: 'string' }, id: { type: 'string' } });
    for (const text of Object.values(files).map((f) => JSON.stringify(f))) {
      for (const ref of text.matchAll(/"\$ref":"([^"]+)"/g)) expect(ref[1]).toMatch(/^#\/definitions\/[A-Za-z]+$/);
    }
  });

  it('makes a recursive named schema refer to itself', () => {
    expect(files['Node.schema.json']).toMatchObject({
      title: 'Node',
      properties: { children: { items: { $ref: '#/definitions/Node' } } },
      definitions: { Node: { properties: { name: { type: 'string' } } } },
    });
  });
});

// Python services generate their models from these files; a real Python validator must agree with Zod.
const python = PYTHON;
const pythonMissing = toolMissing('python', pythonWithout(['jsonschema'], 'apt-get install -y python3-jsonschema'));

describe.skipIf(pythonMissing)('JSON Schema in Python (jsonschema)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-schemas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const validate = (schemaFile: string, samples: unknown[]): boolean[] => {
    writeFileSync(join(dir, 'samples.json'), JSON.stringify(samples));
    const script = [
      'import json, sys, jsonschema',
      'schema = json.load(open(sys.argv[1]))',
      'jsonschema.Draft7Validator.check_schema(schema)',
      // Formats (email, uuid) are only annotations unless a format checker is given.
      'v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())',
      'print(json.dumps([v.is_valid(s) for s in json.load(open(sys.argv[2]))]))',
    ].join('\n');
    const run = spawnSync(python, ['-c', script, schemaFile, join(dir, 'samples.json')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as boolean[];
  };

  it('accepts the example manifest and rejects broken ones', () => {
    const manifest = createAccountsModule().manifest;
    expect(existsSync(join(root, 'schema/module-manifest.schema.json'))).toBe(true);
    expect(
      validate(join(root, 'schema/module-manifest.schema.json'), [
        manifest,
        { ...manifest, kind: 'sidecar' },
        { ...manifest, routes: [{ ...manifest.routes![0], method: 'TRACE' }] },
        { ...manifest, extra: true },
      ]),
    ).toEqual([true, false, false, false]);
  });

  it('agrees with Zod on the example module schemas', () => {
    const module = createAccountsModule();
    for (const [file, schema] of Object.entries(moduleJsonSchemas(module))) writeFileSync(join(dir, file), formatJson(schema));
    const account = { id: '3f6c2b8e-1d4a-4c5e-9a7b-2e8f0c1d3a4b', email: 'ada@example.com', name: 'Ada', createdAt: '2026-01-02T03:04:05.000Z' };
    const samples = [account, { ...account, email: 'not-an-email' }, { ...account, name: '' }, { id: account.id }];
    const zod = samples.map((s) => module.schemas.Account!.safeParse(s).success);
    expect(zod).toEqual([true, false, false, false]);
    expect(validate(join(dir, 'Account.schema.json'), samples)).toEqual(zod);
    const page = [{ items: [account], page: 1, limit: 20, total: 1 }, { items: [{ ...account, id: 'x' }], page: 1, limit: 20, total: 1 }];
    expect(validate(join(dir, 'AccountPage.schema.json'), page)).toEqual(page.map((p) => module.schemas.AccountPage!.safeParse(p).success));
  });
});
