export { fromTsRestRoute, fromTsRestRouter } from './from-ts-rest.js';
export type { FromTsRestOptions, TsRestAuthMapper, TsRestHandler, TsRestImplementation, TsRestRequest, TsRestRouteMetadata } from './from-ts-rest.js';
export { isNoBodyMarker, isOtherResponse, isPlainTypeMarker, isTsRestRoute } from './markers.js';
