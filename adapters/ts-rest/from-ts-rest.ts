import {
  isAppRoute,
  isAppRouteNoBody,
  isAppRouteOtherResponse,
  type AppRoute,
  type AppRouter,
  type HTTPStatusCode,
  type ServerInferRequest,
  type ServerInferResponses,
} from '@ts-rest/core';
import { z } from 'zod';
import type { AuthRequirementInput } from '../../src/auth-requirement.js';
import { normalizeAuthRequirement } from '../../src/auth-requirement.js';
import type { RequestContext } from '../../src/contexts.js';
import { ProblemList } from '../../src/problems.js';
import type { AnyRouteSpec, AnySchema, RouteResponseSchemas } from '../../src/route-spec.js';

/** A handler for one ts-rest route: input typed from the contract, only declared statuses allowed. */
export type TsRestHandler<TRoute extends AppRoute> = (
  request: ServerInferRequest<TRoute>,
  ctx: RequestContext,
) => Promise<ServerInferResponses<TRoute, HTTPStatusCode, 'force'>> | ServerInferResponses<TRoute, HTTPStatusCode, 'force'>;

/** Handlers keyed exactly like the contract, nested routers included. */
export type TsRestImplementation<TRouter extends AppRouter> = {
  [K in keyof TRouter]: TRouter[K] extends AppRoute
    ? TsRestHandler<TRouter[K]>
    : TRouter[K] extends AppRouter
      ? TsRestImplementation<TRouter[K]>
      : never;
};

/**
 * Route metadata the adapter reads from a ts-rest route's `metadata`.
 * @example c.router({ create: { ..., metadata: { auth: { permissions: ['accounts:write'] }, tags: ['accounts'] } } })
 */
export interface TsRestRouteMetadata {
  auth?: AuthRequirementInput;
  tags?: string[];
  /** Overrides the route name taken from the key path. */
  name?: string;
}

export interface FromTsRestOptions {
  /** Prepended to every route name: `billing` turns `invoices.get` into `billing.invoices.get`. */
  namePrefix?: string;
}

const PLAIN_TYPE_HINT = 'it is a c.type<>() with no runtime schema; use a Zod schema so it can be validated and documented';

/**
 * Turns one ts-rest route and its handler into a route spec.
 * @throws ValidationError naming the route when a part cannot be described (e.g. `c.type<>()`).
 */
export function fromTsRestRoute<TRoute extends AppRoute>(name: string, route: TRoute, handler: TsRestHandler<TRoute>): AnyRouteSpec {
  const problems = new ProblemList();
  const spec = convertRoute(name, [], route, handler as AnyHandler, problems);
  problems.throwIfAny('ts-rest', `route ${name}`);
  return spec;
}

/**
 * Turns a ts-rest contract and an implementation keyed like it into route specs, ready for
 * `createModule`. Route names are the key paths (`accounts.get`). Every problem across the contract
 * is reported in one error.
 * @example
 * const routes = fromTsRestRouter(contract, { accounts: { get: async ({ params }, ctx) => ({ status: 200, body: ... }) } });
 */
export function fromTsRestRouter<TRouter extends AppRouter>(
  router: TRouter,
  implementation: TsRestImplementation<TRouter>,
  options: FromTsRestOptions = {},
): AnyRouteSpec[] {
  const problems = new ProblemList();
  const specs: AnyRouteSpec[] = [];
  const walk = (node: AppRouter, impl: unknown, keys: string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      const path = [...keys, key];
      const name = [options.namePrefix, ...path].filter(Boolean).join('.');
      const childImpl = isRecord(impl) ? impl[key] : undefined;
      if (isAppRoute(child)) {
        if (typeof childImpl !== 'function') {
          problems.add(name, 'has no handler in the implementation');
          continue;
        }
        specs.push(convertRoute(name, path, child, childImpl as AnyHandler, problems));
      } else if (isRecord(child)) {
        if (!isRecord(childImpl)) problems.add(name, 'is a router but the implementation has no object at this key');
        walk(child as AppRouter, childImpl, path);
      } else {
        problems.add(name, 'is neither a route nor a router');
      }
    }
    if (isRecord(impl)) {
      for (const key of Object.keys(impl)) {
        if (!Object.hasOwn(node, key)) problems.add([options.namePrefix, ...keys, key].filter(Boolean).join('.'), 'is in the implementation but not in the contract');
      }
    }
  };
  walk(router, implementation, []);
  problems.throwIfAny('ts-rest', 'contract');
  return specs;
}

type AnyHandler = (request: never, ctx: RequestContext) => unknown;

function convertRoute(name: string, keyPath: string[], route: AppRoute, handler: AnyHandler, problems: ProblemList): AnyRouteSpec {
  const metadata = (isRecord(route.metadata) ? route.metadata : {}) as TsRestRouteMetadata;
  const routeName = typeof metadata.name === 'string' && metadata.name ? metadata.name : name;
  const at = `route ${routeName}`;

  const input: Record<string, AnySchema> = {};
  const take = (part: 'params' | 'query' | 'headers' | 'body', value: unknown) => {
    if (value === undefined || value === null || isAppRouteNoBody(value as never)) return;
    if (isZodSchema(value)) input[part] = value;
    else if (part === 'headers' && isRecord(value) && !Array.isArray(value)) {
      // ts-rest also takes headers as a plain object of Zod schemas (and merges router `baseHeaders` into one).
      const entries = Object.entries(value);
      const bad = entries.filter(([, v]) => !isZodSchema(v)).map(([k]) => k);
      if (bad.length > 0) problems.add(at, `headers ${bad.join(', ')} cannot be described: expected Zod schemas`);
      else if (entries.length > 0) input.headers = z.object(Object.fromEntries(entries) as Record<string, AnySchema>);
    } else problems.add(at, `${part} cannot be described: ${describeUnsupported(value)}`);
  };
  take('params', route.pathParams);
  take('query', route.query);
  take('headers', route.headers);
  if (route.method !== 'GET' && 'body' in route) take('body', route.body);

  const responses: Record<number, AnySchema | null> = {};
  const responseContentTypes: Record<number, string> = {};
  for (const [statusKey, response] of Object.entries(route.responses)) {
    const status = Number(statusKey);
    let body: unknown = response;
    if (isAppRouteOtherResponse(response)) {
      responseContentTypes[status] = response.contentType;
      body = response.body;
    }
    if (body === null || body === undefined || isAppRouteNoBody(body as never)) responses[status] = null;
    else if (isZodSchema(body)) responses[status] = body;
    else problems.add(at, `response ${status} cannot be described: ${describeUnsupported(body)}`);
  }

  const tags = Array.isArray(metadata.tags) ? metadata.tags.filter((t): t is string => typeof t === 'string') : keyPath.length > 1 ? [keyPath[0] as string] : undefined;
  const auth = normalizeAuthRequirement(metadata.auth);
  const contentType = 'contentType' in route ? route.contentType : undefined;

  const spec: AnyRouteSpec = {
    type: 'route',
    name: routeName,
    method: route.method,
    path: route.path,
    input,
    responses: responses as RouteResponseSchemas,
    handler: handler as AnyRouteSpec['handler'],
    source: { kind: 'ts-rest', route },
  };
  if (route.summary !== undefined) spec.summary = route.summary;
  if (route.description !== undefined) spec.description = route.description;
  if (route.deprecated) spec.deprecated = true;
  if (tags?.length) spec.tags = tags;
  if (auth) spec.auth = auth;
  if (contentType) spec.contentType = contentType;
  if (Object.keys(responseContentTypes).length > 0) spec.responseContentTypes = responseContentTypes;
  if (route.metadata !== undefined) spec.metadata = route.metadata;
  return spec;
}

// Any schema with `safeParse` is taken as one; createModule's reader refuses the ones that are not Zod 3, naming the route.
function isZodSchema(value: unknown): value is AnySchema {
  return isRecord(value) && typeof value.safeParse === 'function';
}

function describeUnsupported(value: unknown): string {
  if (typeof value === 'symbol') return PLAIN_TYPE_HINT;
  return `expected a Zod schema, got ${Array.isArray(value) ? 'an array' : typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
