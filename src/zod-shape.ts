import type { AnySchema } from './route-spec.js';

type ZodDef = { typeName?: string; innerType?: AnySchema; schema?: AnySchema; in?: AnySchema; type?: AnySchema; getter?: () => AnySchema };

/**
 * One step through a Zod wrapper that does not change what a value looks like on the wire
 * (optional, nullable, default, catch, readonly, effects, pipeline, brand, lazy): the inner schema,
 * and whether the wrapper lets the value be left out. `undefined` when `schema` is no such wrapper.
 */
export function unwrapStep(schema: AnySchema): { next: AnySchema; optional: boolean } | undefined {
  const def = schema._def as ZodDef;
  switch (def.typeName) {
    case 'ZodOptional':
    case 'ZodDefault':
      return { next: def.innerType as AnySchema, optional: true };
    case 'ZodNullable':
    case 'ZodCatch':
    case 'ZodReadonly':
      return { next: def.innerType as AnySchema, optional: false };
    case 'ZodEffects':
      return { next: def.schema as AnySchema, optional: false };
    case 'ZodBranded':
      return { next: def.type as AnySchema, optional: false };
    case 'ZodPipeline':
      return { next: def.in as AnySchema, optional: false };
    case 'ZodLazy':
      return { next: (def.getter as () => AnySchema)(), optional: false };
    default:
      return undefined;
  }
}

/** The schema under every wrapper `unwrapStep` knows, at most 32 deep. */
export function unwrapSchema(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 32; depth++) {
    const step = unwrapStep(current);
    if (!step) return current;
    current = step.next;
  }
  return current;
}
