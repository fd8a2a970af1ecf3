import { resolveRef, type RefResolver, type SchemaLocation, type SchemaNode } from './resolve-ref.js';

/** Keywords that describe a value without constraining it; changes to them never break anyone. */
export const ANNOTATIONS = new Set([
  'title', 'description', 'examples', 'example', '$comment', '$schema', '$id', '$anchor', '$dynamicAnchor',
  'readOnly', 'writeOnly', 'externalDocs', 'xml', '$defs', 'definitions',
]);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A location whose `$ref`s have been followed, or why they could not be; `overlaid` when keywords beside a `$ref` made a new object. */
export type Dereferenced = SchemaLocation & { unresolved?: string; overlaid?: boolean };

/**
 * Follows `$ref` until a schema without one. Keywords beside a `$ref` (2020-12 allows them) are
 * laid over the target. A cycle of bare `$ref`s, or a ref that does not resolve, stops with
 * `unresolved` set.
 */
export function deref(location: SchemaLocation, resolver?: RefResolver): Dereferenced {
  let current: SchemaLocation = location;
  const seen = new Set<unknown>();
  let overlay: Record<string, unknown> | undefined;
  while (typeof current.schema === 'object' && typeof current.schema.$ref === 'string') {
    const { $ref, ...siblings } = current.schema as Record<string, unknown> & { $ref: string };
    if (seen.has(current.schema)) return { ...current, unresolved: $ref };
    seen.add(current.schema);
    const constraining = Object.keys(siblings).filter((key) => !ANNOTATIONS.has(key));
    if (constraining.length > 0) overlay = { ...siblings, ...overlay };
    const next = resolveRef($ref, current, resolver);
    if (!next) return { ...current, unresolved: $ref };
    current = next;
  }
  if (overlay && typeof current.schema === 'object') return { ...current, schema: { ...current.schema, ...overlay }, overlaid: true };
  return current;
}

export type UnionKind = 'anyOf' | 'oneOf';

/** The parts of a schema the comparator reasons about, with null-ness pulled out of `type`, unions and `nullable`. */
export interface SchemaView {
  location: SchemaLocation;
  schema: Record<string, unknown>;
  /** The types a value may have, without `null`; `undefined` means any type. */
  types: Set<string> | undefined;
  nullable: boolean;
  /** Allowed values (from `enum` or `const`), without `null`. */
  values: Json[] | undefined;
  valuesFrom: 'enum' | 'const' | undefined;
  union: { kind: UnionKind; branches: SchemaLocation[]; pointer: string[] } | undefined;
}

const isNullSchema = (node: SchemaNode): boolean =>
  typeof node === 'object' &&
  (node.type === 'null' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null') || ('const' in node && node.const === null) ||
    (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null));

/**
 * Reads a dereferenced schema object into a `SchemaView`. An `anyOf`/`oneOf` whose only other
 * branch beside `{ type: 'null' }` is one schema is seen as that schema, nullable.
 */
export function viewOf(location: SchemaLocation, resolver?: RefResolver): SchemaView {
  const schema = location.schema as Record<string, unknown>;
  // Null is accepted when a union has a null branch, or when every keyword lets it through: the type
  // (a 'null' entry, or OpenAPI 3.0's `nullable`) and the allowed values, if any.
  let unionNull = false;
  let union: SchemaView['union'];
  for (const kind of ['anyOf', 'oneOf'] as const) {
    const raw = schema[kind];
    if (!Array.isArray(raw)) continue;
    const branches = raw.map((branch, index) => ({ index, loc: { ...location, schema: branch as SchemaNode } }));
    const nonNull = branches.filter((b) => !isNullSchema(deref(b.loc, resolver).schema));
    if (nonNull.length < branches.length) unionNull = true;
    const others = Object.keys(schema).filter((key) => key !== kind && !ANNOTATIONS.has(key) && key !== 'nullable');
    if (nonNull.length === 1 && others.length === 0) {
      const single = deref((nonNull[0] as (typeof nonNull)[number]).loc, resolver);
      if (typeof single.schema === 'object') {
        const inner = viewOf(single, resolver);
        return { ...inner, nullable: inner.nullable || unionNull };
      }
    }
    union = { kind, branches: nonNull.map((b) => b.loc), pointer: nonNull.map((b) => String(b.index)) };
    break;
  }
  let types: Set<string> | undefined;
  let typeNull: boolean | undefined = schema.nullable === true ? true : undefined;
  if (typeof schema.type === 'string' || Array.isArray(schema.type)) {
    types = new Set(([] as unknown[]).concat(schema.type).filter((t): t is string => typeof t === 'string'));
    typeNull = types.delete('null') || schema.nullable === true;
  }
  let values: Json[] | undefined;
  let valuesFrom: SchemaView['valuesFrom'];
  if ('const' in schema) {
    values = [schema.const as Json];
    valuesFrom = 'const';
  } else if (Array.isArray(schema.enum)) {
    values = schema.enum as Json[];
    valuesFrom = 'enum';
  }
  const valuesNull = values === undefined ? undefined : values.some((v) => v === null);
  if (values) values = values.filter((v) => v !== null);
  const nullable = unionNull || (typeNull === true && valuesNull !== false) || (typeNull === undefined && valuesNull === true);
  return { location, schema, types, nullable, values, valuesFrom, union };
}

const VALUE_KEYWORDS = new Set(['enum', 'const', 'default']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', 'dependencies']);

/**
 * A canonical string for a schema with refs inlined (to a depth, cycles marked) and annotations
 * dropped: equal strings mean the same shape, whatever the `$ref` targets are called.
 */
export function fingerprint(location: SchemaLocation, resolver?: RefResolver, depth = 6): string {
  const active = new Set<unknown>();
  const walk = (loc: SchemaLocation, level: number): unknown => {
    const target = deref(loc, resolver);
    const node = target.schema;
    if (typeof node !== 'object' || node === null) return node;
    if (target.unresolved) return { $unresolved: target.unresolved };
    if (active.has(node) || level > depth) return { $cycle: true };
    active.add(node);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node).sort()) {
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      const value = node[key];
      if (VALUE_KEYWORDS.has(key)) out[key] = value;
      else if (key === 'required' && Array.isArray(value)) out[key] = [...value].sort();
      else if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        out[key] = Object.fromEntries(Object.keys(value).sort().map((name) => [name, walkValue((value as Record<string, unknown>)[name], target, level)]));
      } else out[key] = walkValue(value, target, level);
    }
    active.delete(node);
    return out;
  };
  const walkValue = (value: unknown, loc: SchemaLocation, level: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => walkValue(item, loc, level));
    if (value !== null && typeof value === 'object') return walk({ ...loc, schema: value as SchemaNode }, level + 1);
    return value;
  };
  return JSON.stringify(walk(location, 0));
}

/** Structural equality of two JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => jsonEqual(item, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((key) => Object.hasOwn(b as object, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
