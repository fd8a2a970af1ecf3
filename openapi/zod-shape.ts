import type { AnySchema } from '../src/route-spec.js';
import { unwrapStep as inner } from '../src/zod-shape.js';
import type { ZodDef } from './zod-to-openapi.js';

/** The `z.object()` under wrappers such as `.optional()`, `.refine()` or `z.lazy()`, and whether the whole may be left out. */
export function unwrapObject(schema: AnySchema): { object: AnySchema; shape: Record<string, AnySchema>; optional: boolean } | undefined {
  let current = schema;
  let optional = false;
  for (let depth = 0; depth < 32; depth++) {
    const def = current._def as ZodDef;
    if (def.typeName === 'ZodObject') return { object: current, shape: (def.shape as () => Record<string, AnySchema>)(), optional };
    const step = inner(current);
    if (!step) return undefined;
    optional ||= step.optional;
    current = step.next;
  }
  return undefined;
}

/** How a query value is put on the URL: arrays repeat their key, objects use `key[field]`, the rest is a scalar. */
export function valueKind(schema: AnySchema): 'array' | 'object' | 'scalar' {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const typeName = (current._def as ZodDef).typeName;
    if (typeName === 'ZodArray' || typeName === 'ZodSet' || typeName === 'ZodTuple') return 'array';
    if (typeName === 'ZodObject' || typeName === 'ZodRecord') return 'object';
    const step = inner(current);
    if (!step) return 'scalar';
    current = step.next;
  }
  return 'scalar';
}
