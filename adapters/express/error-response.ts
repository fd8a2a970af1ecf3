import type { ErrorRequestHandler, Request, Response } from 'express';
import { isContractError, toErrorBody } from '../../src/error-taxonomy.js';
import type { Logger } from '../../src/logger.js';
import type { ModuleError } from '../../src/module-error.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';
import { getRequestState } from './request-state.js';

/** Status and body for any error the binding meets, in the one error shape. */
export function toErrorResponse(error: unknown, correlationId: string): { status: number; body: ModuleError } {
  if (isContractError(error)) return { status: error.status, body: toErrorBody(error, correlationId) };
  // Express itself raises a URIError with status 400 for a path parameter that does not decode.
  if (isUndecodablePath(error)) return { status: 400, body: { code: 'bad_request', message: 'Malformed URL', correlationId } };
  return { status: 500, body: toErrorBody(error, correlationId) };
}

/** Sends an error body with its status and the request id header. */
export function sendError(res: Response, status: number, body: ModuleError, headers?: Record<string, string>): void {
  res.status(status);
  if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The binding's error middleware: every error becomes the one error shape with the request's
 * `correlationId`. Server errors are logged with their stack and route; clients get no internals.
 */
export function createErrorHandler(logger: Logger, claimedPrefixes: readonly string[]): ErrorRequestHandler {
  const underClaimed = (path: string) => claimedPrefixes.some((prefix) => prefix === '/' || path === prefix || path.startsWith(`${prefix}/`));
  return (error: unknown, req: Request, res: Response, next) => {
    const state = getRequestState(res);
    // Errors of requests the module never took (another middleware's) are not its to answer, except
    // a path under the module that Express could not even decode.
    if (!state && !(isUndecodablePath(error) && underClaimed(req.path))) return next(error);
    const requestId = state?.requestId ?? resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    const { status, body } = toErrorResponse(error, requestId);
    if (status >= 500) {
      const details = isContractError(error) && error.details !== undefined ? { details: error.details } : {};
      const where = state ? (state.route.startsWith('view ') ? state.route : `route ${state.route}`) : `${req.method} ${req.path}`;
      // Mismatches found by the binding already name their route.
      const message = isContractError(error) && error.message.startsWith('[express]') ? error.message : `[express] ${where}: unhandled error`;
      logger.error(message, {
        requestId,
        ...(state ? { route: state.route } : {}),
        error,
        ...details,
      });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.setHeader(REQUEST_ID_HEADER, requestId);
    sendError(res, status, body);
  };
}

function isUndecodablePath(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Error).name === 'URIError' && (error as { status?: unknown }).status === 400;
}
