import type { AnySchema } from '../src/route-spec.js';
import { eventEnvelopeSchema } from '../src/events/event-envelope.js';
import { ModuleDiscoverySchema } from '../src/discovery.js';
import { ModuleErrorSchema } from '../src/module-error.js';
import { ModuleManifestSchema } from '../src/module-manifest.js';
import { RouteDefinitionSchema } from '../src/route-definition.js';
import { SchemaReferenceSchema } from '../src/schema-reference.js';
import { ViewDefinitionSchema } from '../src/view-definition.js';
import type { ContractModule } from '../src/create-module.js';
import { describeSchema } from '../src/describe/describe-schema.js';
import type { SchemaDescription } from '../src/describe/schema-description.js';
import { emitJsonSchema, type JsonSchemaDialect, type LossyPart } from '../src/json-schema/emit-json-schema.js';

export type JsonSchema = Record<string, unknown>;

export interface ToJsonSchemaOptions {
  /** Becomes the schema's `title`. */
  title?: string;
  /** Describe what the schema accepts (`input`) or what it produces after defaults and transforms (`output`). @default 'output' */
  io?: 'input' | 'output';
  /** Named schemas to emit once under `definitions` and reference by `$ref`. */
  definitions?: Record<string, AnySchema>;
  /** Write every one of `definitions`, not only those the schema uses. @default false */
  allDefinitions?: boolean;
  /** Refer to `definitions` without writing them (the caller has them already). @default false */
  refsOnly?: boolean;
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * Converts one Zod schema into a standalone JSON Schema (draft-07) document. Named `definitions`
 * are emitted once under `definitions` and referenced wherever they occur (the root included,
 * unless it is itself one of them).
 */
export function toJsonSchema(schema: AnySchema, options: ToJsonSchemaOptions = {}): JsonSchema {
  const io = options.io ?? 'output';
  const named = new Map<SchemaDescription, string>();
  for (const [name, value] of Object.entries(options.definitions ?? {})) named.set(describeSchema(value, { at: `definitions.${name}` }), name);
  const root = describeSchema(schema, { at: options.title ?? 'schema' });
  const used: string[] = [];
  const emit = (node: SchemaDescription, base: string) =>
    emitJsonSchema(node, {
      io,
      dialect: 'draft-07',
      inlineRoot: true,
      refFor: (current) => {
        const name = named.get(current);
        if (name === undefined) return undefined;
        used.push(name);
        return `#/definitions/${name}`;
      },
      onRecursion: (_node, path) => `${base}${path}`,
    });
  const body = emit(root, '#');
  if (options.refsOnly) return { $schema: DRAFT_07, ...(options.title ? { title: options.title } : {}), ...body };
  if (options.allDefinitions) for (const name of named.values()) used.push(name);
  const definitions: Record<string, JsonSchema> = {};
  for (let i = 0; i < used.length; i++) {
    const name = used[i] as string;
    if (name in definitions) continue;
    const node = [...named].find(([, n]) => n === name)?.[0] as SchemaDescription;
    definitions[name] = emit(node, `#/definitions/${name}`);
  }
  return { $schema: DRAFT_07, ...(options.title ? { title: options.title } : {}), ...body, ...(used.length > 0 ? { definitions: sortKeys(definitions) } : {}) };
}

/** Every place where a schema's JSON Schema cannot state exactly what Zod enforces, on either side. */
export function lossyParts(schema: AnySchema, dialect: JsonSchemaDialect = '2020-12'): LossyPart[] {
  const node = describeSchema(schema);
  const parts = new Map<string, LossyPart>();
  for (const io of ['input', 'output'] as const) {
    emitJsonSchema(node, { io, dialect, onLossy: (part) => parts.set(`${part.path} ${part.construct}`, part), onRecursion: (_n, path) => `#${path}` });
  }
  return [...parts.values()];
}

/** The kit's own shapes, by file stem (`schema/<stem>.schema.json`). */
export const KIT_SCHEMAS = {
  'module-manifest': { title: 'ModuleManifest', schema: ModuleManifestSchema },
  'route-definition': { title: 'RouteDefinition', schema: RouteDefinitionSchema },
  'view-definition': { title: 'ViewDefinition', schema: ViewDefinitionSchema },
  'module-error': { title: 'ModuleError', schema: ModuleErrorSchema },
  'schema-reference': { title: 'SchemaReference', schema: SchemaReferenceSchema },
  'event-envelope': { title: 'EventEnvelope', schema: eventEnvelopeSchema },
  'module-discovery': { title: 'ModuleDiscovery', schema: ModuleDiscoverySchema },
} as const;

/** JSON Schema documents for the kit's own shapes, keyed by file name. */
export function kitJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(KIT_SCHEMAS).map(([stem, { title, schema }]) => [`${stem}.schema.json`, toJsonSchema(schema, { title })]),
  );
}

/**
 * JSON Schema documents for every schema a module's manifest names, keyed by `<name>.schema.json`,
 * so services in other languages (Python with Pydantic, for example) can generate their models.
 * Schemas the module named are `$ref`s to `definitions` wherever they are nested; everything else is
 * inlined, so no reference points into the middle of another schema.
 */
export function moduleJsonSchemas(module: ContractModule): Record<string, JsonSchema> {
  const definitions: Record<string, AnySchema> = {};
  for (const name of module.namedSchemas) {
    const schema = module.schemas[name];
    if (schema && !Object.values(definitions).includes(schema)) definitions[name] = schema;
  }
  const out: Record<string, JsonSchema> = {};
  // What each schema accepts: defaults may be left out, as Zod fills them in.
  for (const [name, schema] of Object.entries(module.schemas)) out[`${name}.schema.json`] = toJsonSchema(schema, { title: name, definitions, io: 'input' });
  return out;
}

/** A record with its keys in sorted order, for stable documents. */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Stable text for a JSON document: two-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
