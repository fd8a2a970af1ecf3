import type { AnySchema } from '../route-spec.js';

/** A length, size or item bound, as Zod states it. */
export interface Bound {
  value: number;
  /** `false` for `gt`/`lt` style bounds on numbers. Lengths are always inclusive. */
  inclusive: boolean;
}

/** A string format Zod checks (`.email()`, `.uuid()`, ...), with the options it was given. */
export type StringFormat =
  | 'email'
  | 'url'
  | 'uuid'
  | 'nanoid'
  | 'cuid'
  | 'cuid2'
  | 'ulid'
  | 'emoji'
  | 'datetime'
  | 'date'
  | 'time'
  | 'duration'
  | 'ip'
  | 'cidr'
  | 'base64'
  | 'base64url'
  | 'jwt';

export type StringCheck =
  | { kind: 'min' | 'max' | 'length'; value: number }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'format'; format: StringFormat; options: Readonly<Record<string, unknown>> }
  | { kind: 'startsWith' | 'endsWith'; value: string }
  | { kind: 'includes'; value: string; position?: number }
  /** Changes the value (`.trim()`, `.toLowerCase()`, `.toUpperCase()`): JSON Schema cannot say so. */
  | { kind: 'rewrite'; name: 'trim' | 'toLowerCase' | 'toUpperCase' };

export type NumberCheck =
  | { kind: 'int' }
  | { kind: 'finite' }
  | { kind: 'min' | 'max'; value: number; inclusive: boolean }
  | { kind: 'multipleOf'; value: number };

/** What Zod cannot hand to JSON Schema: a function runs on the value. */
export type EffectKind = 'refine' | 'transform' | 'preprocess' | 'custom';

interface Base {
  /** The Zod schema this node describes. Identity names shared schemas; `safeParse` validates. */
  readonly schema: AnySchema;
  readonly description?: string;
  /** A stand-in for a contract part with no runtime schema (`c.type<>()`): not validated. */
  readonly unchecked?: true;
}

export type SchemaDescription =
  | (Base & { kind: 'string'; coerce: boolean; checks: readonly StringCheck[] })
  | (Base & { kind: 'number'; coerce: boolean; checks: readonly NumberCheck[] })
  | (Base & { kind: 'bigint'; coerce: boolean; checks: readonly NumberCheck[] })
  | (Base & { kind: 'boolean'; coerce: boolean })
  | (Base & { kind: 'date'; coerce: boolean; min?: number; max?: number })
  | (Base & { kind: 'literal'; value: string | number | boolean | bigint | null | undefined })
  | (Base & { kind: 'enum'; values: readonly (string | number)[] })
  | (Base & { kind: 'null' | 'undefined' | 'void' | 'any' | 'unknown' | 'never' | 'nan' | 'symbol' | 'function' | 'promise' })
  | (Base & { kind: 'array'; items: SchemaDescription; minItems?: number; maxItems?: number })
  | (Base & { kind: 'tuple'; items: readonly SchemaDescription[]; rest?: SchemaDescription })
  | (Base & { kind: 'set'; items: SchemaDescription; minItems?: number; maxItems?: number })
  | (Base & {
      kind: 'object';
      /** Properties in declaration order; Zod outputs them in this order. */
      shape: Readonly<Record<string, SchemaDescription>>;
      unknownKeys: 'strip' | 'strict' | 'passthrough';
      catchall?: SchemaDescription;
    })
  | (Base & { kind: 'record'; keys: SchemaDescription; values: SchemaDescription })
  | (Base & { kind: 'map'; keys: SchemaDescription; values: SchemaDescription })
  | (Base & { kind: 'union'; options: readonly SchemaDescription[]; discriminator?: string })
  | (Base & { kind: 'intersection'; left: SchemaDescription; right: SchemaDescription })
  /** Wrappers that keep the wire shape of `inner`. */
  | (Base & { kind: 'optional' | 'nullable' | 'readonly' | 'brand' | 'lazy'; inner: SchemaDescription })
  | (Base & { kind: 'default'; inner: SchemaDescription; defaultValue: () => unknown })
  /** `.catch()`: any input is accepted, failures become the fallback. */
  | (Base & { kind: 'catch'; inner: SchemaDescription })
  /** A function runs on the value: refine/superRefine, transform, preprocess, or `z.custom`/`z.instanceof`. */
  | (Base & { kind: 'effect'; effect: EffectKind; inner: SchemaDescription })
  /** `a.pipe(b)`: the wire reads as `in`, the parsed value is `out`. */
  | (Base & { kind: 'pipe'; in: SchemaDescription; out: SchemaDescription });

export type SchemaKind = SchemaDescription['kind'];

export type DescriptionOf<K extends SchemaKind> = Extract<SchemaDescription, { kind: K }>;
