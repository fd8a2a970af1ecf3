import type { JsonSchema } from '../openapi/json-schema.js';

/** The JSON Schema dialect of the files `build` writes. */
export type JsonSchemaDraft = '2020-12' | '07';

export const DRAFT_URIS: Record<JsonSchemaDraft, string> = {
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
  '07': 'http://json-schema.org/draft-07/schema#',
};

/** The file name of a named schema: `<Name>.schema.json`. */
export function schemaFileName(name: string): string {
  return `${name}.schema.json`;
}

/**
 * Turns the documents of `moduleJsonSchemas` (each with the named schemas it uses under
 * `definitions` or `$defs`) into one standalone file per schema: `$id` and `title` set, a named schema nested
 * anywhere becomes `{"$ref": "<Name>.schema.json"}`, and the dialect is `draft`.
 *
 * This only rewrites the emitter's output; it never looks at Zod.
 */
export function toSchemaFiles(documents: Record<string, JsonSchema>, draft: JsonSchemaDraft = '2020-12'): Map<string, JsonSchema> {
  const names = new Set(Object.keys(documents).map((file) => file.replace(/\.schema\.json$/, '')));
  const files = new Map<string, JsonSchema>();
  for (const [file, document] of Object.entries(documents)) {
    const name = file.replace(/\.schema\.json$/, '');
    // The emitter's documents carry named schemas under `definitions` (draft-07) or `$defs` (2020-12).
    const { $schema: _, title: __, definitions, $defs, ...root } = document as JsonSchema & { definitions?: Record<string, JsonSchema>; $defs?: Record<string, JsonSchema> };
    // Definitions that have a file of their own are referenced there; any other stays local.
    const local = Object.entries({ ...definitions, ...$defs }).filter(([ref]) => !names.has(ref));
    const defsKey = draft === '2020-12' ? '$defs' : 'definitions';
    const body = convert({ ...root, ...(local.length > 0 ? { [defsKey]: Object.fromEntries(local) } : {}) }, names, draft) as JsonSchema;
    files.set(schemaFileName(name), { $schema: DRAFT_URIS[draft], $id: schemaFileName(name), title: name, ...body });
  }
  return files;
}

// Keywords whose value is a schema, a list of schemas, or a map of schemas; anything else
// (`enum`, `const`, `default`, `examples`, ...) is data and is copied untouched.
const SCHEMA_KEYWORDS = new Set(['items', 'additionalItems', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

function convert(schema: unknown, names: Set<string>, draft: JsonSchemaDraft): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') out[key] = convertRef(value, names, draft);
    else if (SCHEMA_KEYWORDS.has(key)) out[key] = Array.isArray(value) ? value.map((v) => convert(v, names, draft)) : convert(value, names, draft);
    else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) out[key] = value.map((v) => convert(v, names, draft));
    else if (SCHEMA_MAP_KEYWORDS.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, names, draft)]));
    } else out[key] = value;
  }
  if (draft === '2020-12' && Array.isArray(out.items)) {
    // Draft-07 tuples (`items: [...]`, `additionalItems`) are `prefixItems` and `items` in 2020-12.
    const { items, additionalItems, ...rest } = out;
    return { ...rest, prefixItems: items, ...(additionalItems !== undefined ? { items: additionalItems } : {}) };
  }
  if (draft === '07' && Array.isArray(out.prefixItems)) {
    // And back, should the emitter already speak 2020-12.
    const { prefixItems, items, ...rest } = out;
    return { ...rest, items: prefixItems, ...(items !== undefined ? { additionalItems: items } : {}) };
  }
  return out;
}

function convertRef(ref: string, names: Set<string>, draft: JsonSchemaDraft): string {
  const named = /^#\/(?:definitions|\$defs)\/([^/]+)$/.exec(ref);
  if (named && names.has(decodeURIComponent(named[1] as string))) return schemaFileName(decodeURIComponent(named[1] as string));
  return draft === '2020-12' ? ref.replace(/^#\/definitions\//, '#/$defs/') : ref.replace(/^#\/\$defs\//, '#/definitions/');
}
