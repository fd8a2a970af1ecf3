import { datetimeRegex } from 'zod';
import type { AnySchema } from '../../src/route-spec.js';

/** Returned by a compiled check when the value does not pass. */
export const FAIL: unique symbol = Symbol('fail');

/** Parses a value as its Zod schema would on success, or returns `FAIL`. */
export type CompiledCheck = (value: unknown) => unknown;

type Def = Record<string, unknown> & { typeName?: string };
type Check = { kind: string; value?: unknown; inclusive?: boolean; regex?: RegExp; position?: number };

const MAX_DEPTH = 32;

/**
 * Compiles a Zod schema, once at mount time, into a check with the same result on success:
 * an equal output (unknown keys stripped, defaults applied). When parsing would change nothing,
 * the input itself is returned rather than a copy, so it serializes to the same JSON (keys in the
 * input's order) without an allocation per object. Objects, arrays, primitives, literals,
 * enums, optional/nullable/default and common string and number checks are checked inline; any
 * other node (refinements, transforms, unions, ...) is handed to Zod itself. A `FAIL` is only a
 * hint: callers run Zod to confirm and explain it. Zod 3 rebuilds a `datetime()` regex on every
 * parse; here it is built once.
 */
export function compileSchema(schema: AnySchema): CompiledCheck {
  return compile(schema, 0);
}

function compile(schema: AnySchema, depth: number): CompiledCheck {
  const def = (schema as unknown as { _def: Def })._def;
  const delegate = (): CompiledCheck => (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : FAIL;
  };
  if (depth > MAX_DEPTH) return delegate();

  switch (def.typeName) {
    case 'ZodString':
      return compileString(def, delegate);
    case 'ZodNumber':
      return compileNumber(def, delegate);
    case 'ZodBoolean': {
      const coerce = def.coerce === true;
      return (value) => {
        const data = coerce ? Boolean(value) : value;
        return typeof data === 'boolean' ? data : FAIL;
      };
    }
    case 'ZodLiteral': {
      const literal = def.value;
      return (value) => (value === literal ? value : FAIL);
    }
    case 'ZodEnum': {
      const values = new Set(def.values as string[]);
      return (value) => (typeof value === 'string' && values.has(value) ? value : FAIL);
    }
    case 'ZodNull':
      return (value) => (value === null ? null : FAIL);
    case 'ZodUndefined':
      return (value) => (value === undefined ? undefined : FAIL);
    case 'ZodAny':
    case 'ZodUnknown':
      return (value) => value;
    case 'ZodOptional': {
      const inner = compile(def.innerType as AnySchema, depth + 1);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'ZodNullable': {
      const inner = compile(def.innerType as AnySchema, depth + 1);
      return (value) => (value === null ? null : inner(value));
    }
    case 'ZodDefault': {
      const inner = compile(def.innerType as AnySchema, depth + 1);
      const defaultValue = def.defaultValue as () => unknown;
      return (value) => inner(value === undefined ? defaultValue() : value);
    }
    case 'ZodBranded':
      return compile(def.type as AnySchema, depth + 1);
    case 'ZodArray':
      return compileArray(def, depth);
    case 'ZodObject':
      return compileObject(def, depth, delegate);
    default:
      return delegate();
  }
}

function compileString(def: Def, delegate: () => CompiledCheck): CompiledCheck {
  const tests: ((s: string) => boolean)[] = [];
  for (const check of def.checks as Check[]) {
    const value = check.value;
    switch (check.kind) {
      case 'min':
        tests.push((s) => s.length >= (value as number));
        break;
      case 'max':
        tests.push((s) => s.length <= (value as number));
        break;
      case 'length':
        tests.push((s) => s.length === (value as number));
        break;
      case 'regex': {
        const regex = check.regex as RegExp;
        tests.push((s) => {
          regex.lastIndex = 0;
          return regex.test(s);
        });
        break;
      }
      case 'datetime': {
        const regex = datetimeRegex(check as never);
        tests.push((s) => regex.test(s));
        break;
      }
      case 'startsWith':
        tests.push((s) => s.startsWith(value as string));
        break;
      case 'endsWith':
        tests.push((s) => s.endsWith(value as string));
        break;
      case 'includes':
        tests.push((s) => s.includes(value as string, check.position));
        break;
      default:
        // email, uuid, url, trim, ...: Zod checks the string (a string alone is cheap to parse).
        return delegate();
    }
  }
  const coerce = def.coerce === true;
  return (value) => {
    const data = coerce ? String(value) : value;
    if (typeof data !== 'string') return FAIL;
    for (const test of tests) if (!test(data)) return FAIL;
    return data;
  };
}

function compileNumber(def: Def, delegate: () => CompiledCheck): CompiledCheck {
  const tests: ((n: number) => boolean)[] = [];
  for (const check of def.checks as Check[]) {
    const bound = check.value as number;
    switch (check.kind) {
      case 'int':
        tests.push((n) => Number.isInteger(n));
        break;
      case 'min':
        tests.push(check.inclusive ? (n) => n >= bound : (n) => n > bound);
        break;
      case 'max':
        tests.push(check.inclusive ? (n) => n <= bound : (n) => n < bound);
        break;
      case 'finite':
        tests.push((n) => Number.isFinite(n));
        break;
      default:
        return delegate();
    }
  }
  const coerce = def.coerce === true;
  return (value) => {
    const data = coerce ? Number(value) : value;
    if (typeof data !== 'number' || Number.isNaN(data)) return FAIL;
    for (const test of tests) if (!test(data)) return FAIL;
    return data;
  };
}

function compileArray(def: Def, depth: number): CompiledCheck {
  const item = compile(def.type as AnySchema, depth + 1);
  const exact = (def.exactLength as { value: number } | null)?.value;
  const min = (def.minLength as { value: number } | null)?.value;
  const max = (def.maxLength as { value: number } | null)?.value;
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const length = value.length;
    if ((exact !== undefined && length !== exact) || (min !== undefined && length < min) || (max !== undefined && length > max)) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < length; i++) {
      const input: unknown = value[i];
      const parsed = item(input);
      if (parsed === FAIL) return FAIL;
      if (out) out[i] = parsed;
      else if (parsed !== input || !(i in value)) {
        out = value.slice(0, i);
        out[i] = parsed;
      }
    }
    return out ?? (hasToJson(value) ? value.slice() : value);
  };
}

const isOwnEnumerable = (data: object, key: string) => Object.prototype.propertyIsEnumerable.call(data, key);

function compileObject(def: Def, depth: number, delegate: () => CompiledCheck): CompiledCheck {
  const catchall = (def.catchall as { _def?: Def } | undefined)?._def?.typeName;
  if (catchall !== 'ZodNever') return delegate();
  const unknownKeys = def.unknownKeys as 'strip' | 'strict' | 'passthrough';
  const shape = (def.shape as () => Record<string, AnySchema>)();
  const keys = Object.keys(shape);
  const checks = keys.map((key) => compile(shape[key] as AnySchema, depth + 1));
  const known = new Set(keys);
  // Parsed values, kept between the two passes of one call. Calls never nest: a schema that
  // contains itself goes through z.lazy, which Zod handles.
  const parsedValues: unknown[] = new Array(keys.length);

  return (value) => {
    if (!isPlainObjectLike(value)) return FAIL;
    const data = value as Record<string, unknown>;
    // `same` stays true while the output would equal the input; then the input itself is returned.
    let same = !hasToJson(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const input = data[key];
      const parsed = (checks[i] as CompiledCheck)(input);
      if (parsed === FAIL) return clear(FAIL);
      parsedValues[i] = parsed;
      if (same && (parsed !== input || (parsed === undefined ? key in data && !isOwnEnumerable(data, key) : !isOwnEnumerable(data, key)))) same = false;
    }
    let extras: string[] | undefined;
    if (unknownKeys === 'strip') {
      if (same) {
        for (const key in data) {
          if (!known.has(key)) {
            same = false;
            break;
          }
        }
      }
    } else {
      for (const key in data) {
        if (known.has(key)) continue;
        if (unknownKeys === 'strict') return clear(FAIL);
        (extras ??= []).push(key);
        if (key === '__proto__' || data[key] === undefined || !isOwnEnumerable(data, key)) same = false;
      }
    }
    if (same) return clear(value);

    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const parsed = parsedValues[i];
      if (key !== '__proto__' && (parsed !== undefined || key in data)) out[key] = parsed;
    }
    if (extras) for (const key of extras) if (key !== '__proto__' && data[key] !== undefined) out[key] = data[key];
    return clear(out);
  };

  function clear<T>(result: T): T {
    parsedValues.fill(undefined);
    return result;
  }
}

/** An own or inherited `toJSON` would make the serialized input differ from Zod's plain output. */
function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** What Zod 3 calls an object: not null, an array, a promise-like, a Map, a Set or a Date. */
function isPlainObjectLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as { then?: unknown; catch?: unknown };
  if (v.then && typeof v.then === 'function' && v.catch && typeof v.catch === 'function') return false;
  return !(value instanceof Map || value instanceof Set || value instanceof Date);
}
