import type { ClientOptions, HeaderRecord } from '../client-options.js';
import type { AnyClientResult, ClientFailure, ClientFailureCode } from '../client-result.js';
import { newRequestId } from './request-id.js';

const REQUEST_ID = 'x-request-id';

/**
 * One request, as both clients hand it over; the same fields ts-rest gives a custom fetcher
 * (`ApiFetcherArgs`), plus the query string already encoded the kit's way.
 */
export interface OutgoingCall {
  method: string;
  /** The route: its declared path (`/accounts/:id`) for messages, and its responses by status. */
  route: { path: string; responses: object };
  /** The URL without the query string. */
  path: string;
  search: string;
  /** The call's own headers, lower-cased; they win over the client's. */
  headers: Record<string, string>;
  body?: BodyInit | null | undefined;
  fetchOptions?: RequestInit | undefined;
}

/** Checks the body of a declared status (`validateResponse`), as a Zod `safeParse` does. */
export type ResponseCheck = (status: number, data: unknown) => { success: true; data: unknown } | { success: false; error: { issues: unknown } };

/** Lower-cases header names and leaves out `undefined` values, as ts-rest does for a call's headers. */
export function lowerKeys(headers: HeaderRecord | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in headers) if (headers[key] != null) out[key.toLowerCase()] = headers[key];
  return out;
}

/**
 * Sends one call for either client (`createClient` and the generated one): the client's headers
 * (a record or a function, sync or async), request ids, timeouts, and a result instead of a thrown
 * error for anything that goes wrong, from `headers()` to a body that does not parse.
 */
export async function sendRequest(options: Omit<ClientOptions, 'baseUrl' | 'validateResponse'>, call: OutgoingCall, check?: ResponseCheck | false): Promise<AnyClientResult> {
  const { headers: base, fetch: customFetch, timeoutMs, requestId = true } = options;
  const where = `[client] ${call.method} ${call.route.path}`;
  let sent: string | undefined;
  const fail = (code: ClientFailureCode, message: string, error: unknown, details?: object): ClientFailure => ({
    status: 0,
    ok: false,
    body: { code, message: `${where}: ${message}`, ...(details && { details }) },
    headers: new Headers(),
    requestId: sent,
    error,
  });

  const outer = call.fetchOptions?.signal;
  const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signal = outer && timeout ? AbortSignal.any([outer, timeout]) : (outer ?? timeout);
  let headers: Record<string, string> | undefined;
  let response: Response | undefined;
  let data: unknown;
  try {
    headers = { ...lowerKeys(typeof base == 'function' ? await base() : base), ...call.headers };
    sent = headers[REQUEST_ID];
    if (!sent && requestId) sent = headers[REQUEST_ID] = requestId === true ? newRequestId() : requestId();
    response = await (customFetch ?? fetch)(call.path + (call.search && `?${call.search}`), { ...call.fetchOptions, method: call.method, headers, body: call.body, signal });
    const type = response.headers.get('content-type') ?? '';
    data = /json/i.test(type) ? JSON.parse(await response.text()) : /^(text\/|$)/i.test(type) ? (await response.text()) || undefined : await response.blob();
  } catch (error) {
    // The timeout has fired (the caller may have aborted too): a timeout.
    if (signal?.aborted) return timeout?.aborted ? fail('timeout', `timed out after ${timeoutMs} ms`, error) : fail('aborted', 'aborted', error);
    // Once the response is in, what fails is its body: JSON that does not parse. Before the headers
    // are made, it is the client's own `headers()`: nothing was sent.
    return response ? fail('invalid_response', `HTTP ${response.status}: ${error}`, error) : fail(headers ? 'network_error' : 'headers_failed', String(error), error);
  }

  const { status } = response;
  const declared = status in call.route.responses;
  // A declared error status whose body is not JSON came from something else (a proxy, a wrong baseUrl).
  if (!declared || (status > 399 && typeof data != 'object')) {
    const error = data as { code?: unknown; message?: unknown } | undefined;
    if (typeof error?.code != 'string' || typeof error.message != 'string') {
      data = { code: 'unexpected_status', message: `${where}: unexpected HTTP ${status}`, ...(data !== undefined && { details: data }) };
    }
  } else if (check) {
    const checked = check(status, data);
    if (!checked.success) return fail('invalid_response', `HTTP ${status}: the body breaks the contract`, checked.error, { status, issues: checked.error.issues });
    data = checked.data;
  }
  // fetch never surfaces a 1xx status, so below 300 means 2xx.
  return { status, ok: declared && status < 300, body: data, headers: response.headers, requestId: response.headers.get(REQUEST_ID) ?? sent };
}
