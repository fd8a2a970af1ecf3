export { authStatusesOf } from './auth-statuses.js';
export { decodeQuery, type QueryIssue } from './decode-query.js';
export * from './resolved-route.js';
export { resolveRoute, type ResolveOptions } from './resolve-route.js';
export { SchemaRegistry } from './schema-registry.js';
export { decodeWireValue, wireDecodingOf, type WireDecoding } from './wire-decoding.js';
