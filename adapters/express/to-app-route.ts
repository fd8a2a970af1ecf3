import { ContractNoBody, isAppRoute, type AppRoute } from '@ts-rest/core';
import type { AnyRouteSpec } from '../../src/route-spec.js';

/**
 * The ts-rest route `@ts-rest/express` serves for a spec. A spec from a ts-rest contract keeps its
 * route (its responses, content types and metadata); every other spec gets one built from its
 * method, path, input and responses. Either way the input schemas are the spec's, so headers given
 * as ts-rest's plain object are validated as the one object schema the spec holds.
 */
export function toAppRoute(spec: AnyRouteSpec): AppRoute {
  const source = spec.source?.kind === 'ts-rest' && typeof spec.source.route === 'object' && spec.source.route !== null && isAppRoute(spec.source.route as AppRoute) ? (spec.source.route as AppRoute) : undefined;
  const responses = source?.responses ?? buildResponses(spec);
  const route: Record<string, unknown> = {
    ...source,
    method: spec.method,
    path: spec.path,
    responses,
    pathParams: spec.input.params,
    query: spec.input.query,
    headers: spec.input.headers,
  };
  if (spec.method === 'GET') delete route.body;
  else route.body = spec.input.body ?? ContractNoBody;
  return route as unknown as AppRoute;
}

function buildResponses(spec: AnyRouteSpec): AppRoute['responses'] {
  const responses: Record<number, unknown> = {};
  for (const [key, schema] of Object.entries(spec.responses)) {
    const status = Number(key);
    const body = schema ?? ContractNoBody;
    const contentType = spec.responseContentTypes?.[status];
    responses[status] = contentType && schema ? { contentType, body } : body;
  }
  return responses as AppRoute['responses'];
}
