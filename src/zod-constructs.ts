import type { AnySchema } from './route-spec.js';

/** A Zod construct that JSON Schema (and so every language generated from it) cannot express. */
export interface LossyConstruct {
  /** Where in the value: `` for the root, then `.key`, `[]` (items), `[0]` (tuple), `{}` (record values), `|1` (union member). */
  path: string;
  /** `refine`, `transform`, `preprocess`, `custom`, `coerce`, `pipe`, `catch`, `Date`, `bigint`, `Map`, `Set`... */
  construct: string;
  /** The Zod type that carries it (`ZodEffects`, `ZodDate`...). */
  zodType: string;
}

type Def = Record<string, unknown> & { typeName?: string };

const UNREPRESENTABLE: Record<string, string> = {
  ZodDate: 'Date',
  ZodBigInt: 'bigint',
  ZodMap: 'Map',
  ZodSet: 'Set',
  ZodSymbol: 'symbol',
  ZodFunction: 'function',
  ZodPromise: 'promise',
  ZodNaN: 'NaN',
};

/**
 * Every construct in a schema that JSON Schema cannot express, with its path. Like `zod-shape.ts`,
 * this reads Zod's definitions; nothing else in the artifact writer does.
 */
export function lossyConstructs(schema: AnySchema): LossyConstruct[] {
  const out: LossyConstruct[] = [];
  const seen = new Set<unknown>();
  const walk = (node: AnySchema | undefined, path: string): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const def = node._def as Def;
    const type = def.typeName ?? 'unknown';
    const add = (construct: string) => out.push({ path, construct, zodType: type });
    if (type in UNREPRESENTABLE) add(UNREPRESENTABLE[type] as string);
    if (def.coerce === true) add('coerce');
    switch (type) {
      case 'ZodEffects': {
        const effect = (def.effect as { type?: string } | undefined)?.type;
        const inner = def.schema as AnySchema;
        add(effect === 'refinement' ? ((inner._def as Def).typeName === 'ZodAny' ? 'custom' : 'refine') : (effect ?? 'effect'));
        return walk(inner, path);
      }
      case 'ZodObject': {
        for (const [key, value] of Object.entries((def.shape as () => Record<string, AnySchema>)())) walk(value, `${path}.${key}`);
        if ((def.catchall as AnySchema | undefined)?._def && ((def.catchall as AnySchema)._def as Def).typeName !== 'ZodNever') walk(def.catchall as AnySchema, `${path}{}`);
        return;
      }
      case 'ZodArray':
        return walk(def.type as AnySchema, `${path}[]`);
      case 'ZodSet':
        return walk(def.valueType as AnySchema, `${path}[]`);
      case 'ZodTuple':
        (def.items as AnySchema[]).forEach((item, i) => walk(item, `${path}[${i}]`));
        return walk(def.rest as AnySchema | undefined, `${path}[]`);
      case 'ZodRecord':
      case 'ZodMap':
        walk(def.keyType as AnySchema, `${path}{key}`);
        return walk(def.valueType as AnySchema, `${path}{}`);
      case 'ZodUnion':
      case 'ZodDiscriminatedUnion':
        return [...(def.options as Iterable<AnySchema>)].forEach((option, i) => walk(option, `${path}|${i}`));
      case 'ZodIntersection':
        walk(def.left as AnySchema, `${path}&0`);
        return walk(def.right as AnySchema, `${path}&1`);
      case 'ZodPipeline':
        add('pipe');
        return walk(def.in as AnySchema, path);
      case 'ZodCatch':
        add('catch');
        return walk(def.innerType as AnySchema, path);
      case 'ZodLazy':
        return walk((def.getter as () => AnySchema)(), path);
      case 'ZodBranded':
        return walk(def.type as AnySchema, path);
      case 'ZodOptional':
      case 'ZodNullable':
      case 'ZodDefault':
      case 'ZodReadonly':
        return walk(def.innerType as AnySchema, path);
      default:
        return;
    }
  };
  walk(schema, '');
  return out;
}
