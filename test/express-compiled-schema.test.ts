import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModuleErrorSchema, pageQuery, paged } from '@webstir-io/module-contract';
import { compileSchema, FAIL } from '../adapters/express/compile-schema.js';
import { describeSchema } from '../src/describe/describe-schema.js';
import { Account } from './fixtures/accounts.js';
import { assertProperty } from './fixtures/seed.js';

// The binding checks responses with compiled schemas; on every value they must agree with Zod.

/** Mostly the given (often valid) values, sometimes anything at all, sometimes nothing. */
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.constant(undefined) });

/** Sometimes adds unknown keys, prototype-looking ones included. */
const withExtras = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(arb, fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'id'), fc.anything(), { maxKeys: 2 }) }))
    .map(([value, extra]) => (extra ? { ...value, ...extra } : value));

const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const dateish = fc.oneof(
  { weight: 4, arbitrary: isoDate },
  { weight: 1, arbitrary: isoDate.map((s) => s.replace('Z', '+02:00')) },
  { weight: 1, arbitrary: isoDate.map((s) => s.replace(/\.\d+Z$/, 'Z')) },
  { weight: 1, arbitrary: fc.constantFrom('2024-02-30T00:00:00Z', '2024-02-29T23:59:59.1Z', '2023-02-29T00:00:00Z', 'not a date') },
);

const accountArb = withExtras(
  fc.record({
    id: maybe(fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.string() })),
    email: maybe(fc.oneof({ weight: 5, arbitrary: fc.constantFrom('ada@example.com', 'a.b+c@d.io') }, { weight: 2, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: fc.string() })),
    name: maybe(fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 100 }) }, { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(100), 'x'.repeat(101)) })),
    createdAt: maybe(dateish),
  }),
);

const KitchenSink = z
  .object({
    lit: z.literal('a'),
    en: z.enum(['x', 'y']),
    opt: z.string().optional(),
    nul: z.number().int().min(0).max(10).nullable(),
    def: z.boolean().default(true),
    arr: z.array(z.string().length(2)).min(1).max(3),
    affix: z.string().startsWith('ab').endsWith('z').includes('q'),
    re: z.string().regex(/^[a-z]+$/g),
    nested: z.object({ n: z.number().gt(1).lt(5).finite() }).strict(),
    pass: z.object({ a: z.string() }).passthrough(),
    branded: z.string().brand<'B'>(),
    union: z.union([z.string(), z.number()]),
    offset: z.string().datetime({ offset: true, precision: 3 }),
    trimmed: z.string().trim().toLowerCase().optional(),
    coerced: z.coerce.number().int().optional(),
    any: z.unknown(),
  })
  .strict();

/** A value that is valid for its field most of the time, or a near miss, or anything. */
const field = <T, U>(valid: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: nearMiss }, { weight: 1, arbitrary: fc.anything() });

const kitchenArb = withExtras(
  fc.record(
    {
      lit: field(fc.constant('a'), fc.constant('b')),
      en: field(fc.constantFrom('x', 'y'), fc.constant('z')),
      opt: field(fc.option(fc.string(), { nil: undefined }), fc.integer()),
      nul: field(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), fc.constantFrom(-1, 11, 2.5, undefined)),
      def: field(fc.option(fc.boolean(), { nil: undefined }), fc.constant('true')),
      arr: field(fc.array(fc.string({ minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }), fc.constantFrom([], ['a'], ['aa', 'bb', 'cc', 'dd'])),
      affix: field(fc.constantFrom('abqz', 'ab-q-z'), fc.constantFrom('abz', 'qz', 'abq')),
      re: field(fc.constantFrom('abc', 'z'), fc.constantFrom('ABC', '', 'a1')),
      nested: field(fc.record({ n: fc.double({ min: 1.01, max: 4.99, noNaN: true }) }), fc.constantFrom({ n: 1 }, { n: 5 }, { n: Number.POSITIVE_INFINITY }, { n: 2, extra: 1 })),
      pass: field(withExtras(fc.record({ a: fc.string() })), fc.constant({ a: 1 })),
      branded: field(fc.string(), fc.constant(null)),
      union: field(fc.oneof(fc.string(), fc.integer()), fc.boolean()),
      offset: field(fc.oneof(isoDate, isoDate.map((d) => d.replace('Z', '+02:00'))), fc.constantFrom('2024-01-01T00:00:00.12345Z', '2024-02-30T00:00:00Z')),
      trimmed: field(fc.option(fc.string(), { nil: undefined }), fc.constant(5)),
      coerced: field(fc.option(fc.oneof(fc.integer().map(String), fc.integer()), { nil: undefined }), fc.constantFrom('x', 1.5)),
      any: fc.anything(),
    },
    { requiredKeys: ['lit', 'en', 'nul', 'arr', 'affix', 're', 'nested', 'pass', 'branded', 'union', 'offset'] },
  ),
);

/** JSON with object keys sorted, as serialized (toJSON and undefined handled by JSON itself). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(JSON.parse(JSON.stringify(value) ?? 'null'), (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const cases: [string, z.ZodTypeAny, fc.Arbitrary<unknown>][] = [
  ['Account', Account, accountArb],
  ['a page of accounts', paged(Account), fc.record({ items: maybe(fc.array(accountArb, { maxLength: 3 })), page: maybe(fc.integer({ min: -1, max: 3 })), limit: maybe(fc.integer({ min: 0, max: 3 })), total: maybe(fc.integer({ min: -1, max: 9 })) })],
  ['pageQuery', pageQuery(), withExtras(fc.record({ page: maybe(fc.oneof(fc.integer().map(String), fc.string())), limit: maybe(fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.constant(''))) }, { requiredKeys: [] }))],
  ['ModuleErrorSchema', ModuleErrorSchema, withExtras(fc.record({ code: maybe(fc.string()), message: maybe(fc.string()), details: fc.anything(), correlationId: maybe(fc.string()) }, { requiredKeys: [] }))],
  ['a kitchen sink of node kinds', KitchenSink, kitchenArb],
  [
    'bounds, exclusive and inclusive',
    z.object({ s: z.string().min(2).max(4), n: z.number().min(1).max(3), x: z.number().gt(1).lt(3), a: z.array(z.number()).min(1).max(2), l: z.array(z.string().length(1)).length(2) }),
    fc.record({
      s: field(fc.constantFrom('ab', 'abc', 'abcd'), fc.constantFrom('a', 'abcde')),
      n: field(fc.constantFrom(1, 2, 3), fc.constantFrom(0, 4, 0.999, 3.001)),
      x: field(fc.constantFrom(1.001, 2, 2.999), fc.constantFrom(1, 3)),
      a: field(fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), fc.constantFrom([], [1, 2, 3])),
      l: field(fc.constantFrom(['a', 'b'], ['c', 'd']), fc.constantFrom(['a'], ['a', 'b', 'c'], ['ab', 'c'])),
    }),
  ],
];

describe('compileSchema agrees with Zod', () => {
  it.each(cases)('%s', (_name, schema, values) => {
    const check = compileSchema(describeSchema(schema));
    let successes = 0;
    assertProperty(
      fc.property(values, (value) => {
        const expected = schema.safeParse(value);
        const actual = check(value);
        if (!expected.success) {
          expect(actual).toBe(FAIL);
          return;
        }
        successes++;
        // Equal, and the same JSON up to key order: when nothing changes the input itself is
        // returned, with its own key order and prototype (fast-check makes null-prototype objects too).
        expect(actual).toEqual(expected.data);
        expect(canonicalJson(actual)).toBe(canonicalJson(expected.data));
      }),
      { numRuns: 800 },
    );
    // The generators reach valid values too, not only failures.
    expect(successes).toBeGreaterThan(40);
  });

  it('returns the input itself when parsing changes nothing, and a copy when it strips, defaults or coerces', () => {
    const check = compileSchema(describeSchema(z.object({ a: z.string(), list: z.array(z.object({ n: z.number() })), d: z.number().default(1) })));
    const same = { a: 'x', list: [{ n: 1 }], d: 2 };
    expect(check(same)).toBe(same);
    const extra = { a: 'x', list: [{ n: 1, secret: 's' }], d: 2 };
    const stripped = check(extra) as typeof extra;
    expect(stripped).not.toBe(extra);
    expect(stripped).toEqual({ a: 'x', list: [{ n: 1 }], d: 2 });
    expect(extra.list[0]).toHaveProperty('secret');
    expect(check({ a: 'x', list: [] })).toEqual({ a: 'x', list: [], d: 1 });
    class WithGetter {
      get a() {
        return 'x';
      }
      list = [];
      d = 3;
    }
    const instance = new WithGetter();
    expect(check(instance)).not.toBe(instance);
    expect(JSON.stringify(check(instance))).toBe('{"a":"x","list":[],"d":3}');
    // An own key hidden from enumeration would not serialize: the output is a copy that has it.
    for (const unknownKeys of ['strip', 'passthrough'] as const) {
      const base = z.object({ a: z.string(), b: z.number() });
      const schema = unknownKeys === 'strip' ? base : base.passthrough();
      const hidden = Object.defineProperty({ a: 'x' }, 'b', { value: 1, enumerable: false }) as { a: string; b: number };
      const checked = compileSchema(describeSchema(schema))(hidden);
      expect(checked).not.toBe(hidden);
      expect(JSON.stringify(checked)).toBe(JSON.stringify(schema.parse(hidden)));
      expect(JSON.stringify(checked)).toBe('{"a":"x","b":1}');
    }
  });

  it('builds a datetime regex once, where Zod builds one per value', () => {
    const schema = z.object({ at: z.string().datetime() });
    const check = compileSchema(describeSchema(schema));
    const count = (run: () => void) => {
      const original = RegExp;
      let built = 0;
      globalThis.RegExp = new Proxy(original, { construct: (target, args) => (built++, Reflect.construct(target, args)) });
      try {
        run();
      } finally {
        globalThis.RegExp = original;
      }
      return built;
    };
    const value = { at: '2024-01-01T00:00:00Z' };
    expect(count(() => { for (let i = 0; i < 10; i++) expect(check(value)).toEqual(value); })).toBe(0);
    expect(count(() => { for (let i = 0; i < 10; i++) expect(schema.parse(value)).toEqual(value); })).toBe(10);
  });
});

describe('compileSchema returns what Zod returns', () => {
  it('hands out a fresh copy of a default, never its shared instance', () => {
    const schema = z.object({ tags: z.array(z.string()).default([]) });
    const check = compileSchema(describeSchema(schema));
    const first = check({}) as { tags: string[] };
    first.tags.push('leaked');
    expect(check({})).toEqual({ tags: [] });
    expect(schema.parse({})).toEqual({ tags: [] });
  });

  it('leaves JWTs to Zod, which decodes the header the expression cannot check', () => {
    const schema = z.string().jwt();
    const check = compileSchema(describeSchema(schema));
    expect(schema.safeParse('a.b.c').success).toBe(false);
    expect(check('a.b.c')).toBe(FAIL);
  });

  it('writes keys in the schema order, as Zod does', () => {
    const schema = z.object({ a: z.string(), b: z.number() });
    const check = compileSchema(describeSchema(schema));
    const input = { b: 1, a: 'x' };
    expect(Object.keys(check(input) as object)).toEqual(Object.keys(schema.parse(input)));
    expect(Object.keys(check(input) as object)).toEqual(['a', 'b']);
    const passthrough = z.object({ a: z.string(), b: z.number() }).passthrough();
    const check2 = compileSchema(describeSchema(passthrough));
    const extra = { extra: true, b: 1, a: 'x' };
    expect(Object.keys(check2(extra) as object)).toEqual(Object.keys(passthrough.parse(extra)));
  });
});
