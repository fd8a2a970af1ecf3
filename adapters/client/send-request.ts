import { isZodType, type ApiFetcherArgs } from '@ts-rest/core';
import type { ClientOptions } from './client-options.js';
import type { AnyClientResult, ClientFailure, ClientFailureCode } from './client-result.js';
import { newRequestId } from './request-id.js';

const REQUEST_ID = 'x-request-id';

/**
 * The fetcher `createClient` hands to ts-rest: per-request headers, request ids, timeouts, optional
 * response validation, and results instead of thrown errors. The query string arrives as `search`,
 * already encoded the kit's way (ts-rest is given no query).
 */
export function createFetcher(options: ClientOptions): (args: ApiFetcherArgs & { search: string }) => Promise<AnyClientResult> {
  const { headers: base, fetch: customFetch, timeoutMs, requestId = true, validateResponse } = options;
  return async ({ route, method, path, search, headers: callHeaders, body, fetchOptions }) => {
    const where = `[client] ${method} ${route.path}`;
    // ts-rest has lowercased the call's headers and dropped undefined ones; do the same for ours.
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries((typeof base == 'function' ? await base() : base) ?? {}) as [string, string | undefined][]) if (value != null) headers[key.toLowerCase()] = value;
    Object.assign(headers, callHeaders);
    let sent = headers[REQUEST_ID];
    if (!sent && requestId) sent = headers[REQUEST_ID] = requestId === true ? newRequestId() : requestId();
    const fail = (code: ClientFailureCode, message: string, error: unknown, details?: object): ClientFailure => ({
      status: 0,
      ok: false,
      body: { code, message: `${where}: ${message}`, ...(details && { details }) },
      headers: new Headers(),
      requestId: sent,
      error,
    });

    const outer = fetchOptions?.signal || undefined;
    const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const signal = outer && timeout ? AbortSignal.any([outer, timeout]) : (outer ?? timeout);
    let response: Response | undefined;
    let data: unknown;
    try {
      response = await (customFetch ?? fetch)(path + (search && `?${search}`), {
        ...fetchOptions,
        method,
        headers,
        body,
        signal,
      });
      const type = response.headers.get('content-type') ?? '';
      data = /json/i.test(type) ? JSON.parse(await response.text()) : !type || /^text\//i.test(type) ? (await response.text()) || undefined : await response.blob();
    } catch (error) {
      if (signal?.aborted) return signal.reason === timeout?.reason ? fail('timeout', `timed out after ${timeoutMs} ms`, error) : fail('aborted', 'aborted', error);
      // Once the response is in, what fails is its body: JSON that does not parse.
      return response
        ? fail('invalid_response', `HTTP ${response.status}: ${error}`, error)
        : fail('network_error', String(error), error);
    }

    const { status } = response;
    const declared = status in route.responses;
    // A declared error status whose body is not JSON came from something else (a proxy, a wrong baseUrl).
    if (!declared || (status > 399 && typeof data != 'object')) {
      const error = data as { code?: unknown; message?: unknown } | undefined;
      if (typeof error?.code != 'string' || typeof error.message != 'string') {
        data = { code: 'unexpected_status', message: `${where}: unexpected HTTP ${status}`, ...(data !== undefined && { details: data }) };
      }
    } else if (validateResponse) {
      // Bodies of other content types (`c.otherResponse`) are not JSON and are not checked.
      const schema = (route.responses as Record<number, unknown>)[status];
      if (isZodType(schema)) {
        const parsed = schema.safeParse(data);
        if (!parsed.success) return fail('invalid_response', `the ${status} body does not match the contract`, parsed.error, { status, issues: parsed.error.issues });
        data = parsed.data;
      }
    }
    // fetch never surfaces a 1xx status, so below 300 means 2xx.
    return { status, ok: declared && status < 300, body: data, headers: response.headers, requestId: response.headers.get(REQUEST_ID) ?? sent };
  };
}
