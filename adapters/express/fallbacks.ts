import type { RequestHandler } from 'express';
import { ContractError } from '../../src/error-taxonomy.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';
import { setRequestState } from './request-state.js';
import { sendError } from './error-response.js';

/** 405 for a known path asked with a method it does not answer; the `Allow` header lists those it does. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = [...new Set(allowed.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])))].join(', ');
  return (req, res, next) => {
    claim(req, res, `${req.method} ${req.path}`);
    res.setHeader('allow', allow);
    next(new ContractError('method_not_allowed', `Method ${req.method} is not allowed here; allowed: ${allow}`));
  };
}

/** 404 for a path under the module that matches no route or view. */
export const notFound: RequestHandler = (req, res, next) => {
  claim(req, res, `${req.method} ${req.path}`);
  next(new ContractError('not_found', 'No route matches this path'));
};

function claim(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], route: string): void {
  const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  setRequestState(res, { requestId, route });
}

/**
 * The last handler of an app: any request nothing else answered gets a 404 in the one error shape,
 * with a request id, instead of Express's HTML page.
 * @example app.use(notFoundHandler());
 */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    sendError(res, 404, { code: 'not_found', message: `No route matches ${req.method} ${req.path}`, correlationId: requestId });
  };
}
