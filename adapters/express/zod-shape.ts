import type { AnySchema } from '../../src/route-spec.js';

type ZodDef = { typeName?: string; innerType?: AnySchema; schema?: AnySchema; in?: AnySchema; type?: AnySchema; getter?: () => AnySchema; shape?: () => Record<string, AnySchema> };

const def = (schema: AnySchema | undefined): ZodDef | undefined => (schema as { _def?: ZodDef } | undefined)?._def;

/** The schema under optional/nullable/default/catch/readonly/brand/effects/pipeline/lazy wrappers. */
export function unwrapSchema(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 32; depth++) {
    const d = def(current);
    switch (d?.typeName) {
      case 'ZodOptional':
      case 'ZodNullable':
      case 'ZodDefault':
      case 'ZodCatch':
      case 'ZodReadonly':
        current = d.innerType;
        break;
      case 'ZodEffects':
        current = d.schema;
        break;
      case 'ZodPipeline':
        current = d.in;
        break;
      case 'ZodBranded':
        current = d.type;
        break;
      case 'ZodLazy':
        current = d.getter?.();
        break;
      default:
        return current;
    }
  }
  return current;
}

/** The keys of an object schema (after unwrapping) whose value is an array schema. */
export function arrayKeysOf(schema: AnySchema | undefined): string[] {
  const object = def(unwrapSchema(schema));
  if (object?.typeName !== 'ZodObject' || typeof object.shape !== 'function') return [];
  return Object.entries(object.shape())
    .filter(([, value]) => def(unwrapSchema(value))?.typeName === 'ZodArray')
    .map(([key]) => key);
}
