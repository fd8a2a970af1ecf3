import { zodFormatRegex } from '../../src/describe/format-rule.js';
import type { NumberCheck, SchemaDescription, StringCheck } from '../../src/describe/schema-description.js';

/** Returned by a compiled check when the value does not pass. */
export const FAIL: unique symbol = Symbol('fail');

/** Parses a value as its Zod schema would on success, or returns `FAIL`. */
export type CompiledCheck = (value: unknown) => unknown;

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
export function compileSchema(node: SchemaDescription): CompiledCheck {
  return compile(node, 0);
}

function compile(node: SchemaDescription, depth: number): CompiledCheck {
  const { schema } = node;
  const delegate = (): CompiledCheck => (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : FAIL;
  };
  if (depth > MAX_DEPTH) return delegate();

  switch (node.kind) {
    case 'string':
      return compileString(node.checks, node.coerce, delegate);
    case 'number':
      return compileNumber(node.checks, node.coerce, delegate);
    case 'boolean': {
      const coerce = node.coerce;
      return (value) => {
        const data = coerce ? Boolean(value) : value;
        return typeof data === 'boolean' ? data : FAIL;
      };
    }
    case 'literal': {
      const literal = node.value;
      return (value) => (value === literal ? value : FAIL);
    }
    case 'enum': {
      if (!node.values.every((v) => typeof v === 'string')) return delegate();
      const values = new Set(node.values);
      return (value) => (typeof value === 'string' && values.has(value) ? value : FAIL);
    }
    case 'null':
      return (value) => (value === null ? null : FAIL);
    case 'undefined':
      return (value) => (value === undefined ? undefined : FAIL);
    case 'any':
    case 'unknown':
      return (value) => value;
    case 'optional': {
      const inner = compile(node.inner, depth + 1);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'nullable': {
      const inner = compile(node.inner, depth + 1);
      return (value) => (value === null ? null : inner(value));
    }
    case 'default': {
      // An absent value goes to Zod, which hands out a fresh copy of the default: the default's
      // own instance must never be sent, or a change to a sent body would reach later requests.
      const inner = compile(node.inner, depth + 1);
      const fresh = delegate();
      return (value) => (value === undefined ? fresh(value) : inner(value));
    }
    case 'brand':
      return compile(node.inner, depth + 1);
    case 'array':
      return compileArray(node, depth);
    case 'object':
      return compileObject(node, depth, delegate);
    default:
      return delegate();
  }
}

function compileString(checks: readonly StringCheck[], coerce: boolean, delegate: () => CompiledCheck): CompiledCheck {
  // Length bounds fold into two numbers and expressions into a list, so the common string costs
  // no call per check; the rarer checks stay closures.
  let min = 0;
  let max = Infinity;
  const regexes: RegExp[] = [];
  const tests: ((s: string) => boolean)[] = [];
  for (const check of checks) {
    switch (check.kind) {
      case 'min':
        min = Math.max(min, check.value);
        break;
      case 'max':
        max = Math.min(max, check.value);
        break;
      case 'length':
        min = Math.max(min, check.value);
        max = Math.min(max, check.value);
        break;
      case 'regex':
        regexes.push(new RegExp(check.source, check.flags.replace(/[gy]/g, '')));
        break;
      case 'format': {
        // Formats with one expression (Zod 3 rebuilds the datetime one on every parse: here it is
        // built once). The rest (url, emoji, IPv6, jwt) go to Zod.
        // Zod decodes a JWT's header too: it is never one expression.
        const regex = check.format === 'jwt' ? undefined : zodFormatRegex(check);
        if (!regex || check.format === 'ip' || check.format === 'cidr') return delegate();
        regexes.push(regex);
        break;
      }
      case 'startsWith': {
        const { value } = check;
        tests.push((s) => s.startsWith(value));
        break;
      }
      case 'endsWith': {
        const { value } = check;
        tests.push((s) => s.endsWith(value));
        break;
      }
      case 'includes': {
        const { value, position } = check;
        tests.push((s) => s.includes(value, position));
        break;
      }
      default:
        // trim, toLowerCase, toUpperCase change the value: Zod does it.
        return delegate();
    }
  }
  return (value) => {
    const data = coerce ? String(value) : value;
    if (typeof data !== 'string') return FAIL;
    const length = data.length;
    if (length < min || length > max) return FAIL;
    for (let i = 0; i < regexes.length; i++) if (!(regexes[i] as RegExp).test(data)) return FAIL;
    for (let i = 0; i < tests.length; i++) if (!(tests[i] as (s: string) => boolean)(data)) return FAIL;
    return data;
  };
}

function compileNumber(checks: readonly NumberCheck[], coerce: boolean, delegate: () => CompiledCheck): CompiledCheck {
  const tests: ((n: number) => boolean)[] = [];
  for (const check of checks) {
    const bound = 'value' in check ? check.value : 0;
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
  return (value) => {
    const data = coerce ? Number(value) : value;
    if (typeof data !== 'number' || Number.isNaN(data)) return FAIL;
    for (const test of tests) if (!test(data)) return FAIL;
    return data;
  };
}

function compileArray(node: Extract<SchemaDescription, { kind: 'array' }>, depth: number): CompiledCheck {
  const item = compile(node.items, depth + 1);
  const { minItems: min, maxItems: max } = node;
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const length = value.length;
    if ((min !== undefined && length < min) || (max !== undefined && length > max)) return FAIL;
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

function compileObject(node: Extract<SchemaDescription, { kind: 'object' }>, depth: number, delegate: () => CompiledCheck): CompiledCheck {
  if (node.catchall) return delegate();
  const { unknownKeys, shape } = node;
  const keys = Object.keys(shape);
  const checks = keys.map((key) => compile(shape[key] as SchemaDescription, depth + 1));
  const known = new Map(keys.map((key, index) => [key, index]));
  // Parsed values, kept between the two passes of one call. Calls never nest: a schema that
  // contains itself goes through z.lazy, which Zod handles.
  const parsedValues: unknown[] = new Array(keys.length);

  return (value) => {
    if (!isPlainObjectLike(value)) return FAIL;
    const data = value as Record<string, unknown>;
    // `same` stays true while the output would equal the input; then the input itself is returned.
    let same = !hasToJson(data);
    // Declared keys the input holds as its own: the input stands for the output only if each is
    // also enumerable, which the key pass below confirms by counting (cheaper than asking per key).
    let own = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const input = data[key];
      const parsed = (checks[i] as CompiledCheck)(input);
      if (parsed === FAIL) return clear(FAIL);
      parsedValues[i] = parsed;
      if (!same) continue;
      if (parsed !== input) same = false;
      else if (parsed !== undefined || key in data) {
        if (Object.hasOwn(data, key)) own++;
        else same = false;
      }
    }
    let extras: string[] | undefined;
    // Zod writes the declared keys in declaration order, then (passthrough) the others: the input
    // stands for the output only when its keys already come in that order.
    let last = -1;
    // Declared keys met by `for...in` (own and enumerable, since every declared key the input
    // holds is own): all of them when none is hidden from enumeration.
    let seen = 0;
    if (unknownKeys === 'strip') {
      if (same) {
        for (const key in data) {
          const index = known.get(key);
          if (index === undefined || index < last) {
            same = false;
            break;
          }
          last = index;
          seen++;
        }
      }
    } else {
      for (const key in data) {
        const index = known.get(key);
        if (index !== undefined) {
          if (extras || index < last) same = false;
          last = index;
          seen++;
          continue;
        }
        if (unknownKeys === 'strict') return clear(FAIL);
        (extras ??= []).push(key);
        if (key === '__proto__' || data[key] === undefined || !isOwnEnumerable(data, key)) same = false;
      }
    }
    if (same && seen === own) return clear(value);

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
