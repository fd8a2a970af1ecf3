import { mayBeNull, unwrapDescription } from '../describe/presence.js';
import type { SchemaDescription } from '../describe/schema-description.js';

/**
 * How a string from a URL becomes the value a schema checks. Plain data, derived from the
 * description once; the server decodes with it and the document states the matching type.
 * - `string`: as it is;
 * - `number`: a JSON number (`-1.5e3`), `integer`: a plain decimal integer (`42`, `-7`);
 *   anything else (`0x10`, `' 5'`, `+5`) reads as NaN, which every number schema refuses;
 * - `boolean`: exactly `true` or `false`;
 * - `bigint`: a plain decimal integer; `date`: an ISO 8601 date or date-time;
 * - `object`: each field decoded by its own rule (deepObject keys);
 * - `oneOf`: the first rule whose value the option's schema accepts.
 * `nullable`: an empty value is `null` (the client sends `null` that way).
 */
export type WireDecoding =
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'bigint' | 'date'; nullable: boolean }
  | { type: 'object'; nullable: boolean; properties: Readonly<Record<string, WireDecoding>>; additional?: WireDecoding }
  | { type: 'oneOf'; nullable: boolean; options: readonly { decoding: WireDecoding; described: SchemaDescription }[] }
  | { type: 'items'; nullable: boolean; items: readonly WireDecoding[]; rest?: WireDecoding };

/** The decoding of one value, from its description. */
export function wireDecodingOf(node: SchemaDescription, depth = 0): WireDecoding {
  const nullable = mayBeNull(node, 'input');
  const core = unwrapDescription(node);
  if (depth > 8) return { type: 'string', nullable };
  switch (core.kind) {
    case 'number': {
      const integer = core.checks.some((check) => check.kind === 'int');
      return { type: integer ? 'integer' : 'number', nullable };
    }
    case 'bigint':
      return { type: 'bigint', nullable };
    case 'boolean':
      return { type: 'boolean', nullable };
    case 'date':
      return { type: 'date', nullable };
    case 'literal':
      if (typeof core.value === 'number') return { type: Number.isInteger(core.value) ? 'integer' : 'number', nullable };
      if (typeof core.value === 'boolean') return { type: 'boolean', nullable };
      if (typeof core.value === 'bigint') return { type: 'bigint', nullable };
      return { type: 'string', nullable };
    case 'enum':
      if (core.values.every((v) => typeof v === 'number')) return { type: 'number', nullable };
      if (core.values.some((v) => typeof v === 'number')) {
        return { type: 'oneOf', nullable, options: [{ decoding: { type: 'number', nullable: false }, described: core }, { decoding: { type: 'string', nullable: false }, described: core }] };
      }
      return { type: 'string', nullable };
    case 'object': {
      const properties: Record<string, WireDecoding> = {};
      for (const [key, value] of Object.entries(core.shape)) properties[key] = wireDecodingOf(value, depth + 1);
      return { type: 'object', nullable, properties, ...(core.catchall ? { additional: wireDecodingOf(core.catchall, depth + 1) } : {}) };
    }
    case 'record':
      return { type: 'object', nullable, properties: {}, additional: wireDecodingOf(core.values, depth + 1) };
    case 'array':
    case 'set':
      return { type: 'items', nullable, items: [], rest: wireDecodingOf(core.items, depth + 1) };
    case 'tuple':
      return { type: 'items', nullable, items: core.items.map((item) => wireDecodingOf(item, depth + 1)), ...(core.rest ? { rest: wireDecodingOf(core.rest, depth + 1) } : {}) };
    case 'union': {
      const options = core.options.filter((o) => o.kind !== 'null').map((option) => ({ decoding: wireDecodingOf(option, depth + 1), described: option }));
      if (options.every((o) => o.decoding.type === 'string')) return { type: 'string', nullable };
      return { type: 'oneOf', nullable, options };
    }
    default:
      return { type: 'string', nullable };
  }
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Decodes one value from the wire (a string, or what the query parser built from `key[field]`). */
export function decodeWireValue(decoding: WireDecoding, raw: unknown): unknown {
  if (decoding.nullable && raw === '' && decoding.type !== 'string') return null;
  switch (decoding.type) {
    case 'string':
      return raw;
    case 'number':
      return typeof raw === 'string' ? (NUMBER.test(raw) ? Number(raw) : Number.NaN) : raw;
    case 'integer':
      return typeof raw === 'string' ? (INTEGER.test(raw) ? Number(raw) : Number.NaN) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'bigint':
      return typeof raw === 'string' && INTEGER.test(raw) ? BigInt(raw) : raw;
    case 'date':
      return typeof raw === 'string' ? (ISO_DATE.test(raw) ? new Date(raw) : new Date(Number.NaN)) : raw;
    case 'object': {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw)) {
        const rule = Object.prototype.hasOwnProperty.call(decoding.properties, key) ? decoding.properties[key] : decoding.additional;
        out[key] = rule ? decodeWireValue(rule, value) : value;
      }
      return out;
    }
    case 'items':
      return Array.isArray(raw) ? raw.map((item, index) => decodeItem(decoding, index, item)) : raw;
    case 'oneOf': {
      for (const option of decoding.options) {
        const value = decodeWireValue(option.decoding, raw);
        if (option.described.schema.safeParse(value).success) return value;
      }
      return raw;
    }
  }
}

function decodeItem(decoding: Extract<WireDecoding, { type: 'items' }>, index: number, raw: unknown): unknown {
  const rule = decoding.items[index] ?? decoding.rest;
  return rule ? decodeWireValue(rule, raw) : raw;
}
