import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toJsonSchema } from '@webstir-io/module-contract/openapi';
import { printType } from '../adapters/client/codegen/json-schema-to-ts.js';

const print = (schema: z.ZodTypeAny, io: 'input' | 'output' = 'output') => {
  const document = toJsonSchema(schema, { io });
  return printType(document, { root: document, io });
};

describe('printType', () => {
  it('prints objects with required and optional properties, quoting names that are not identifiers', () => {
    expect(print(z.object({ id: z.string().uuid(), 'x-tag': z.number().int().optional(), ok: z.boolean().describe('Whether it worked') }))).toMatchInlineSnapshot(`
      "{
        id: string;
        "x-tag"?: number;
        /** Whether it worked */
        ok: boolean;
      }"
    `);
  });

  it('prints unions, literals, enums, nullables, tuples and records', () => {
    expect(print(z.union([z.literal('a'), z.literal(2), z.null()]))).toMatchInlineSnapshot(`""a" | 2 | null"`);
    expect(print(z.enum(['draft', 'sent']))).toMatchInlineSnapshot(`""draft" | "sent""`);
    expect(print(z.string().nullable())).toMatchInlineSnapshot(`"string | null"`);
    expect(print(z.array(z.union([z.string(), z.number()])))).toMatchInlineSnapshot(`"(string | number)[]"`);
    expect(print(z.tuple([z.string(), z.number()]))).toMatchInlineSnapshot(`"[string, number]"`);
    expect(print(z.record(z.number()))).toMatchInlineSnapshot(`
      "{
        [key: string]: number;
      }"
    `);
    expect(print(z.object({}).strict())).toMatchInlineSnapshot(`"Record<string, never>"`);
    expect(print(z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), a: z.string() }), z.object({ kind: z.literal('b') })])))
      .toMatchInlineSnapshot(`
        "{
          kind: "a";
          a: string;
        } | {
          kind: "b";
        }"
      `);
  });

  it('prints what it cannot describe as unknown, never any', () => {
    expect(print(z.unknown())).toBe('unknown');
    expect(print(z.any())).toBe('unknown');
    expect(print(z.object({ data: z.unknown(), n: z.never() }))).toMatchInlineSnapshot(`
      "{
        data?: unknown;
        n: never;
      }"
    `);
  });

  it('follows the input or output side of defaults and transforms', () => {
    const Query = z.object({ page: z.coerce.number().default(1) });
    expect(print(Query, 'input')).toMatchInlineSnapshot(`
      "{
        page?: number;
      }"
    `);
    expect(print(Query, 'output')).toMatchInlineSnapshot(`
      "{
        page: number;
      }"
    `);
  });

  it('names definitions, and prints references into other schemas where they point', () => {
    const Tag = z.object({ label: z.string() });
    const email = z.string().email();
    const document = toJsonSchema(z.object({ tags: z.array(Tag), from: email, to: email }), { definitions: { Tag } });
    expect(printType(document, { root: document, ref: (name) => `Api${name}` })).toMatchInlineSnapshot(`
      "{
        tags: ApiTag[];
        from: string;
        to: string;
      }"
    `);
  });

  it('prints a recursive reference it cannot expand as unknown instead of looping', () => {
    const document = { type: 'object', properties: { self: { $ref: '#' }, loop: { $ref: '#/properties/loop' } }, required: ['loop'] };
    expect(printType(document)).toMatchInlineSnapshot(`
      "{
        self?: {
          self?: unknown;
          loop: unknown;
        };
        loop: unknown;
      }"
    `);
  });
});
