import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import type { AnySchema } from '../src/route-spec.js';
import { eventEnvelopeSchema } from '../src/events/event-envelope.js';
import { ModuleErrorSchema } from '../src/module-error.js';
import { ModuleManifestSchema } from '../src/module-manifest.js';
import { RouteDefinitionSchema } from '../src/route-definition.js';
import { SchemaReferenceSchema } from '../src/schema-reference.js';
import { ViewDefinitionSchema } from '../src/view-definition.js';
import type { ContractModule } from '../src/create-module.js';

export type JsonSchema = Record<string, unknown>;

export interface ToJsonSchemaOptions {
  /** Becomes the schema's `title`. */
  title?: string;
  /** Describe what the schema accepts (`input`) or what it produces after defaults and transforms (`output`). @default 'output' */
  io?: 'input' | 'output';
  /** Named schemas to emit once under `definitions` and reference by `$ref`. */
  definitions?: Record<string, AnySchema>;
}

/** Converts one Zod schema into a standalone JSON Schema (draft-07) document. */
export function toJsonSchema(schema: AnySchema, options: ToJsonSchemaOptions = {}): JsonSchema {
  const converted = zodToJsonSchema(schema, {
    target: 'jsonSchema7',
    $refStrategy: options.definitions ? 'root' : 'none',
    effectStrategy: 'input',
    pipeStrategy: options.io === 'input' ? 'input' : 'output',
    ...(options.definitions ? { definitions: options.definitions, definitionPath: 'definitions' } : {}),
    removeAdditionalStrategy: 'strict',
  }) as JsonSchema;
  const { $schema, ...rest } = converted;
  return { $schema, ...(options.title ? { title: options.title } : {}), ...rest };
}

/** The kit's own shapes, by file stem (`schema/<stem>.schema.json`). */
export const KIT_SCHEMAS = {
  'module-manifest': { title: 'ModuleManifest', schema: ModuleManifestSchema },
  'route-definition': { title: 'RouteDefinition', schema: RouteDefinitionSchema },
  'view-definition': { title: 'ViewDefinition', schema: ViewDefinitionSchema },
  'module-error': { title: 'ModuleError', schema: ModuleErrorSchema },
  'schema-reference': { title: 'SchemaReference', schema: SchemaReferenceSchema },
  'event-envelope': { title: 'EventEnvelope', schema: eventEnvelopeSchema },
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
  const named = new Map<unknown, string>();
  for (const name of module.namedSchemas) {
    const schema = module.schemas[name];
    if (schema && !named.has(schema._def)) named.set(schema._def, name);
  }
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(module.schemas)) {
    const used: string[] = [];
    const { $schema, ...root } = convertWithNamedRefs(schema, ['#'], named, used);
    const definitions: Record<string, JsonSchema> = {};
    for (let i = 0; i < used.length; i++) {
      const ref = used[i] as string;
      if (ref in definitions) continue;
      const { $schema: _, ...definition } = convertWithNamedRefs(module.schemas[ref] as AnySchema, ['#', 'definitions', ref], named, used);
      definitions[ref] = definition;
    }
    out[`${name}.schema.json`] = { $schema, title: name, ...root, ...(used.length > 0 ? { definitions: sortKeys(definitions) } : {}) };
  }
  return out;
}

function convertWithNamedRefs(schema: AnySchema, basePath: string[], named: Map<unknown, string>, used: string[]): JsonSchema {
  let rootEntered = false;
  return zodToJsonSchema(schema, {
    target: 'jsonSchema7',
    basePath,
    $refStrategy: 'none',
    effectStrategy: 'input',
    // Only `.strict()` objects say `additionalProperties: false`; others leave it out.
    removeAdditionalStrategy: 'strict',
    allowedAdditionalProperties: undefined,
    override: (def, refs, seen, forceResolution) => {
      if (def === schema._def && !rootEntered) {
        rootEntered = true;
        return ignoreOverride;
      }
      const name = named.get(def);
      if (name !== undefined) {
        used.push(name);
        return { $ref: `#/definitions/${name}` };
      }
      // An unnamed schema that contains itself refers back to where it was first entered.
      const isCycle = seen && !forceResolution && seen.path.length < refs.currentPath.length && seen.path.every((p, i) => refs.currentPath[i] === p);
      return isCycle ? { $ref: seen.path.join('/') } : ignoreOverride;
    },
  }) as JsonSchema;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Stable text for a JSON document: two-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
