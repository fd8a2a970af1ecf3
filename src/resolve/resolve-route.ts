import { normalizeAuthRequirement } from '../auth-requirement.js';
import { describeSchema } from '../describe/describe-schema.js';
import { acceptsOnlyUndefined, mayBeAbsent, unwrapDescription } from '../describe/presence.js';
import type { SchemaDescription } from '../describe/schema-description.js';
import type { Diagnostic } from '../diagnostic.js';
import type { ProblemList } from '../problems.js';
import { pathParamNames, type AnyRouteSpec, type AnySchema } from '../route-spec.js';
import { authStatusesOf } from './auth-statuses.js';
import {
  QUERY_MAX_ITEMS,
  type ResolvedCredentials,
  type ResolvedHeaderParameter,
  type ResolvedQueryParameter,
  type ResolvedResponse,
  type ResolvedRoute,
  type ResolvedSchema,
} from './resolved-route.js';
import type { SchemaRegistry } from './schema-registry.js';
import { wireDecodingOf } from './wire-decoding.js';

const INPUT_PARTS = ['params', 'query', 'headers', 'body'] as const;

/**
 * Resolves one route spec into the model every surface reads: schemas described once, query
 * parameters with their wire format, the statuses auth and the binding can cause, and the
 * declared responses. Problems are collected under `at`.
 */
export interface ResolveOptions {
  /** Collects findings that do not stop the module (a part with no runtime schema). */
  diagnostics: Diagnostic[];
  /** Make those findings problems. */
  strict: boolean;
}

export function resolveRoute(spec: AnyRouteSpec, registry: SchemaRegistry, problems: ProblemList, at: string, options: ResolveOptions = { diagnostics: [], strict: false }): ResolvedRoute | undefined {
  const kind = spec.source?.kind === 'ts-rest' ? 'ts-rest' : 'zod';
  const count = problems.items.length;
  const resolveSchema = (schema: AnySchema, part: string, derived: string): ResolvedSchema | undefined => {
    try {
      const described = describeSchema(schema, { at: `route ${spec.name} ${part}` });
      if (described.unchecked) {
        const message = 'no runtime schema (c.type<>()): not validated, documented as any value';
        if (options.strict) problems.add(at, `${part}: ${message} (strict: give it a Zod schema)`);
        else options.diagnostics.push({ level: 'warning', at: `route ${spec.name} ${part}`, message });
      }
      return { schema, described, reference: registry.reference(schema, derived, kind) };
    } catch (error) {
      problems.add(at, (error as Error).message.replace(/^\[describe\] /, ''));
      return undefined;
    }
  };

  const input: ResolvedRoute['input'] = {};
  for (const part of INPUT_PARTS) {
    const schema = spec.input?.[part];
    if (!schema) continue;
    const resolved = resolveSchema(schema, part, `${spec.name}.${part}`);
    if (!resolved) continue;
    if (part === 'body') input.body = { ...resolved, required: !mayBeAbsent(resolved.described, 'input') };
    else input[part] = resolved;
  }

  const pathParams = pathParamNames(spec.path);
  const optional = [...spec.path.matchAll(/:([A-Za-z0-9_]+)\?/g)].map((m) => m[1]);
  if (optional.length > 0) {
    problems.add(
      at,
      `path "${spec.path}" has the optional parameter(s) ${optional.map((name) => `":${name}?"`).join(', ')}: OpenAPI has no optional path parameters, so the server, the document and the clients could not agree; declare one route without the segment and one with it`,
    );
  }
  const params = input.params ? objectShape(input.params.described, 'params', problems, at) : undefined;
  if (params) {
    const inPath = new Set(pathParams);
    for (const key of Object.keys(params.shape)) {
      if (!inPath.has(key)) problems.add(at, `params schema declares "${key}", which is not a parameter of path "${spec.path}"`);
    }
  }

  const query: ResolvedQueryParameter[] = [];
  const queryObject = input.query ? objectShape(input.query.described, 'query', problems, at) : undefined;
  if (queryObject) {
    for (const [name, described] of Object.entries(queryObject.shape)) query.push(queryParameter(name, described, queryObject.optional));
  }

  const headers: ResolvedHeaderParameter[] = [];
  const headerObject = input.headers ? objectShape(input.headers.described, 'headers', problems, at) : undefined;
  if (headerObject) {
    for (const [name, described] of Object.entries(headerObject.shape)) {
      headers.push({ name, described, required: !headerObject.optional && !mayBeAbsent(described, 'input') });
    }
  }

  const responses: ResolvedResponse[] = [];
  for (const [key, schema] of Object.entries(spec.responses ?? {})) {
    const status = Number(key);
    const contentType = spec.responseContentTypes?.[status];
    const response: ResolvedResponse = { status, ...(contentType ? { contentType } : {}) };
    if (schema) {
      const body = resolveSchema(schema as AnySchema, `response ${key}`, `${spec.name}.responses.${key}`);
      // A schema that admits only `undefined` (z.void()) is a response with no content.
      if (body && !acceptsOnlyUndefined(body.described)) response.body = body;
    }
    responses.push(response);
  }
  responses.sort((a, b) => a.status - b.status);

  const auth = normalizeAuthRequirement(spec.auth);
  const credentials: ResolvedCredentials | undefined = auth
    ? { kind: 'session', requirement: auth }
    : headers.some((h) => h.name.toLowerCase() === 'authorization' && h.required)
      ? { kind: 'authorization-header' }
      : undefined;

  const takesBody = spec.method !== 'GET' && input.body !== undefined;
  const kitStatuses = [...(Object.keys(input).length > 0 ? [400] : []), ...(takesBody ? [413, 415] : []), 500];
  if (problems.items.length > count) return undefined;

  return {
    name: spec.name,
    method: spec.method,
    path: spec.path,
    pathParams,
    ...(spec.summary !== undefined ? { summary: spec.summary } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.tags?.length ? { tags: [...spec.tags] } : {}),
    ...(spec.deprecated ? { deprecated: true } : {}),
    contentType: spec.contentType ?? 'application/json',
    input,
    query,
    headers,
    ...(auth ? { auth } : {}),
    ...(credentials ? { credentials } : {}),
    authStatuses: authStatusesOf(auth),
    kitStatuses,
    responses,
    spec,
  };
}

function objectShape(described: SchemaDescription, part: string, problems: ProblemList, at: string) {
  const core = unwrapDescription(described);
  if (core.kind !== 'object') {
    problems.add(at, `${part} must be a z.object() so that each key becomes a parameter (got ${core.kind})`);
    return undefined;
  }
  return { shape: core.shape, optional: mayBeAbsent(described, 'input') };
}

function queryParameter(name: string, described: SchemaDescription, partOptional: boolean): ResolvedQueryParameter {
  const required = !partOptional && !mayBeAbsent(described, 'input');
  const core = unwrapDescription(described);
  const decoding = wireDecodingOf(described);
  if (core.kind === 'array' || core.kind === 'set' || core.kind === 'tuple') {
    const own = core.kind === 'tuple' ? (core.rest ? undefined : core.items.length) : core.maxItems;
    return {
      name,
      required,
      wire: 'repeated',
      decoding,
      container: core.kind,
      maxItems: Math.min(own ?? QUERY_MAX_ITEMS, QUERY_MAX_ITEMS),
      described,
    };
  }
  if (core.kind === 'object' || core.kind === 'record') return { name, required, wire: 'deepObject', decoding, described };
  return { name, required, wire: 'scalar', decoding, described };
}
