export { fromTsRestRoute, fromTsRestRouter } from './from-ts-rest.js';
export type { FromTsRestOptions, TsRestHandler, TsRestImplementation, TsRestRouteMetadata } from './from-ts-rest.js';
