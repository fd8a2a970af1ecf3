import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchemaStore, diffSchemas, type SchemaNode } from '@webstir-io/module-contract/drift';
import { generateOpenApi, kitJsonSchemas, moduleJsonSchemas } from '@webstir-io/module-contract/openapi';
import { createAccountsModule } from './fixtures/accounts.js';
import { seeded } from './fixtures/seed.js';

const DIRECTIONS = ['request', 'response', 'both'] as const;

describe('diffSchemas on itself', () => {
  const module = createAccountsModule();
  const documents: Record<string, SchemaNode> = { ...kitJsonSchemas(), ...moduleJsonSchemas(module) };

  it.each(Object.keys(documents))('%s against itself and against a copy: no changes', (name) => {
    const schema = documents[name] as SchemaNode;
    for (const direction of DIRECTIONS) {
      expect(diffSchemas(schema, schema, { direction })).toEqual({ breaking: false, changes: [] });
      expect(diffSchemas(schema, structuredClone(schema), { direction })).toEqual({ breaking: false, changes: [] });
    }
  });

  it('every OpenAPI component of the example against a copy: no changes', () => {
    const document = generateOpenApi(module) as unknown as { components: { schemas: Record<string, SchemaNode> } };
    const copy = structuredClone(document);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      const diff = diffSchemas(schema, copy.components.schemas[name] as SchemaNode, { direction: 'both', roots: { before: document, after: copy } });
      expect(diff.changes, name).toEqual([]);
    }
  });
});

describe('renaming a $ref target with the same shape', () => {
  const rename = (value: unknown, from: string, to: string): unknown => JSON.parse(JSON.stringify(value).replaceAll(from, to));

  it('a local definition renamed: no changes in any direction', () => {
    const page = moduleJsonSchemas(createAccountsModule())['AccountPage.schema.json'] as Record<string, unknown>;
    expect(JSON.stringify(page)).toContain('#/definitions/Account"');
    const renamed = rename(page, '#/definitions/Account"', '#/definitions/Customer"') as Record<string, unknown>;
    const definitions = renamed.definitions as Record<string, unknown>;
    definitions.Customer = definitions.Account;
    delete definitions.Account;
    for (const direction of DIRECTIONS) expect(diffSchemas(page, renamed as SchemaNode, { direction })).toEqual({ breaking: false, changes: [] });
  });

  it('a schema file renamed: no changes in any direction', () => {
    const account = { $id: 'Account.schema.json', type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] };
    const before = { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Account.schema.json' } } }, required: ['items'] };
    const after = rename(before, 'Account.schema.json', 'Customer.schema.json') as SchemaNode;
    const resolvers = {
      before: createSchemaStore({ 'Account.schema.json': account }),
      after: createSchemaStore({ 'Customer.schema.json': { ...account, $id: 'Customer.schema.json' } }),
    };
    for (const direction of DIRECTIONS) expect(diffSchemas(before, after, { direction, resolvers })).toEqual({ breaking: false, changes: [] });
  });
});

// Random schemas, and a copy made strictly looser at one random spot: an old sender is still
// accepted (not breaking as a request) and an old reader may now see a value it rejects
// (breaking as a response).
const leaf = fc.oneof(
  fc.record({ type: fc.constant('string'), minLength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), maxLength: fc.option(fc.integer({ min: 6, max: 50 }), { nil: undefined }), pattern: fc.option(fc.constant('^[a-z]*$'), { nil: undefined }), format: fc.option(fc.constantFrom('email', 'uuid', 'date-time'), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('integer', 'number'), minimum: fc.option(fc.integer({ min: -5, max: 0 }), { nil: undefined }), maximum: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('string'), enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 }) }),
  fc.constant({ type: 'boolean' }),
);
const { tree } = fc.letrec<{ tree: Record<string, unknown> }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ type: fc.constant('array'), items: tie('tree'), maxItems: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }, { requiredKeys: ['type', 'items'] }),
    fc.dictionary(fc.constantFrom('id', 'name', 'tags', 'owner', 'size'), tie('tree'), { minKeys: 1, maxKeys: 4 }).chain((properties) =>
      fc.subarray(Object.keys(properties)).map((required) => ({ type: 'object', properties, required })),
    ),
  ),
}));

type Node = Record<string, unknown>;
/** Every way to loosen one spot of a schema; each is breaking for old readers. */
function looseners(root: Node): (() => void)[] {
  const out: (() => void)[] = [];
  const visit = (node: Node, replace: (next: Node) => void) => {
    out.push(() => replace({ anyOf: [node, { type: 'array', items: { type: 'boolean' }, minItems: 7 }] }));
    out.push(() => replace({ ...node, type: [node.type, 'null'] }));
    if (node.type === 'integer') out.push(() => (node.type = 'number'));
    if (typeof node.minimum === 'number') out.push(() => (node.minimum = (node.minimum as number) - 1));
    if (typeof node.maximum === 'number') out.push(() => delete node.maximum);
    if (typeof node.minLength === 'number') out.push(() => delete node.minLength);
    if (typeof node.maxLength === 'number') out.push(() => (node.maxLength = (node.maxLength as number) + 10));
    if (typeof node.maxItems === 'number') out.push(() => (node.maxItems = (node.maxItems as number) + 1));
    if (node.pattern !== undefined) out.push(() => delete node.pattern);
    if (node.format !== undefined) out.push(() => delete node.format);
    if (Array.isArray(node.enum)) out.push(() => (node.enum = [...(node.enum as string[]), 'zz']), () => delete node.enum);
    if (Array.isArray(node.required) && node.required.length) out.push(() => (node.required = (node.required as string[]).slice(1)));
    if (node.items) visit(node.items as Node, (next) => (node.items = next));
    if (node.properties) {
      const properties = node.properties as Record<string, Node>;
      for (const key of Object.keys(properties)) visit(properties[key] as Node, (next) => (properties[key] = next));
    }
  };
  const holder = root.properties as Record<string, Node>;
  visit(holder.root as Node, (next) => (holder.root = next));
  return out;
}

describe('property: a strictly looser copy', () => {
  it('is never breaking as a request and always breaking as a response (and the reverse for the stricter original)', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (schema, pick) => {
        const holder: Node = { type: 'object', properties: { root: schema }, required: ['root'] };
        const looser = structuredClone(holder);
        const options = looseners(looser);
        (options[pick % options.length] as () => void)();
        const request = diffSchemas(holder, looser, { direction: 'request' });
        const response = diffSchemas(holder, looser, { direction: 'response' });
        expect(request.breaking, JSON.stringify({ looser, changes: request.changes })).toBe(false);
        expect(response.breaking, JSON.stringify({ looser, changes: response.changes })).toBe(true);
        expect(diffSchemas(looser, holder, { direction: 'request' }).breaking).toBe(true);
        expect(diffSchemas(looser, holder, { direction: 'response' }).breaking).toBe(false);
      }),
      seeded(300),
    );
  });
});
