import { STATUS_CODES } from 'node:http';
import type { ResolvedRoute } from '../src/resolve/resolved-route.js';
import { SCHEMA_REF_PREFIX, type OpenApiSchema, type SchemaComponents, type SchemaUse } from './schema-components.js';

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: OpenApiSchema }>;
}

/** The name of the one error component. */
export const ERROR_COMPONENT = 'ModuleError';

export const RESPONSE_REF_PREFIX = '#/components/responses/';

/** What the kit answers on its own, beside what a route declares: emitted once under `components.responses`. */
const KIT_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request does not match the contract; `details` lists every issue.' },
  401: { name: 'Unauthorized', description: 'No valid session.' },
  403: { name: 'Forbidden', description: 'The session lacks a permission the route requires.' },
  413: { name: 'PayloadTooLarge', description: "The request body is over the server's size limit." },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not of the content type the route takes.' },
  500: { name: 'InternalError', description: 'An unexpected error. The body carries a correlation id, never internals.' },
};

/** The kit's own responses that a set of operations refer to, for `components.responses`. */
export function kitResponseComponents(statuses: Iterable<number>): Record<string, OpenApiResponse> {
  const out: Record<string, OpenApiResponse> = {};
  for (const status of [...new Set(statuses)].sort((a, b) => a - b)) {
    const kit = KIT_RESPONSES[status];
    if (!kit) continue;
    out[kit.name] = { description: kit.description, content: { 'application/json': { schema: { $ref: `${SCHEMA_REF_PREFIX}${ERROR_COMPONENT}` } } } };
  }
  return out;
}

/**
 * Every status the route declares (bodies described by their output type; no content where the
 * route sends none), plus the ones the resolved route says auth and the binding can cause, each a
 * `$ref` to the kit's response component. Returns the kit statuses it referred to.
 */
export function routeResponses(route: ResolvedRoute, components: SchemaComponents, use: SchemaUse): { responses: Record<string, OpenApiResponse | { $ref: string }>; kit: number[] } {
  const responses: Record<string, OpenApiResponse | { $ref: string }> = {};
  for (const declared of route.responses) {
    const response: OpenApiResponse = { description: STATUS_CODES[declared.status] ?? `Status ${declared.status}` };
    if (declared.body) {
      const contentType = declared.contentType ?? 'application/json';
      response.content = { [contentType]: { schema: components.convert(declared.body.described, 'output', { ...use, hint: `${use.hint}Response${declared.status}` }) } };
    }
    responses[declared.status] = response;
  }
  const kit: number[] = [];
  for (const status of [...route.authStatuses, ...route.kitStatuses]) {
    if (responses[status] !== undefined) continue;
    const component = KIT_RESPONSES[status];
    if (!component) continue;
    responses[status] = { $ref: `${RESPONSE_REF_PREFIX}${component.name}` };
    kit.push(status);
  }
  return { responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))), kit };
}
