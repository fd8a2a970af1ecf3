import type { Request, RequestHandler } from 'express';
import type { SSRContext } from '../../src/contexts.js';
import { describeSchema } from '../../src/describe/describe-schema.js';
import type { AnyViewSpec } from '../../src/view-spec.js';
import { parseCookies } from './cookies.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';
import { setRequestState } from './request-state.js';
import { createResponseCheck } from './response-check.js';
import type { EndpointShared } from './route-endpoint.js';
import { toValidationError } from './validation-issues.js';

/**
 * Serves a view's loader as JSON: its params are validated, the loader gets an `SSRContext`, and
 * its data is checked against the view's `data` schema like any response.
 */
export function createViewEndpoint(view: AnyViewSpec, shared: EndpointShared): RequestHandler {
  const { gate, createContext } = shared;
  const data = { schema: view.data, described: describeSchema(view.data, { at: `view ${view.name} data` }) };
  const check = createResponseCheck(`view ${view.name}`, [{ status: 200, body: data }], shared.responseValidation);

  return async (req, res, next) => {
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    setRequestState(res, { requestId, route: `view ${view.name}` });
    try {
      if (!gate.open) await gate.wait;
      let params: unknown = { ...req.params };
      if (view.params) {
        const parsed = view.params.safeParse(params);
        if (!parsed.success) throw toValidationError({ params: parsed.error });
        params = parsed.data;
      }
      const ctx = await createContext(req, res, requestId, view.name);
      const ssr: SSRContext<never> = {
        url: requestUrl(req),
        params: params as never,
        cookies: parseCookies(req.headers.cookie),
        headers: req.headers,
        auth: ctx.auth,
        session: ctx.session,
        env: ctx.env,
        logger: ctx.logger,
      };
      const data = await view.load(ssr);
      const checked = check({ status: 200, body: data }, requestId);
      res.status(checked.status).json(checked.body);
    } catch (error) {
      next(error);
    }
  };
}

function requestUrl(req: Request): URL {
  try {
    return new URL(req.originalUrl, `${req.protocol}://${req.headers.host ?? 'localhost'}`);
  } catch {
    return new URL(req.originalUrl.replace(/^\/*/, '/'), 'http://localhost');
  }
}
