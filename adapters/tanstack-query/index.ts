export { createQueryUtils } from './create-query-utils.js';
export { byCursor, byPage } from './page-params.js';
export { queryKey } from './query-key.js';
export type {
  AnyRouteCall,
  InfiniteOptionsIn,
  MutationOptionsIn,
  QueryOptionsIn,
  QueryUtils,
  RouteData,
  RouteError,
  RouteInfiniteOptions,
  RouteInput,
  RouteMutationOptions,
  RouteQueryOptions,
  RouteQueryUtils,
  TaggedKey,
} from './route-query-utils.js';
