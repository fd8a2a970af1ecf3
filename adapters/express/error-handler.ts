import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { isContractError } from '../../src/error-taxonomy.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { ModuleError } from '../../src/module-error.js';
import { toErrorResponse, sendError } from './error-response.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';
import { getRequestState } from './request-state.js';

export interface ErrorHandlerOptions {
  /** Where errors are logged: server errors with their stack, client errors at `debug`. @default createLogger() */
  logger?: Logger;
}

/** Codes for the client errors Express and its middleware raise (body parsers, `express.static`, `res.sendFile`). */
const HTTP_ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
};

/** A client error raised with `http-errors`, as Express's own middleware does: its status, and headers such as `Content-Range`. */
export function httpClientError(error: unknown): { status: number; code: string; headers: Record<string, string> } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, headers, expose } = error as { status?: unknown; statusCode?: unknown; headers?: unknown; expose?: unknown };
  // Only the shape `http-errors` gives (Express, body-parser, serve-static): an app's own error that
  // merely carries a `status` (an upstream HTTP client's, say) is an unknown error, a logged 500.
  if (typeof expose !== 'boolean' || (status !== undefined && statusCode !== undefined && status !== statusCode)) return undefined;
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 400 || code > 499) return undefined;
  const safeHeaders: Record<string, string> = {};
  // Only the header a 416 must carry; nothing else of the error reaches the client.
  const range = typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>)['Content-Range'] : undefined;
  if (code === 416 && typeof range === 'string') safeHeaders['content-range'] = range;
  return { status: code, code: HTTP_ERROR_CODES[code] ?? 'bad_request', headers: safeHeaders };
}

/** The one error shape for a client error raised by Express's middleware. Its message is the status text, never the error's own. */
export function httpClientErrorBody(status: number, code: string, correlationId: string): ModuleError {
  return { code, message: STATUS_CODES[status] ?? 'Bad Request', correlationId };
}

/** The 404 body, worded as `notFoundHandler()` words it. */
function notFoundBody(method: string, path: string, correlationId: string): ModuleError {
  return { code: 'not_found', message: `No route matches ${method} ${path}`, correlationId };
}

/**
 * The last error middleware of an app, to pair with `notFoundHandler()`: any error that reaches it
 * (from the app's own routes, `express.static`, a body parser or a docs page) is answered in the one
 * error shape with a request id, never Express's HTML page or a stack. Client errors keep their status
 * (400, 404, 412, 413, 416, ...); anything else is a 500 `internal`, logged with its stack.
 * @example app.use(notFoundHandler()); app.use(errorHandler({ logger }));
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  const logger = options.logger ?? createLogger();
  return (error: unknown, req, res, _next) => {
    const state = getRequestState(res);
    const echoed = res.getHeader(REQUEST_ID_HEADER);
    const requestId = state?.requestId ?? (typeof echoed === 'string' ? echoed : resolveRequestId(req.headers[REQUEST_ID_HEADER]));
    const where = state?.route ?? `${req.method} ${req.path}`;
    const client = isContractError(error) ? undefined : httpClientError(error);
    const { status, body } = client
      ? { status: client.status, body: client.status === 404 ? notFoundBody(req.method, req.path, requestId) : httpClientErrorBody(client.status, client.code, requestId) }
      : toErrorResponse(error, requestId);
    if (status >= 500) logger.error(`[express] ${where}: unhandled error`, { requestId, error });
    else logger.debug(`[express] ${where}: ${status} ${body.code}`, { requestId });
    if (res.headersSent) {
      // Too late for an error body: cut the response off so the client sees it is incomplete.
      res.destroy();
      return;
    }
    res.setHeader(REQUEST_ID_HEADER, requestId);
    sendError(res, status, body, client?.headers);
  };
}
