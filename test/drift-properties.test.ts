import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchemaStore, diffSchemas, type SchemaNode } from '@webstir-io/module-contract/drift';
import { generateOpenApi, kitJsonSchemas, moduleJsonSchemas } from '@webstir-io/module-contract/openapi';
import { createAccountsModule } from './fixtures/accounts.js';
import { looseners, tree, type Node } from './fixtures/drift-arbitraries.js';
import { assertProperty } from './fixtures/seed.js';

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
describe('property: a strictly looser copy', () => {
  it('is never breaking as a request and always breaking as a response (and the reverse for the stricter original)', () => {
    assertProperty(
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
      { numRuns: 300 },
    );
  });
});
