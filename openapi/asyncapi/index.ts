export { asyncApiToJson, asyncApiToYaml, generateAsyncApi } from './generate-asyncapi.js';
export type { AsyncApiDocument, AsyncApiMessage, AsyncApiServer, GenerateAsyncApiOptions } from './generate-asyncapi.js';
export { eventJsonSchemas } from './event-schemas.js';

