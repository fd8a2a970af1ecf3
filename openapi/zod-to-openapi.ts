import { ignoreOverride, zodToJsonSchema, type Options } from 'zod-to-json-schema';
import type { AnySchema } from '../src/route-spec.js';
import type { OpenApiVersion } from './openapi-options.js';

/** A schema in an OpenAPI document: JSON Schema (3.1) or the OpenAPI 3.0 subset. */
export type OpenApiSchema = Record<string, unknown>;

/** Which side of a Zod schema to describe: what it accepts, or what it produces after defaults and transforms. */
export type SchemaIo = 'input' | 'output';

/** The part of a Zod definition the converter reads. */
export type ZodDef = { typeName?: string; description?: string } & Record<string, unknown>;

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export interface ConvertSchemaOptions {
  version: OpenApiVersion;
  io: SchemaIo;
  /** The component name to reference instead of inlining `def`, if it has one. */
  refFor: (def: ZodDef) => string | undefined;
  /** Inline this definition at the root even though it has a component name. */
  inlineRoot?: ZodDef;
  /** Called when an unnamed definition contains itself; `path` is where it was first entered. */
  onRecursion: (def: ZodDef, path: readonly string[]) => void;
}

type Json = Record<string, unknown>;

/**
 * Converts one Zod schema into an OpenAPI schema with zod-to-json-schema: JSON Schema for 3.1,
 * the `nullable` dialect for 3.0. Named definitions become `$ref`s to `#/components/schemas/<name>`.
 */
export function zodToOpenApiSchema(schema: AnySchema, options: ConvertSchemaOptions): OpenApiSchema {
  const { version, io } = options;
  let rootEntered = false;

  const override: NonNullable<Options['override']> = (rawDef, refs, seen, forceResolution) => {
    const def = rawDef as unknown as ZodDef;
    if (def === options.inlineRoot && !rootEntered) {
      rootEntered = true;
      return ignoreOverride;
    }
    const name = options.refFor(def);
    if (name !== undefined) return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
    if (seen && !forceResolution && isAncestor(seen.path, refs.currentPath)) {
      options.onRecursion(def, seen.path);
      return {};
    }
    // A transform's output cannot be read from the schema: describe it as any value.
    if (io === 'output' && def.typeName === 'ZodEffects' && (def.effect as { type?: string } | undefined)?.type === 'transform') {
      return def.description ? { description: def.description } : {};
    }
    return ignoreOverride;
  };

  const postProcess: NonNullable<Options['postProcess']> = (jsonSchema, rawDef) => {
    if (!jsonSchema) return jsonSchema;
    const def = rawDef as unknown as ZodDef;
    let json = jsonSchema as Json;
    if (io === 'output' && def.typeName === 'ZodObject') json = requireOutputDefaults(json, def);
    if (def.typeName === 'ZodDiscriminatedUnion') json = discriminate(json, def);
    if (version === '3.1.0') json = toPrefixItems(json, def);
    else json = wrapRefSiblings(json);
    return json as typeof jsonSchema;
  };

  const converted = zodToJsonSchema(schema, {
    target: version === '3.0.3' ? 'openApi3' : 'jsonSchema7',
    $refStrategy: 'none',
    effectStrategy: 'input',
    pipeStrategy: io,
    // Only `.strict()` objects say `additionalProperties: false`; others leave it out.
    removeAdditionalStrategy: 'strict',
    allowedAdditionalProperties: undefined,
    override,
    postProcess,
  }) as Json;
  delete converted.$schema;
  return converted;
}

function isAncestor(path: readonly string[], current: readonly string[]): boolean {
  return path.length < current.length && path.every((segment, index) => current[index] === segment);
}

/** On the output side a property with a default (or a catch) is always present. */
function requireOutputDefaults(json: Json, def: ZodDef): Json {
  const properties = json.properties as Json | undefined;
  const shape = typeof def.shape === 'function' ? (def.shape as () => Record<string, AnySchema>)() : undefined;
  if (!properties || !shape) return json;
  const required = Object.keys(properties).filter((key) => {
    const property = shape[key];
    return property !== undefined && !isOutputOptional(property);
  });
  // Rebuilt in the same key order, so that an unchanged object reads the same on both sides.
  const out: Json = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'required') continue;
    out[key] = value;
    if (key === 'properties' && required.length > 0) out.required = required;
  }
  return out;
}

function isOutputOptional(schema: AnySchema): boolean {
  const typeName = (schema._def as ZodDef).typeName;
  if (typeName === 'ZodDefault' || typeName === 'ZodCatch') return false;
  try {
    return schema.isOptional();
  } catch {
    return true;
  }
}

/** A discriminated union's options exclude each other: `oneOf` with a `discriminator`, mapped where options are components. */
function discriminate(json: Json, def: ZodDef): Json {
  const anyOf = json.anyOf as Json[] | undefined;
  const key = def.discriminator as string | undefined;
  if (!anyOf || !key) return json;
  const options = (def.options ?? []) as AnySchema[];
  const mapping: Record<string, string> = {};
  if (anyOf.length === options.length) {
    options.forEach((option, index) => {
      const ref = anyOf[index]?.$ref;
      const shape = (option._def as ZodDef).shape as (() => Record<string, AnySchema>) | undefined;
      const value = shape?.()[key]?._def as ZodDef | undefined;
      if (typeof ref === 'string' && value?.typeName === 'ZodLiteral' && typeof value.value === 'string') mapping[value.value] = ref;
    });
  }
  const { anyOf: _anyOf, ...rest } = json;
  return { ...rest, oneOf: anyOf, discriminator: { propertyName: key, ...(Object.keys(mapping).length > 0 ? { mapping } : {}) } };
}

/** JSON Schema 2020-12 (OpenAPI 3.1) writes tuples with `prefixItems`, not an array of `items`. */
function toPrefixItems(json: Json, def: ZodDef): Json {
  if (def.typeName === 'ZodMap' && isRecord(json.items)) return { ...json, items: tupleItems(json.items) };
  return tupleItems(json);
}

function tupleItems(json: Json): Json {
  if (!Array.isArray(json.items)) return json;
  const { items, additionalItems, ...rest } = json;
  return { ...rest, prefixItems: items, ...(additionalItems !== undefined ? { items: additionalItems } : {}) };
}

/** OpenAPI 3.0 ignores keywords beside a `$ref`, so they go beside an `allOf` instead. */
function wrapRefSiblings(json: Json): Json {
  if (typeof json.$ref !== 'string' || Object.keys(json).length === 1) return json;
  const { $ref, ...rest } = json;
  return { allOf: [{ $ref }], ...rest };
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
