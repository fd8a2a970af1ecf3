import type { AnySchema } from '../route-spec.js';
import { describeSchema } from './describe-schema.js';
import type { SchemaDescription } from './schema-description.js';

/** A Zod construct that JSON Schema (and so every language generated from it) cannot express. */
export interface LossyConstruct {
  /** Where in the value: `` for the root, then `.key`, `[]` (items), `[0]` (tuple), `{}` (record values), `|1` (union member). */
  path: string;
  /** `refine`, `transform`, `preprocess`, `custom`, `coerce`, `pipe`, `catch`, `Date`, `bigint`, `Map`, `Set`, `unchecked`... */
  construct: string;
  /** The Zod type that carries it (`ZodEffects`, `ZodDate`...). */
  zodType: string;
}

const UNREPRESENTABLE: Partial<Record<SchemaDescription['kind'], [string, string]>> = {
  date: ['Date', 'ZodDate'],
  bigint: ['bigint', 'ZodBigInt'],
  map: ['Map', 'ZodMap'],
  set: ['Set', 'ZodSet'],
  symbol: ['symbol', 'ZodSymbol'],
  function: ['function', 'ZodFunction'],
  promise: ['promise', 'ZodPromise'],
  nan: ['NaN', 'ZodNaN'],
};

const ZOD_TYPE: Partial<Record<SchemaDescription['kind'], string>> = { string: 'ZodString', number: 'ZodNumber', boolean: 'ZodBoolean', date: 'ZodDate', bigint: 'ZodBigInt' };

/** Every construct in a schema that JSON Schema cannot express, with its path, read from its description. */
export function lossyConstructs(schema: AnySchema): LossyConstruct[] {
  const out: LossyConstruct[] = [];
  const seen = new Set<SchemaDescription>();
  const walk = (node: SchemaDescription | undefined, path: string): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const add = (construct: string, zodType: string) => out.push({ path, construct, zodType });
    const unrepresentable = UNREPRESENTABLE[node.kind];
    if (unrepresentable) add(...unrepresentable);
    if ('coerce' in node && node.coerce) add('coerce', ZOD_TYPE[node.kind] ?? 'ZodType');
    if (node.unchecked) add('unchecked', 'ZodUnknown');
    switch (node.kind) {
      case 'effect':
        add(node.effect, 'ZodEffects');
        return walk(node.inner, path);
      case 'object':
        for (const [key, value] of Object.entries(node.shape)) walk(value, `${path}.${key}`);
        return walk(node.catchall, `${path}{}`);
      case 'array':
      case 'set':
        return walk(node.items, `${path}[]`);
      case 'tuple':
        node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
        return walk(node.rest, `${path}[]`);
      case 'record':
      case 'map':
        walk(node.keys, `${path}{key}`);
        return walk(node.values, `${path}{}`);
      case 'union':
        return node.options.forEach((option, i) => walk(option, `${path}|${i}`));
      case 'intersection':
        walk(node.left, `${path}&0`);
        return walk(node.right, `${path}&1`);
      case 'pipe':
        add('pipe', 'ZodPipeline');
        return walk(node.in, path);
      case 'catch':
        add('catch', 'ZodCatch');
        return walk(node.inner, path);
      case 'lazy':
      case 'brand':
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        return walk(node.inner, path);
      default:
        return;
    }
  };
  walk(describeSchema(schema), '');
  return out;
}
