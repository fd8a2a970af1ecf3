import type { AnySchema } from '../../src/route-spec.js';
import { unwrapSchema } from '../../src/zod-shape.js';

type ZodDef = { typeName?: string; shape?: () => Record<string, AnySchema> };

const def = (schema: AnySchema | undefined): ZodDef | undefined => (schema as { _def?: ZodDef } | undefined)?._def;

/** The keys of an object schema (after unwrapping) whose value is an array schema. */
export function arrayKeysOf(schema: AnySchema | undefined): string[] {
  const object = def(unwrapSchema(schema));
  if (object?.typeName !== 'ZodObject' || typeof object.shape !== 'function') return [];
  return Object.entries(object.shape())
    .filter(([, value]) => def(unwrapSchema(value))?.typeName === 'ZodArray')
    .map(([key]) => key);
}
