import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z4 } from 'zod/v4';
import { createModule, defineRoute, describeSchema, emitJsonSchema, type SchemaDescription } from '@webstir-io/module-contract';
import { lossyParts } from '@webstir-io/module-contract/openapi';

const root = join(import.meta.dirname, '..');

describe('describeSchema', () => {
  it('describes wrappers, checks and formats as plain data', () => {
    const node = describeSchema(z.object({ id: z.string().uuid(), n: z.number().int().gt(0).optional(), tags: z.array(z.string()).max(3).default([]) }).strict());
    expect(node.kind).toBe('object');
    const shape = (node as Extract<SchemaDescription, { kind: 'object' }>).shape;
    expect(shape.id).toMatchObject({ kind: 'string', coerce: false, checks: [{ kind: 'format', format: 'uuid', options: {} }] });
    expect(shape.n).toMatchObject({ kind: 'optional', inner: { kind: 'number', checks: [{ kind: 'int' }, { kind: 'min', value: 0, inclusive: false }] } });
    expect(shape.tags).toMatchObject({ kind: 'default', inner: { kind: 'array', maxItems: 3, items: { kind: 'string' } } });
    expect(node).toMatchObject({ unknownKeys: 'strict' });
  });

  it('flags what runs code: refine, transform, preprocess and custom', () => {
    const kinds = [
      z.string().refine((s) => s.length > 1),
      z.string().transform(Number),
      z.preprocess((v) => v, z.string()),
      z.custom<File>((v) => v instanceof File),
    ].map((schema) => describeSchema(schema));
    expect(kinds.map((node) => (node.kind === 'effect' ? node.effect : node.kind))).toEqual(['refine', 'transform', 'preprocess', 'custom']);
  });

  it('gives a recursive schema a description that contains itself', () => {
    type Tree = { children: Tree[] };
    const Tree: z.ZodType<Tree> = z.lazy(() => z.object({ children: z.array(Tree) }));
    const node = describeSchema(Tree) as SchemaDescription & { inner: SchemaDescription };
    const object = node.inner as Extract<SchemaDescription, { kind: 'object' }>;
    expect((object.shape.children as Extract<SchemaDescription, { kind: 'array' }>).items).toBe(node);
  });

  it('refuses a zod/v4 schema and a non-schema at createModule, naming the route and the part', () => {
    const routes = [
      defineRoute({ name: 'items.v4', method: 'POST', path: '/v4', input: { body: z4.object({ a: z4.string() }) as never }, responses: { 200: null }, handler: () => ({ status: 200, body: undefined }) }),
      defineRoute({ name: 'items.plain', method: 'GET', path: '/plain', responses: { 200: { type: 'object' } as never }, handler: () => ({ status: 200, body: undefined }) as never }),
    ];
    expect(() => createModule({ manifest: { name: 'refusals', version: '1.0.0', kind: 'backend' }, routes })).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [module] refusals: 2 problems
        - routes[0] (items.v4): route items.v4 body: is a Zod 4 schema (from "zod/v4" or zod@4); the kit reads Zod 3 schemas: import { z } from 'zod' with zod@3.25
        - routes[1] (items.plain): route items.plain response 200: is not a Zod schema (got Object)]
    `);
  });
});

describe('only the description module reads Zod internals', () => {
  it('finds `_def` in adapters, openapi, cli and src only under src/describe', () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && readFileSync(path, 'utf8').includes('_def')) hits.push(relative(root, path));
      }
    };
    for (const dir of ['adapters', 'openapi', 'cli', 'src']) walk(join(root, dir));
    expect(hits.sort()).toEqual(['src/describe/describe-schema.ts']);
  });
});

describe('emitted formats state the rule Zod enforces', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const agree = (schema: z.ZodTypeAny, samples: string[]) => {
    const json = emitJsonSchema(describeSchema(schema), { io: 'input', dialect: '2020-12' });
    const validate = ajv.compile(json);
    return samples.map((sample) => ({ sample, zod: schema.safeParse(sample).success, jsonSchema: validate(sample) }));
  };
  const cases: [string, z.ZodTypeAny, string[]][] = [
    ['email', z.string().email(), ['a!b#c$d%@example.com', '{x}|~@example.com', 'q@example.c', 'q@example.x1', 'u@example-.com', 'u@sub-.example.com', 'ada@example.com', 'A.B+tag@Example.ORG', '.a@example.com', 'a..b@example.com']],
    ['datetime', z.string().datetime(), ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05+01:00', '2024-01-02T03:04Z', '2024-02-30T00:00:00Z', '2024-01-02T03:04:05.123456Z', '2024-01-02 03:04:05Z']],
    ['datetime with offset', z.string().datetime({ offset: true }), ['2024-01-02T03:04:05+01:00', '2024-01-02T03:04:05+0100', '2024-01-02T03:04:05Z', '2024-01-02T03:04:05']],
    ['date', z.string().date(), ['2024-02-29', '2023-02-29', '2024-13-01', '2024-1-01']],
    ['time', z.string().time(), ['03:04:05', '03:04', '24:00:00', '03:04:05.5']],
    ['uuid', z.string().uuid(), ['6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', '6F1C2D3E-4B5A-4C6D-8E9F-0A1B2C3D4E5F', 'urn:uuid:6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', 'not-a-uuid']],
    ['ipv4', z.string().ip({ version: 'v4' }), ['127.0.0.1', '256.0.0.1', '01.2.3.4']],
    ['cuid', z.string().cuid(), ['cjld2cjxh0000qzrmn831i7rn', 'Cjld2cjxh0000qzrmn831i7rn', 'xjld2cjxh']],
    ['ulid', z.string().ulid(), ['01ARZ3NDEKTSV4RRFFQ69G5FAV', '01arz3ndektsv4rrffq69g5fav', '01ARZ3NDEKTSV4RRFFQ69G5FA']],
    ['base64', z.string().base64(), ['aGVsbG8=', 'aGVsbG8', 'a===']],
    ['regex with flags', z.string().regex(/^ab\d+$/i), ['AB12', 'ab1', 'abc', 'ab١']],
    ['startsWith and endsWith', z.string().startsWith('a.').endsWith('$'), ['a.b$', 'ab$', 'a.b']],
  ];
  it.each(cases)('%s: Zod and a JSON Schema validator agree on every sample', (_name, schema, samples) => {
    const results = agree(schema, samples);
    expect(results.filter((r) => r.zod !== r.jsonSchema)).toEqual([]);
  });

  it('lists what no validator can check: UTF-16 lengths, URL parsing, refinements', () => {
    const parts = lossyParts(z.object({ name: z.string().max(3), site: z.string().url(), even: z.number().refine((n) => n % 2 === 0) }));
    expect(parts.map((p) => `${p.path} ${p.construct}`).sort()).toEqual(['/properties/even refine', '/properties/name length', '/properties/site format']);
    // The length rule differs for characters outside the Basic Multilingual Plane.
    expect(z.string().max(3).safeParse('😀😀').success).toBe(false);
  });
});
