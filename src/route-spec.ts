import type { z } from 'zod';
import { normalizeAuthRequirement, type AuthRequirement, type AuthRequirementInput } from './auth-requirement.js';
import type { RequestContext } from './contexts.js';
import type { HttpMethod } from './http-method.js';
import type { RequestContentType } from './route-definition.js';

export type AnySchema = z.ZodTypeAny;

/** Zod schemas for the parts of a request. Absent parts are not accepted. */
export interface RouteInputSchemas {
  params?: AnySchema;
  query?: AnySchema;
  headers?: AnySchema;
  body?: AnySchema;
}

/** Response schemas by status. `null` declares a response with no body. */
export type RouteResponseSchemas = { readonly [status: number]: AnySchema | null };

type Part<T> = T extends AnySchema ? z.output<T> : undefined;

/** The validated request a handler receives, typed from the route's input schemas. */
export interface RouteRequest<TInput extends RouteInputSchemas> {
  params: Part<TInput['params']>;
  query: Part<TInput['query']>;
  headers: Part<TInput['headers']>;
  body: Part<TInput['body']>;
}

/** What a handler may return: one of the declared statuses with that status's body. */
export type RouteResult<TResponses extends RouteResponseSchemas> = {
  [S in keyof TResponses & number]: {
    status: S;
    body: TResponses[S] extends AnySchema ? z.input<TResponses[S]> : undefined | null;
    headers?: Record<string, string>;
  };
}[keyof TResponses & number];

export type RouteHandler<TInput extends RouteInputSchemas, TResponses extends RouteResponseSchemas> = (
  request: RouteRequest<TInput>,
  ctx: RequestContext,
) => Promise<RouteResult<TResponses>> | RouteResult<TResponses>;

/** A route at run time: its plain description, its Zod schemas and its handler. */
export interface RouteSpec<
  TInput extends RouteInputSchemas = RouteInputSchemas,
  TResponses extends RouteResponseSchemas = RouteResponseSchemas,
> {
  readonly type: 'route';
  name: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  auth?: AuthRequirement;
  contentType?: RequestContentType;
  input: TInput;
  responses: TResponses;
  /** Content types of non-JSON responses, by status. */
  responseContentTypes?: Record<number, string>;
  /** Free-form data carried from the contract (ts-rest `metadata`). Not part of the manifest. */
  metadata?: unknown;
  handler: RouteHandler<TInput, TResponses>;
  /** The original ts-rest route when the spec came from a contract. */
  source?: { kind: 'ts-rest'; route: unknown };
}

// `any` here keeps handlers of specific routes assignable to the wide type (parameter bivariance is not enough).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any, any>;

export type DefineRouteInput<TInput extends RouteInputSchemas, TResponses extends RouteResponseSchemas> = Omit<
  RouteSpec<TInput, TResponses>,
  'type' | 'auth' | 'input' | 'handler'
> & {
  input?: TInput;
  auth?: AuthRequirementInput;
  // NoInfer: the schemas alone decide the types, so `status: 200` in a handler stays a literal.
  handler: RouteHandler<NoInfer<TInput>, NoInfer<TResponses>>;
};

/**
 * Declares a route with Zod schemas. The handler's `params`, `query`, `headers` and `body` are
 * typed from `input`, and it may only return the statuses and bodies listed in `responses`.
 * @example
 * defineRoute({
 *   name: 'health.get', method: 'GET', path: '/health',
 *   responses: { 200: z.object({ ok: z.boolean() }) },
 *   handler: async () => ({ status: 200, body: { ok: true } }),
 * });
 */
export function defineRoute<TInput extends RouteInputSchemas = {}, TResponses extends RouteResponseSchemas = RouteResponseSchemas>(
  spec: DefineRouteInput<TInput, TResponses>,
): RouteSpec<NoInfer<TInput>, NoInfer<TResponses>> {
  const { auth, input, ...rest } = spec;
  const normalized = normalizeAuthRequirement(auth);
  return { ...rest, type: 'route', input: (input ?? {}) as TInput, ...(normalized ? { auth: normalized } : {}) };
}

/** Structural check for a route spec (`defineRoute` or `fromTsRestRouter`). */
export function isRouteSpec(value: unknown): value is AnyRouteSpec {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'route' &&
    typeof (value as { handler?: unknown }).handler === 'function'
  );
}

/** Names of `:params` in an Express-style path. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
}
