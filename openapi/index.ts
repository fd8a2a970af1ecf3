export { formatJson, kitJsonSchemas, KIT_SCHEMAS, moduleJsonSchemas, toJsonSchema } from './json-schema.js';
export type { JsonSchema, ToJsonSchemaOptions } from './json-schema.js';
