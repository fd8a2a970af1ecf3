import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ValidationError } from '../../src/error-taxonomy.js';
import { decodeQuery } from '../../src/resolve/decode-query.js';
import type { ResolvedRoute } from '../../src/resolve/resolved-route.js';
import { assertAuthorized } from './auth-state.js';
import { createBodyReader, type BodyReader } from './body-reader.js';
import type { MultipartLimits } from './multipart-reader.js';
import type { MountGate } from './mount-gate.js';
import { parseQuery } from './query-parser.js';
import type { ContextFactory } from './request-context.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';
import { getRequestState, setRequestState, type RequestState } from './request-state.js';
import { createResponseCheck, type CheckedResponse } from './response-check.js';

/** What is shared by every endpoint of one mount. */
export interface EndpointShared {
  gate: MountGate;
  createContext: ContextFactory;
  bodyLimit: number | string;
  multipart: Required<MultipartLimits>;
  responseValidation: boolean;
}

/** A route as `@ts-rest/express` takes it: the binding's middleware, then the handler. */
export interface RouteEndpoint {
  middleware: RequestHandler[];
  handler: (args: { params: unknown; query: unknown; headers: unknown; body: unknown; req: Request; res: Response }) => Promise<CheckedResponse>;
}

type Args = Parameters<RouteEndpoint['handler']>[0];

/**
 * Compiles one route at mount time. Per request, the middleware sets the request id, parses the
 * query, builds the context, enforces auth and reads the body; ts-rest then validates every part
 * of the request and calls `handler`, whose result is checked against the contract.
 */
export function createRouteEndpoint(route: ResolvedRoute, shared: EndpointShared): RouteEndpoint {
  const { gate, createContext } = shared;
  const { name, spec } = route;
  const readBody: BodyReader | undefined =
    route.method !== 'GET' && route.input.body
      ? createBodyReader(route.contentType, { limit: shared.bodyLimit, body: route.input.body, multipart: shared.multipart, route: name })
      : undefined;
  const check = createResponseCheck(`route ${name}`, route.responses, shared.responseValidation);

  const withBody = (req: Request, res: Response, next: NextFunction): void => {
    if (readBody) readBody(req, res, (error) => (error ? next(error) : next()));
    else next();
  };

  const proceed = (req: Request, res: Response, next: NextFunction, state: RequestState): void => {
    // Without a query string every parser yields an empty object: Express's own one stands.
    if (req.url.includes('?') || typeof req.query !== 'object' || req.query === null) {
      const { query, issues } = decodeQuery(route.query, parseQuery(req.url));
      if (issues.length > 0) state.queryIssues = issues.map((issue) => ({ part: 'query', ...issue }));
      req.query = query as Request['query'];
    }
    const ctx = createContext(req, res, state.requestId, name);
    if (ctx instanceof Promise) {
      ctx.then((resolved) => {
        state.ctx = resolved;
        try {
          assertAuthorized(route, resolved.auth);
        } catch (error) {
          return next(error);
        }
        withBody(req, res, next);
      }, next);
      return;
    }
    state.ctx = ctx;
    try {
      assertAuthorized(route, ctx.auth);
    } catch (error) {
      return next(error);
    }
    withBody(req, res, next);
  };

  const prepare: RequestHandler = (req, res, next) => {
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const state: RequestState = { requestId, route: name };
    setRequestState(res, state);
    if (gate.open) return proceed(req, res, next, state);
    gate.wait.then(() => proceed(req, res, next, state), next);
  };

  const handler = async ({ params, query, headers, body, res }: Args): Promise<CheckedResponse> => {
    const state = getRequestState(res) as Required<RequestState>;
    if (state.queryIssues) throw new ValidationError('Request validation failed: query', { details: state.queryIssues });
    let result: unknown;
    try {
      result = await spec.handler({ params, query, headers, body }, state.ctx);
    } catch (error) {
      if (!isTsRestResponseError(error)) throw error;
      result = { status: error.statusCode, body: error.body };
    }
    const checked = check(result, state.requestId);
    if (checked.headers) for (const [header, value] of Object.entries(checked.headers)) res.setHeader(header, value);
    return checked;
  };

  return { middleware: [prepare], handler };
}

/** ts-rest's way for a handler to answer early; its response is checked like any other. */
function isTsRestResponseError(error: unknown): error is { statusCode: number; body: unknown } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Error).name === 'TsRestResponseError' &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}
