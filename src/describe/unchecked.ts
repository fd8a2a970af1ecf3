import { z } from 'zod';
import type { AnySchema } from '../route-spec.js';

const unchecked = new WeakSet<object>();

/** What the documents say of a part that has no runtime schema. */
export const UNCHECKED_DESCRIPTION = 'No runtime schema (c.type<>()): not validated, documented as any value.';

/**
 * A stand-in schema for a contract part that has no runtime schema (ts-rest's `c.type<T>()`):
 * it accepts any value, and `createModule` reports it as a warning (an error with `strict: true`).
 */
export function uncheckedSchema(): AnySchema {
  const schema = z.unknown().describe(UNCHECKED_DESCRIPTION);
  unchecked.add(schema);
  return schema;
}

/** Whether a schema is the stand-in for a part with no runtime schema. */
export function isUncheckedSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && unchecked.has(schema);
}
