import type { ProblemList } from '../src/problems.js';
import type { AnyRouteSpec } from '../src/route-spec.js';
import type { OpenApiVersion } from './openapi-options.js';
import { operationIdFor } from './operation-id.js';
import { routeParameters } from './parameters.js';
import { routeResponses } from './responses.js';
import { pascal, type SchemaComponents } from './schema-components.js';
import { operationSecurity } from './security.js';

export interface OperationContext {
  version: OpenApiVersion;
  components: SchemaComponents;
  securitySchemes: Record<string, { type?: string }>;
  problems: ProblemList;
  /** Names the route in problems: `route accounts.get`. */
  at: string;
}

/**
 * One operation from one route: `operationId`, tags, texts, parameters, request body (its input
 * type), responses (their output types, plus the kit's own errors) and security.
 */
export function buildOperation(route: AnyRouteSpec, context: OperationContext): Record<string, unknown> {
  const { components, problems, at } = context;
  const operationId = operationIdFor(route.name);
  const use = { user: at, hint: pascal(operationId) };
  const operation: Record<string, unknown> = { operationId };
  if (route.tags?.length) operation.tags = [...route.tags];
  if (route.summary !== undefined) operation.summary = route.summary;
  if (route.description !== undefined) operation.description = route.description;
  if (route.deprecated) operation.deprecated = true;

  const parameters = routeParameters(route, components, use, problems, at);
  if (parameters.length > 0) operation.parameters = parameters;

  const body = route.input.body;
  if (body) {
    const contentType = route.contentType ?? 'application/json';
    operation.requestBody = {
      required: !isOptional(body),
      content: { [contentType]: { schema: components.convert(body, 'input', { ...use, hint: `${use.hint}Body` }) } },
    };
  }

  operation.responses = routeResponses(route, components, use);

  const security = operationSecurity(route.auth, context.securitySchemes, context.version, problems, at);
  if (security) operation.security = security;
  if (route.auth?.permissions?.length) operation['x-permissions'] = [...route.auth.permissions];
  return operation;
}

function isOptional(schema: { isOptional(): boolean }): boolean {
  try {
    return schema.isOptional();
  } catch {
    return false;
  }
}
