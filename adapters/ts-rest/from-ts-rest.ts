import {
  type AppRoute,
  type AppRouter,
  type HTTPStatusCode,
  type ServerInferRequest,
  type ServerInferResponses,
  type ZodInferOrType,
} from '@ts-rest/core';
import { z } from 'zod';
import { AuthRequirementSchema, normalizeAuthRequirement, type AuthRequirement, type AuthRequirementInput } from '../../src/auth-requirement.js';
import type { RequestContext } from '../../src/contexts.js';
import { uncheckedSchema } from '../../src/describe/unchecked.js';
import { warnOnConsole, type DiagnosticHandler } from '../../src/diagnostic.js';
import { ProblemList } from '../../src/problems.js';
import type { AnyRouteSpec, AnySchema, RouteResponseSchemas } from '../../src/route-spec.js';
import { isNoBodyMarker, isOtherResponse, isPlainTypeMarker, isTsRestRoute } from './markers.js';

/**
 * The request a handler gets. As ts-rest infers it, except that a multipart body keeps its file
 * fields: the binding hands them over as `File` objects inside `body`.
 */
export type TsRestRequest<TRoute extends AppRoute> = TRoute extends { contentType: 'multipart/form-data'; body: infer TBody }
  ? Omit<ServerInferRequest<TRoute>, 'body'> & { body: ZodInferOrType<TBody> }
  : ServerInferRequest<TRoute>;

/** A handler for one ts-rest route: input typed from the contract, only declared statuses allowed. */
export type TsRestHandler<TRoute extends AppRoute> = (
  request: TsRestRequest<TRoute>,
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
 * Route metadata the adapter reads from a ts-rest route's `metadata`; everything else in it belongs
 * to the application and is carried along untouched. `auth` counts only in the kit's object shape;
 * any other value is an error naming the route, unless the `auth` option says how to read it.
 * @example c.router({ create: { ..., metadata: { auth: { permissions: ['accounts:write'] }, tags: ['accounts'] } } })
 */
export interface TsRestRouteMetadata {
  auth?: AuthRequirement;
  tags?: string[];
  /** Overrides the route name taken from the key path. */
  name?: string;
}

/**
 * Maps a route's own `metadata` to the kit's auth requirement: `true` or `{}` for "a session is
 * required", `{ permissions }` for permissions, `false`/`undefined` for a public route.
 */
export type TsRestAuthMapper = (metadata: unknown, route: AppRoute, name: string) => AuthRequirementInput | undefined;

export interface FromTsRestOptions {
  /** Prepended to every route name: `billing` turns `invoices.get` into `billing.invoices.get`. */
  namePrefix?: string;
  /**
   * Where the kit's auth requirement lives in your metadata. When given, `metadata.auth` is not read
   * by the kit at all: this function alone decides.
   * @default reads `metadata.auth` in the kit's shape `{ required?, permissions?, schemes? }`
   * @example auth: (metadata) => ((metadata as { auth?: unknown })?.auth === true ? { required: true } : undefined)
   */
  auth?: TsRestAuthMapper;
  /**
   * Receives each warning: metadata the kit ignored (a `tags` that is not a list of strings, a
   * `name` that is not a string). Errors are thrown together, never passed here.
   * @default writes each warning to the console
   */
  onWarning?: DiagnosticHandler;
}

/**
 * Turns one ts-rest route and its handler into a route spec.
 * A `c.type<>()` part has no runtime schema: it is accepted unchecked, and `createModule` reports it.
 * @throws ValidationError naming the route when a part cannot be described (a value that is not a schema).
 */
export function fromTsRestRoute<TRoute extends AppRoute>(
  name: string,
  route: TRoute,
  handler: TsRestHandler<TRoute>,
  options: Pick<FromTsRestOptions, 'auth' | 'onWarning'> = {},
): AnyRouteSpec {
  const problems = new ProblemList();
  const spec = convertRoute(name, [], route, handler as AnyHandler, problems, settle(options));
  problems.throwIfAny('ts-rest', `route ${name}`);
  return spec;
}

type Settled = { auth?: TsRestAuthMapper; onWarning: DiagnosticHandler };

function settle(options: FromTsRestOptions): Settled {
  return { auth: options.auth, onWarning: options.onWarning ?? warnOnConsole('ts-rest') };
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
  const settled = settle(options);
  const specs: AnyRouteSpec[] = [];
  const walk = (node: AppRouter, impl: unknown, keys: string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      const path = [...keys, key];
      const name = [options.namePrefix, ...path].filter(Boolean).join('.');
      const childImpl = isRecord(impl) ? impl[key] : undefined;
      if (isTsRestRoute(child)) {
        if (typeof childImpl !== 'function') {
          problems.add(name, 'has no handler in the implementation');
          continue;
        }
        specs.push(convertRoute(name, path, child as AppRoute, childImpl as AnyHandler, problems, settled));
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

function convertRoute(name: string, keyPath: string[], route: AppRoute, handler: AnyHandler, problems: ProblemList, settled: Settled): AnyRouteSpec {
  const metadata = (isRecord(route.metadata) ? route.metadata : {}) as Record<string, unknown>;
  const warn = (at: string, message: string) => settled.onWarning({ level: 'warning', at, message });
  if (metadata.name !== undefined && (typeof metadata.name !== 'string' || !metadata.name)) {
    warn(`route ${name} metadata.name`, 'is not a non-empty string: ignored, the route is named by its key path');
  }
  const routeName = typeof metadata.name === 'string' && metadata.name ? metadata.name : name;
  const at = `route ${routeName}`;

  const input: Record<string, AnySchema> = {};
  const take = (part: 'params' | 'query' | 'headers' | 'body', value: unknown) => {
    if (value === undefined || value === null || isNoBodyMarker(value)) return;
    if (isZodSchema(value)) input[part] = value;
    // c.type<>(): accepted unchecked; createModule reports it (an error with strict: true).
    else if (isPlainTypeMarker(value)) input[part] = uncheckedSchema();
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
    if (isOtherResponse(response)) {
      responseContentTypes[status] = response.contentType;
      body = response.body;
    }
    if (body === null || body === undefined || isNoBodyMarker(body)) responses[status] = null;
    else if (isZodSchema(body)) responses[status] = body;
    else if (isPlainTypeMarker(body)) responses[status] = uncheckedSchema();
    else problems.add(at, `response ${status} cannot be described: ${describeUnsupported(body)}`);
  }

  const tagsOk = Array.isArray(metadata.tags) && metadata.tags.every((t) => typeof t === 'string');
  if (metadata.tags !== undefined && !tagsOk) warn(`${at} metadata.tags`, 'is not a list of strings: ignored, the route is tagged by its first key');
  const tags = tagsOk ? (metadata.tags as string[]) : keyPath.length > 1 ? [keyPath[0] as string] : undefined;
  const auth = readAuth(at, route, routeName, metadata, settled, problems);
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

const AuthInputSchema = z.union([z.boolean(), AuthRequirementSchema]);

/** The kit's auth requirement of a route: from the `auth` option when given, else `metadata.auth` in the kit's shape. */
function readAuth(at: string, route: AppRoute, name: string, metadata: Record<string, unknown>, settled: Settled, problems: ProblemList): AuthRequirement | undefined {
  if (settled.auth) {
    const mapped = settled.auth(route.metadata, route, name);
    if (mapped === undefined) return undefined;
    if (!AuthInputSchema.safeParse(mapped).success) {
      problems.add(at, `the auth option returned ${preview(mapped)}: expected true, false, undefined or { required?, permissions?, schemes? }`);
      return undefined;
    }
    return normalizeAuthRequirement(mapped);
  }
  const value = metadata.auth;
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && AuthRequirementSchema.safeParse(value).success) return normalizeAuthRequirement(value as AuthRequirement);
  problems.add(
    at,
    `metadata.auth is ${preview(value)}, which is not the kit's shape { required?, permissions?, schemes? }; ` +
      'if it is your own data, pass fromTsRestRouter(contract, impl, { auth: (metadata) => ... }) to map it (or to return undefined)',
  );
  return undefined;
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
}

// Any schema with `safeParse` is taken as one; createModule's reader refuses the ones that are not Zod 3, naming the route.
function isZodSchema(value: unknown): value is AnySchema {
  return isRecord(value) && typeof value.safeParse === 'function';
}

function describeUnsupported(value: unknown): string {
  if (typeof value === 'symbol') return `expected a Zod schema, got ${String(value)}`;
  return `expected a Zod schema, got ${Array.isArray(value) ? 'an array' : typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
