import type { ProblemList } from '../src/problems.js';
import type { ResolvedRoute } from '../src/resolve/resolved-route.js';
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
  /** The scheme name for routes whose contract requires an `authorization` header. */
  headerScheme: string;
  problems: ProblemList;
  /** Names the route in problems: `route accounts.get`. */
  at: string;
  /** Collects the kit responses operations refer to. */
  kitStatuses: Set<number>;
}

/**
 * One operation from one resolved route: `operationId`, tags, texts, parameters, request body (its
 * input type), responses (their output types, plus the kit's own) and security.
 */
export function buildOperation(route: ResolvedRoute, context: OperationContext): Record<string, unknown> {
  const { components, problems, at } = context;
  const operationId = operationIdFor(route.name);
  const use = { user: at, hint: pascal(operationId) };
  const operation: Record<string, unknown> = { operationId };
  if (route.tags?.length) operation.tags = [...route.tags];
  if (route.summary !== undefined) operation.summary = route.summary;
  if (route.description !== undefined) operation.description = route.description;
  if (route.deprecated) operation.deprecated = true;

  const parameters = routeParameters(route, components, use);
  if (parameters.length > 0) operation.parameters = parameters;

  const body = route.input.body;
  if (body) {
    operation.requestBody = {
      required: body.required,
      content: { [route.contentType]: { schema: components.convert(body.described, 'input', { ...use, hint: `${use.hint}Body` }, false, route.contentType === 'multipart/form-data') } },
    };
  }

  const { responses, kit } = routeResponses(route, components, use);
  operation.responses = responses;
  for (const status of kit) context.kitStatuses.add(status);

  const security = operationSecurity(route, context.securitySchemes, context.headerScheme, context.version, problems, at);
  if (security) operation.security = security;
  if (route.auth?.permissions?.length) operation['x-permissions'] = [...route.auth.permissions];
  return operation;
}
