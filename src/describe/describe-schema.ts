import { ValidationError } from '../error-taxonomy.js';
import type { AnySchema } from '../route-spec.js';
import { isUncheckedSchema } from './unchecked.js';
import type { EffectKind, NumberCheck, SchemaDescription, StringCheck, StringFormat } from './schema-description.js';

// The only place in the kit that reads Zod 3's private definitions (`_def`).
type Def = Record<string, unknown> & { typeName?: string; description?: string };

const cache = new WeakMap<object, SchemaDescription>();
const MAX_LAZY_DEPTH = 64;

export interface DescribeOptions {
  /** Names the schema in errors: `route accounts.get body`. */
  at?: string;
}

/**
 * Describes a Zod 3 schema as plain data: its kind, wrappers, checks, formats and the parts that
 * run code (refine, transform, preprocess, custom). Every other module of the kit reads schemas
 * through this description. A schema that contains itself (`z.lazy`) gives a description that
 * contains itself: walkers keep a set of the nodes they have entered.
 * @throws ValidationError when `schema` is not a Zod 3 schema (a `zod/v4` one, for example).
 */
export function describeSchema(schema: unknown, options: DescribeOptions = {}): SchemaDescription {
  assertZod3(schema, options.at ?? 'schema');
  return describe(schema, options.at ?? 'schema', 0);
}

/** Whether `value` is a Zod 3 schema (structurally, so two installed copies of Zod both count). */
export function isZod3Schema(value: unknown): value is AnySchema {
  return zodFlavour(value) === 'zod3';
}

function zodFlavour(value: unknown): 'zod3' | 'zod4' | 'other' {
  if (typeof value !== 'object' || value === null) return 'other';
  const candidate = value as { _zod?: unknown; _def?: unknown; safeParse?: unknown };
  if (typeof candidate._zod === 'object' && candidate._zod !== null) return 'zod4';
  const def = candidate._def as Def | undefined;
  if (typeof candidate.safeParse === 'function' && typeof def === 'object' && def !== null && typeof def.typeName === 'string' && def.typeName.startsWith('Zod')) return 'zod3';
  return 'other';
}

function assertZod3(value: unknown, at: string): asserts value is AnySchema {
  const flavour = zodFlavour(value);
  if (flavour === 'zod3') return;
  const message =
    flavour === 'zod4'
      ? `${at}: is a Zod 4 schema (from "zod/v4" or zod@4); the kit reads Zod 3 schemas: import { z } from 'zod' with zod@3.25`
      : `${at}: is not a Zod schema (got ${describeValue(value)})`;
  throw new ValidationError(`[describe] ${message}`, { details: [{ at, message }] });
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

function describe(schema: AnySchema, at: string, lazyDepth: number): SchemaDescription {
  const known = cache.get(schema);
  if (known) return known;
  assertZod3(schema, at);
  const def = schema._def as Def;
  // Filled in place after it is cached, so a schema reached again through z.lazy finds itself.
  const node = {
    schema,
    ...(typeof def.description === 'string' ? { description: def.description } : {}),
    ...(isUncheckedSchema(schema) ? { unchecked: true } : {}),
  } as Record<string, unknown>;
  cache.set(schema, node as unknown as SchemaDescription);
  const child = (value: unknown, where: string, depth = lazyDepth) => describe(value as AnySchema, `${at}${where}`, depth);
  const coerce = def.coerce === true;
  try {
    fill(node, def, coerce, child, at, lazyDepth);
  } catch (error) {
    cache.delete(schema);
    throw error;
  }
  return node as unknown as SchemaDescription;
}

type Child = (value: unknown, where: string, depth?: number) => SchemaDescription;

function fill(node: Record<string, unknown>, def: Def, coerce: boolean, child: Child, at: string, lazyDepth: number): void {
  switch (def.typeName) {
    case 'ZodString':
      Object.assign(node, { kind: 'string', coerce, checks: (def.checks as RawCheck[]).map(stringCheck) });
      break;
    case 'ZodNumber':
      Object.assign(node, { kind: 'number', coerce, checks: (def.checks as RawCheck[]).map(numberCheck) });
      break;
    case 'ZodBigInt':
      Object.assign(node, { kind: 'bigint', coerce, checks: (def.checks as RawCheck[]).map(numberCheck) });
      break;
    case 'ZodBoolean':
      Object.assign(node, { kind: 'boolean', coerce });
      break;
    case 'ZodDate': {
      const checks = def.checks as RawCheck[];
      const min = checks.find((c) => c.kind === 'min')?.value as number | undefined;
      const max = checks.find((c) => c.kind === 'max')?.value as number | undefined;
      Object.assign(node, { kind: 'date', coerce, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
      break;
    }
    case 'ZodLiteral':
      Object.assign(node, { kind: 'literal', value: def.value });
      break;
    case 'ZodEnum':
      Object.assign(node, { kind: 'enum', values: [...(def.values as string[])] });
      break;
    case 'ZodNativeEnum': {
      const object = def.values as Record<string, string | number>;
      // TypeScript numeric enums map values back to names: keep only the values.
      const values = Object.keys(object)
        .filter((key) => typeof object[object[key] as string] !== 'number')
        .map((key) => object[key] as string | number);
      Object.assign(node, { kind: 'enum', values: [...new Set(values)] });
      break;
    }
    case 'ZodNull':
    case 'ZodUndefined':
    case 'ZodVoid':
    case 'ZodAny':
    case 'ZodUnknown':
    case 'ZodNever':
    case 'ZodNaN':
    case 'ZodSymbol':
    case 'ZodFunction':
    case 'ZodPromise':
      Object.assign(node, { kind: SIMPLE[def.typeName] });
      break;
    case 'ZodArray': {
      const exact = (def.exactLength as { value: number } | null)?.value;
      const min = exact ?? (def.minLength as { value: number } | null)?.value;
      const max = exact ?? (def.maxLength as { value: number } | null)?.value;
      Object.assign(node, { kind: 'array', items: child(def.type, '[]'), ...(min !== undefined ? { minItems: min } : {}), ...(max !== undefined ? { maxItems: max } : {}) });
      break;
    }
    case 'ZodSet': {
      const min = (def.minSize as { value: number } | null)?.value;
      const max = (def.maxSize as { value: number } | null)?.value;
      Object.assign(node, { kind: 'set', items: child(def.valueType, '[]'), ...(min !== undefined ? { minItems: min } : {}), ...(max !== undefined ? { maxItems: max } : {}) });
      break;
    }
    case 'ZodTuple':
      Object.assign(node, {
        kind: 'tuple',
        items: (def.items as AnySchema[]).map((item, index) => child(item, `[${index}]`)),
        ...(def.rest ? { rest: child(def.rest, '[...]') } : {}),
      });
      break;
    case 'ZodObject': {
      const shape = (def.shape as () => Record<string, AnySchema>)();
      const described: Record<string, SchemaDescription> = {};
      for (const key of Object.keys(shape)) described[key] = child(shape[key], `.${key}`);
      const catchall = def.catchall as AnySchema | undefined;
      const hasCatchall = catchall !== undefined && (catchall._def as Def).typeName !== 'ZodNever';
      Object.assign(node, {
        kind: 'object',
        shape: described,
        unknownKeys: def.unknownKeys as 'strip' | 'strict' | 'passthrough',
        ...(hasCatchall ? { catchall: child(catchall, '.*') } : {}),
      });
      break;
    }
    case 'ZodRecord':
      Object.assign(node, { kind: 'record', keys: child(def.keyType, '{key}'), values: child(def.valueType, '{value}') });
      break;
    case 'ZodMap':
      Object.assign(node, { kind: 'map', keys: child(def.keyType, '{key}'), values: child(def.valueType, '{value}') });
      break;
    case 'ZodUnion':
      Object.assign(node, { kind: 'union', options: (def.options as AnySchema[]).map((option, index) => child(option, `|${index}`)) });
      break;
    case 'ZodDiscriminatedUnion': {
      const options = [...((def.options as AnySchema[] | undefined) ?? (def.optionsMap as Map<unknown, AnySchema>).values())];
      Object.assign(node, { kind: 'union', discriminator: def.discriminator as string, options: options.map((option, index) => child(option, `|${index}`)) });
      break;
    }
    case 'ZodIntersection':
      Object.assign(node, { kind: 'intersection', left: child(def.left, '&left'), right: child(def.right, '&right') });
      break;
    case 'ZodOptional':
    case 'ZodNullable':
    case 'ZodReadonly':
    case 'ZodCatch':
      Object.assign(node, { kind: WRAPPER[def.typeName], inner: child(def.innerType, '') });
      break;
    case 'ZodDefault':
      Object.assign(node, { kind: 'default', inner: child(def.innerType, ''), defaultValue: def.defaultValue as () => unknown });
      break;
    case 'ZodBranded':
      Object.assign(node, { kind: 'brand', inner: child(def.type, '') });
      break;
    case 'ZodLazy': {
      if (lazyDepth >= MAX_LAZY_DEPTH) throw describeError(at, 'z.lazy() builds a new schema on every call, so the recursion never closes; build it once and return that');
      Object.assign(node, { kind: 'lazy', inner: child((def.getter as () => AnySchema)(), '', lazyDepth + 1) });
      break;
    }
    case 'ZodEffects': {
      const effect = (def.effect as { type: string }).type;
      const inner = child(def.schema, '');
      Object.assign(node, { kind: 'effect', effect: effectKind(effect, inner), inner });
      break;
    }
    case 'ZodPipeline':
      Object.assign(node, { kind: 'pipe', in: child(def.in, ''), out: child(def.out, '') });
      break;
    default:
      throw describeError(at, `uses ${def.typeName ?? 'an unknown Zod type'}, which the kit cannot describe`);
  }
}

const SIMPLE: Record<string, string> = {
  ZodNull: 'null',
  ZodUndefined: 'undefined',
  ZodVoid: 'void',
  ZodAny: 'any',
  ZodUnknown: 'unknown',
  ZodNever: 'never',
  ZodNaN: 'nan',
  ZodSymbol: 'symbol',
  ZodFunction: 'function',
  ZodPromise: 'promise',
};

const WRAPPER: Record<string, string> = { ZodOptional: 'optional', ZodNullable: 'nullable', ZodReadonly: 'readonly', ZodCatch: 'catch' };

function effectKind(type: string, inner: SchemaDescription): EffectKind {
  if (type === 'transform') return 'transform';
  if (type === 'preprocess') return 'preprocess';
  // z.custom() and z.instanceof() are a refinement over z.any().
  return inner.kind === 'any' ? 'custom' : 'refine';
}

function describeError(at: string, message: string): ValidationError {
  return new ValidationError(`[describe] ${at}: ${message}`, { details: [{ at, message }] });
}

type RawCheck = { kind: string; value?: unknown; inclusive?: boolean; regex?: RegExp; position?: number; [option: string]: unknown };

const FORMATS = new Set<StringFormat>(['email', 'url', 'uuid', 'nanoid', 'cuid', 'cuid2', 'ulid', 'emoji', 'datetime', 'date', 'time', 'duration', 'ip', 'cidr', 'base64', 'base64url', 'jwt']);

function stringCheck(check: RawCheck): StringCheck {
  const { kind, value } = check;
  switch (kind) {
    case 'min':
    case 'max':
    case 'length':
      return { kind, value: value as number };
    case 'regex':
      return { kind: 'regex', source: (check.regex as RegExp).source, flags: (check.regex as RegExp).flags };
    case 'startsWith':
    case 'endsWith':
      return { kind, value: value as string };
    case 'includes':
      return { kind, value: value as string, ...(check.position !== undefined ? { position: check.position } : {}) };
    case 'trim':
    case 'toLowerCase':
    case 'toUpperCase':
      return { kind: 'rewrite', name: kind };
    default: {
      if (!FORMATS.has(kind as StringFormat)) throw new Error(`unknown Zod string check "${kind}"`);
      const { kind: _kind, message: _message, ...options } = check;
      return { kind: 'format', format: kind as StringFormat, options };
    }
  }
}

function numberCheck(check: RawCheck): NumberCheck {
  switch (check.kind) {
    case 'int':
    case 'finite':
      return { kind: check.kind };
    case 'min':
    case 'max':
      return { kind: check.kind, value: Number(check.value), inclusive: check.inclusive !== false };
    case 'multipleOf':
      return { kind: 'multipleOf', value: Number(check.value) };
    default:
      throw new Error(`unknown Zod number check "${check.kind}"`);
  }
}
