import type { ProblemList } from '../src/problems.js';
import { QUERY_STYLE } from '../src/query-string.js';
import { pathParamNames, type AnyRouteSpec, type AnySchema } from '../src/route-spec.js';
import type { SchemaComponents, SchemaUse } from './schema-components.js';
import type { OpenApiSchema } from './zod-to-openapi.js';
import { unwrapObject, valueKind } from './zod-shape.js';

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
 * The parameters of a route: every path parameter (required), then one query parameter per key of
 * the query object with the `style`/`explode` the kit's client sends (`QUERY_STYLE`), then headers.
 */
export function routeParameters(route: AnyRouteSpec, components: SchemaComponents, use: SchemaUse, problems: ProblemList, at: string): OpenApiParameter[] {
  const parameters: OpenApiParameter[] = [];

  const params = route.input.params ? objectProperties(route.input.params, 'params', components, use, problems, at) : undefined;
  for (const name of pathParamNames(route.path)) {
    const property = params?.properties[name];
    parameters.push({ name, in: 'path', ...describe(property), required: true, schema: withoutDescription(property) ?? { type: 'string' } });
  }

  for (const [part, location] of [['query', 'query'], ['headers', 'header']] as const) {
    const schema = route.input[part];
    if (!schema) continue;
    const object = objectProperties(schema, part, components, use, problems, at);
    if (!object) continue;
    for (const [name, property] of Object.entries(object.properties)) {
      if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue;
      const parameter: OpenApiParameter = { name, in: location, ...describe(property), schema: withoutDescription(property) as OpenApiSchema };
      if (object.required.has(name)) parameter.required = true;
      if (location === 'query') {
        const kind = valueKind(object.shape[name] as AnySchema);
        if (kind !== 'scalar') Object.assign(parameter, QUERY_STYLE[kind]);
      }
      parameters.push(parameter);
    }
  }
  return parameters;
}

function objectProperties(schema: AnySchema, part: string, components: SchemaComponents, use: SchemaUse, problems: ProblemList, at: string) {
  const unwrapped = unwrapObject(schema);
  if (!unwrapped) {
    problems.add(at, `${part} must be a z.object() so that each key becomes a parameter`);
    return undefined;
  }
  const converted = components.convert(unwrapped.object, 'input', { ...use, hint: `${use.hint}${part[0]!.toUpperCase()}${part.slice(1)}` }, true);
  const properties = (converted.properties ?? {}) as Record<string, OpenApiSchema>;
  const required = new Set(unwrapped.optional ? [] : ((converted.required ?? []) as string[]));
  return { properties, required, shape: unwrapped.shape };
}

function describe(property: OpenApiSchema | undefined): { description?: string } {
  return typeof property?.description === 'string' ? { description: property.description } : {};
}

function withoutDescription(property: OpenApiSchema | undefined): OpenApiSchema | undefined {
  if (!property || typeof property.description !== 'string') return property;
  const { description: _description, ...rest } = property;
  return rest;
}
