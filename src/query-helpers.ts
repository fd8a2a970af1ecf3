import { z } from 'zod';

/** A plain decimal integer as written in a URL: `0`, `42`, `-7`; no `+`, spaces, exponent, or `0x`/`0b`/`0o` prefix. */
const DECIMAL_INTEGER = /^(0|-?[1-9]\d*)$/;

/**
 * A query value: a string on the wire (with a pattern or an enum) read into `TValue`. Callers pass
 * `TValue` itself, which the kit's clients write in the wire form; hence the input type.
 */
export type QueryValue<TValue, TInput = TValue> = z.ZodType<TValue, z.ZodTypeDef, TInput>;

export interface QueryIntegerOptions {
  min?: number;
  max?: number;
  /** The value when the key is absent. Give it here rather than with `.default()`, which would be read as a wire string. */
  default?: number;
}

/**
 * Query schema for an integer. Only a plain decimal integer is read from the wire, so `?page=0x10`,
 * `?page=+5` or `?page= 5` get 400, where `z.coerce.number()` reads them as numbers.
 * @example query: z.object({ year: queryInteger({ min: 1900 }).optional() })
 */
export function queryInteger(options: QueryIntegerOptions & { default: number }): QueryValue<number, number | undefined>;
export function queryInteger(options?: QueryIntegerOptions): QueryValue<number>;
export function queryInteger(options: QueryIntegerOptions = {}): QueryValue<number, number | undefined> {
  let value = z.number().int().safe();
  if (options.min !== undefined) value = value.min(options.min);
  if (options.max !== undefined) value = value.max(options.max);
  const wire = z.string().regex(DECIMAL_INTEGER, 'Expected a decimal integer');
  const read = options.default === undefined ? wire : wire.default(String(options.default));
  return read.transform(Number).pipe(value) as unknown as QueryValue<number, number | undefined>;
}

/**
 * Query schema for a flag: reads exactly `true` or `false` and refuses anything else. Use it
 * instead of `z.coerce.boolean()`, which reads `?archived=false` as `true`.
 * @example query: z.object({ archived: queryBoolean({ default: false }) })
 */
export function queryBoolean(options: { default: boolean }): QueryValue<boolean, boolean | undefined>;
export function queryBoolean(options?: { default?: undefined }): QueryValue<boolean>;
export function queryBoolean(options: { default?: boolean } = {}): QueryValue<boolean, boolean | undefined> {
  const wire = z.enum(['true', 'false']);
  const read = options.default === undefined ? wire : wire.default(options.default ? 'true' : 'false');
  return read.transform((flag) => flag === 'true') as unknown as QueryValue<boolean, boolean | undefined>;
}
