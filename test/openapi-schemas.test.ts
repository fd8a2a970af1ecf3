import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { expectValid, moduleOf, operation, route } from './fixtures/openapi-edge.js';

describe('generateOpenApi: schemas', () => {
  it('writes unions as anyOf, and discriminated unions as oneOf with a discriminator mapped to components', async () => {
    const Card = z.object({ kind: z.literal('card'), last4: z.string().length(4) });
    const Bank = z.object({ kind: z.literal('bank'), iban: z.string() });
    const Payment = z.discriminatedUnion('kind', [Card, Bank]);
    const routes = [
      route('pay.create', 'POST', '/payments', { input: { body: Payment } }),
      route('pay.note', 'POST', '/notes', { input: { body: z.union([z.string(), z.object({ text: z.string() })]) } }),
      route('pay.inline', 'POST', '/inline', { input: { body: z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]) } }),
    ];
    const document = generateOpenApi(moduleOf(routes, { Card, Bank }));
    await expectValid(document);
    expect(operation(document, '/payments', 'post').requestBody.content['application/json'].schema).toMatchInlineSnapshot(`
      {
        "discriminator": {
          "mapping": {
            "bank": "#/components/schemas/Bank",
            "card": "#/components/schemas/Card",
          },
          "propertyName": "kind",
        },
        "oneOf": [
          {
            "$ref": "#/components/schemas/Card",
          },
          {
            "$ref": "#/components/schemas/Bank",
          },
        ],
      }
    `);
    expect(operation(document, '/notes', 'post').requestBody.content['application/json'].schema).toMatchInlineSnapshot(`
      {
        "anyOf": [
          {
            "type": "string",
          },
          {
            "properties": {
              "text": {
                "type": "string",
              },
            },
            "required": [
              "text",
            ],
            "type": "object",
          },
        ],
      }
    `);
    expect(operation(document, '/inline', 'post').requestBody.content['application/json'].schema.discriminator).toEqual({ propertyName: 'type' });
  });

  it('writes nullable the 3.1 way (type arrays, anyOf null) and the 3.0 way (nullable: true)', async () => {
    const Tag = z.object({ label: z.string() });
    const Item = z.object({ note: z.string().nullable(), tag: Tag.nullable(), count: z.number().int().nullable() });
    const module = moduleOf([route('items.get', 'GET', '/items', { responses: { 200: Item } })], { Item, Tag });
    const v31 = generateOpenApi(module);
    const v30 = generateOpenApi(module, { openapi: '3.0.3' });
    await expectValid(v31);
    await expectValid(v30);
    expect(v31.components?.schemas?.Item).toMatchInlineSnapshot(`
      {
        "properties": {
          "count": {
            "type": [
              "integer",
              "null",
            ],
          },
          "note": {
            "type": [
              "string",
              "null",
            ],
          },
          "tag": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Tag",
              },
              {
                "type": "null",
              },
            ],
          },
        },
        "required": [
          "note",
          "tag",
          "count",
        ],
        "type": "object",
      }
    `);
    expect(v30.components?.schemas?.Item).toMatchInlineSnapshot(`
      {
        "properties": {
          "count": {
            "nullable": true,
            "type": "integer",
          },
          "note": {
            "nullable": true,
            "type": "string",
          },
          "tag": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Tag",
              },
            ],
            "nullable": true,
          },
        },
        "required": [
          "note",
          "tag",
          "count",
        ],
        "type": "object",
      }
    `);
  });

  it('describes enums, native enums and literals', async () => {
    enum Role {
      Admin = 'admin',
      Reader = 'reader',
    }
    const Filter = z.object({ status: z.enum(['active', 'closed']), role: z.nativeEnum(Role), version: z.literal(2) });
    const document = generateOpenApi(moduleOf([route('items.search', 'POST', '/search', { input: { body: Filter } })]));
    await expectValid(document);
    expect(operation(document, '/search', 'post').requestBody.content['application/json'].schema.properties).toMatchInlineSnapshot(`
      {
        "role": {
          "enum": [
            "admin",
            "reader",
          ],
          "type": "string",
        },
        "status": {
          "enum": [
            "active",
            "closed",
          ],
          "type": "string",
        },
        "version": {
          "const": 2,
          "type": "integer",
        },
      }
    `);
  });

  it('references a named recursive z.lazy schema from inside itself', async () => {
    type Category = { name: string; children: Category[] };
    const Category: z.ZodType<Category> = z.lazy(() => z.object({ name: z.string(), children: z.array(Category) }));
    const document = generateOpenApi(moduleOf([route('categories.tree', 'GET', '/categories', { responses: { 200: Category } })], { Category }));
    await expectValid(document);
    expect(operation(document, '/categories', 'get').responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Category' });
    expect(document.components?.schemas?.Category).toMatchInlineSnapshot(`
      {
        "properties": {
          "children": {
            "items": {
              "$ref": "#/components/schemas/Category",
            },
            "type": "array",
          },
          "name": {
            "type": "string",
          },
        },
        "required": [
          "name",
          "children",
        ],
        "type": "object",
      }
    `);
  });

  it('names an unnamed recursive schema after where it is used, instead of cutting it off', async () => {
    type Node = { id: string; next: Node | null };
    const Node: z.ZodType<Node> = z.lazy(() => z.object({ id: z.string(), next: Node.nullable() }));
    const document = generateOpenApi(moduleOf([route('chain.get', 'GET', '/chain', { responses: { 200: z.object({ head: Node }) } })]));
    await expectValid(document);
    expect(operation(document, '/chain', 'get').responses['200'].content['application/json'].schema).toMatchInlineSnapshot(`
      {
        "properties": {
          "head": {
            "$ref": "#/components/schemas/ChainGetResponse200Head",
          },
        },
        "required": [
          "head",
        ],
        "type": "object",
      }
    `);
    expect(document.components?.schemas?.ChainGetResponse200Head).toMatchInlineSnapshot(`
      {
        "properties": {
          "id": {
            "type": "string",
          },
          "next": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/ChainGetResponse200Head",
              },
              {
                "type": "null",
              },
            ],
          },
        },
        "required": [
          "id",
          "next",
        ],
        "type": "object",
      }
    `);
  });

  it('describes requests by input type and responses by output type, with a <Name>Input component when they differ', async () => {
    const Settings = z.object({
      theme: z.enum(['light', 'dark']).default('light'),
      tags: z.array(z.string()).default([]),
      slug: z.string().transform((s) => s.toLowerCase()),
    });
    const Wrapper = z.object({ settings: Settings });
    const module = moduleOf([route('settings.put', 'PUT', '/settings', { input: { body: Wrapper }, responses: { 200: Wrapper } })], { Settings, Wrapper });
    const document = generateOpenApi(module);
    await expectValid(document);
    const put = operation(document, '/settings', 'put');
    expect(put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/WrapperInput' });
    expect(put.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Wrapper' });
    expect(document.components?.schemas?.WrapperInput).toEqual({
      type: 'object',
      properties: { settings: { $ref: '#/components/schemas/SettingsInput' } },
      required: ['settings'],
    });
    expect(document.components?.schemas?.SettingsInput).toMatchInlineSnapshot(`
      {
        "properties": {
          "slug": {
            "type": "string",
          },
          "tags": {
            "default": [],
            "items": {
              "type": "string",
            },
            "type": "array",
          },
          "theme": {
            "default": "light",
            "enum": [
              "light",
              "dark",
            ],
            "type": "string",
          },
        },
        "required": [
          "slug",
        ],
        "type": "object",
      }
    `);
    expect(document.components?.schemas?.Settings).toMatchInlineSnapshot(`
      {
        "properties": {
          "slug": {},
          "tags": {
            "default": [],
            "items": {
              "type": "string",
            },
            "type": "array",
          },
          "theme": {
            "default": "light",
            "enum": [
              "light",
              "dark",
            ],
            "type": "string",
          },
        },
        "required": [
          "theme",
          "tags",
          "slug",
        ],
        "type": "object",
      }
    `);
  });
});
