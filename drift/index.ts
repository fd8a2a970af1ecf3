export { diffSchemas } from './diff-schemas.js';
export type { DiffSchemasOptions, SchemaChange, SchemaDiff } from './diff-schemas.js';
export { createSchemaStore, resolveRef } from './resolve-ref.js';
export type { RefResolver, SchemaLocation, SchemaNode } from './resolve-ref.js';
export { SCHEMA_RULES, ruleSeverity } from './rules.js';
export type { ChangeEffect, ChangeSeverity, DiffDirection, RuleId, RuleInfo } from './rules.js';
