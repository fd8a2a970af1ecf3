import { QUERY_STYLE } from '../src/query-string.js';
import type { ResolvedRoute } from '../src/resolve/resolved-route.js';
import type { SchemaComponents, SchemaUse, OpenApiSchema } from './schema-components.js';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  description?: string;
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema: OpenApiSchema;
}

/** OpenAPI ignores header parameters with these names: they are described by the body, responses and security. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** `/api/accounts/:id` → `/api/accounts/{id}` */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * The parameters of a resolved route: every path parameter (required), then one query parameter
 * per key with the wire format the route resolved (`QUERY_STYLE`; repeated keys state the most
 * values the server takes as `maxItems`), then headers.
 */
export function routeParameters(route: ResolvedRoute, components: SchemaComponents, use: SchemaUse): OpenApiParameter[] {
  const parameters: OpenApiParameter[] = [];
  const hint = (part: string) => ({ ...use, hint: `${use.hint}${part}` });

  const params = route.input.params ? objectProperties(components.convert(route.input.params.described, 'input', hint('Params'), true)) : undefined;
  for (const name of route.pathParams) {
    const property = params?.[name];
    parameters.push({ name, in: 'path', ...describe(property), required: true, schema: withoutDescription(property) ?? { type: 'string' } });
  }

  for (const query of route.query) {
    const converted = components.convert(query.described, 'input', hint(`Query${query.name}`));
    let schema = withoutDescription(converted) as OpenApiSchema;
    // The server reads at most `maxItems` values of a repeated key, whatever the schema allows.
    if (query.wire === 'repeated' && query.maxItems !== undefined && schema.$ref === undefined) {
      schema = { ...schema, maxItems: Math.min((schema.maxItems as number | undefined) ?? Infinity, query.maxItems) };
    }
    const parameter: OpenApiParameter = { name: query.name, in: 'query', ...describe(converted), schema };
    if (query.required) parameter.required = true;
    if (query.wire === 'repeated') Object.assign(parameter, QUERY_STYLE.array);
    if (query.wire === 'deepObject') Object.assign(parameter, QUERY_STYLE.object);
    parameters.push(parameter);
  }

  for (const header of route.headers) {
    if (IGNORED_HEADERS.has(header.name.toLowerCase())) continue;
    const converted = components.convert(header.described, 'input', hint(`Header${header.name}`));
    const parameter: OpenApiParameter = { name: header.name, in: 'header', ...describe(converted), schema: withoutDescription(converted) as OpenApiSchema };
    if (header.required) parameter.required = true;
    parameters.push(parameter);
  }
  return parameters;
}

function objectProperties(converted: OpenApiSchema): Record<string, OpenApiSchema> {
  return (converted.properties ?? {}) as Record<string, OpenApiSchema>;
}

function describe(property: OpenApiSchema | undefined): { description?: string } {
  return typeof property?.description === 'string' ? { description: property.description } : {};
}

function withoutDescription(property: OpenApiSchema | undefined): OpenApiSchema | undefined {
  if (!property || typeof property.description !== 'string') return property;
  const { description: _description, ...rest } = property;
  return rest;
}
