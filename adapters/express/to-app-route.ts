import { ContractNoBody, type AppRoute } from '@ts-rest/core';
import type { AnyRouteSpec } from '../../src/route-spec.js';
import { isNoBodyMarker, isTsRestRoute } from '../ts-rest/markers.js';

/**
 * The ts-rest route `@ts-rest/express` serves for a spec. A spec from a ts-rest contract keeps its
 * route (its responses, content types and metadata); every other spec gets one built from its
 * method, path, input and responses. Either way the input schemas are the spec's, so headers given
 * as ts-rest's plain object are validated as the one object schema the spec holds.
 */
export function toAppRoute(spec: AnyRouteSpec): AppRoute {
  const source = spec.source?.kind === 'ts-rest' && isTsRestRoute(spec.source.route) ? (spec.source.route as AppRoute) : undefined;
  const responses = source ? withOwnMarkers(source.responses) : buildResponses(spec);
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

/**
 * The route's responses with `c.noBody()` from any copy of @ts-rest/core replaced by this copy's,
 * which is the one `@ts-rest/express` compares against to send an empty response.
 */
function withOwnMarkers(responses: AppRoute['responses']): AppRoute['responses'] {
  const out: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(responses)) {
    if (isNoBodyMarker(response)) out[status] = ContractNoBody;
    else out[status] = response;
  }
  return out as AppRoute['responses'];
}
