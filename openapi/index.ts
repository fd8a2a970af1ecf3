export { formatJson, kitJsonSchemas, KIT_SCHEMAS, lossyParts, moduleJsonSchemas, toJsonSchema } from './json-schema.js';
export type { JsonSchema, ToJsonSchemaOptions } from './json-schema.js';
export { generateOpenApi } from './generate-openapi.js';
export type { GenerateOpenApiOptions, OpenApi30Options, OpenApi31Options, OpenApiDocument, OpenApiVersion } from './openapi-options.js';
export { openApiToJson, openApiToYaml } from './format-document.js';
export { operationIdFor } from './operation-id.js';
export { serveDocs } from './serve-docs.js';
export type { DocsApp, DocsRequest, DocsResponse, ServeDocsOptions } from './serve-docs.js';
