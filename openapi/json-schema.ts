import { zodToJsonSchema } from 'zod-to-json-schema';
import type { AnySchema } from '../src/route-spec.js';
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
 * Named schemas nested inside others are emitted under `definitions` and referenced.
 */
export function moduleJsonSchemas(module: ContractModule): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(module.schemas)) {
    const definitions = Object.fromEntries(
      module.namedSchemas.filter((other) => other !== name).map((other) => [other, module.schemas[other] as AnySchema]),
    );
    out[`${name}.schema.json`] = toJsonSchema(schema, { title: name, definitions });
  }
  return out;
}

/** Stable text for a JSON document: two-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
