import { ContractNoBody, type AppRoute } from '@ts-rest/core';
import type { ResolvedRoute } from '../../src/resolve/resolved-route.js';

/**
 * The ts-rest route `@ts-rest/express` serves for a resolved route: its method, path, input
 * schemas and responses as the model states them. A response with no content (declared without
 * a body, or with a schema that admits only `undefined` such as `z.void()`) is sent with no body
 * and no content type.
 */
export function toAppRoute(route: ResolvedRoute): AppRoute {
  const responses: Record<number, unknown> = {};
  for (const { status, body, contentType } of route.responses) {
    responses[status] = !body ? ContractNoBody : contentType ? { contentType, body: body.schema } : body.schema;
  }
  const appRoute: Record<string, unknown> = {
    method: route.method,
    path: route.path,
    responses,
    pathParams: route.input.params?.schema,
    query: route.input.query?.schema,
    headers: route.input.headers?.schema,
    contentType: route.contentType,
  };
  if (route.method !== 'GET') appRoute.body = route.input.body?.schema ?? ContractNoBody;
  return appRoute as unknown as AppRoute;
}
