import { STATUS_CODES } from 'node:http';
import type { AnyRouteSpec, AnySchema } from '../src/route-spec.js';
import type { SchemaComponents, SchemaUse } from './schema-components.js';
import { SCHEMA_REF_PREFIX, type OpenApiSchema } from './zod-to-openapi.js';

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: OpenApiSchema }>;
}

/** The name of the one error component. */
export const ERROR_COMPONENT = 'ModuleError';

/** What the kit answers on its own, beside what a route declares. */
const AUTOMATIC: Record<number, string> = {
  400: 'The request does not match the contract; `details` lists every issue.',
  401: 'No valid session.',
  403: 'The session lacks a permission the route requires.',
  413: 'The request body is over the server\'s size limit.',
  415: 'The request body is not of the content type the route takes.',
  500: 'An unexpected error. The body carries a correlation id, never internals.',
};

/**
 * Every status the route declares (bodies described by their output type), plus the ones the kit
 * sends on its own: 400 when the route takes input, 413 and 415 when it takes a body, 401 when it
 * requires a session, 403 when it requires permissions, 500 always.
 */
export function routeResponses(route: AnyRouteSpec, components: SchemaComponents, use: SchemaUse): Record<string, OpenApiResponse> {
  const responses: Record<string, OpenApiResponse> = {};
  const declared = Object.entries(route.responses as Record<string, AnySchema | null>);
  for (const [status, schema] of declared) {
    const response: OpenApiResponse = { description: STATUS_CODES[Number(status)] ?? `Status ${status}` };
    if (schema) {
      const contentType = route.responseContentTypes?.[Number(status)] ?? 'application/json';
      response.content = { [contentType]: { schema: components.convert(schema, 'output', { ...use, hint: `${use.hint}Response${status}` }) } };
    }
    responses[status] = response;
  }
  const automatic: number[] = [];
  if (Object.values(route.input).some(Boolean)) automatic.push(400);
  if (route.auth && route.auth.required !== false) automatic.push(401);
  if (route.auth?.permissions?.length) automatic.push(403);
  if (route.input.body) automatic.push(413, 415);
  automatic.push(500);
  for (const status of automatic) {
    if (responses[status] !== undefined) continue;
    responses[status] = { description: AUTOMATIC[status] as string, content: { 'application/json': { schema: { $ref: `${SCHEMA_REF_PREFIX}${ERROR_COMPONENT}` } } } };
  }
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
}
