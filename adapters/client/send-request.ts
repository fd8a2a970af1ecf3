import type { ApiFetcherArgs, AppRoute } from '@ts-rest/core';
import type { ModuleError } from '../../src/module-error.js';
import { encodeQuery } from '../../src/query-string.js';
import type { ClientOptions, HeaderRecord } from './client-options.js';
import type { AnyClientResult, ClientFailure, ClientFailureCode } from './client-result.js';
import { newRequestId } from './request-id.js';

const REQUEST_ID = 'x-request-id';

/**
 * The fetcher `createClient` hands to ts-rest: the kit's query encoding, per-request headers,
 * request ids, timeouts, optional response validation, and results instead of thrown errors.
 */
export function createFetcher(options: ClientOptions): (args: ApiFetcherArgs) => Promise<AnyClientResult> {
  const { headers: base, fetch: customFetch, timeoutMs, requestId = true, validateResponse = false } = options;
  return async ({ route, method, path, rawQuery, headers: callHeaders, body, fetchOptions }) => {
    const where = `${method} ${route.path}`;
    const headers = compact({ ...lowerKeys(typeof base === 'function' ? await base() : base), ...callHeaders });
    let sent = headers[REQUEST_ID];
    if (sent === undefined && requestId) headers[REQUEST_ID] = sent = requestId === true ? newRequestId() : requestId();
    const fail = (code: ClientFailureCode, message: string, error: unknown, details?: unknown): ClientFailure => ({
      status: 0,
      ok: false,
      body: { code, message: `[client] ${where}: ${message}`, ...(details === undefined ? {} : { details }) },
      headers: new Headers(),
      requestId: sent,
      error,
    });

    const controller = new AbortController();
    const outer = fetchOptions?.signal;
    const forward = () => controller.abort(outer?.reason);
    if (outer?.aborted) forward();
    outer?.addEventListener('abort', forward);
    let timedOut = false;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
    let response: Response;
    let raw: string | Blob;
    try {
      response = await (customFetch ?? fetch)(withQuery(path, rawQuery), { ...fetchOptions, method, headers, body: body ?? null, signal: controller.signal });
      raw = isTextual(response) ? await response.text() : await response.blob();
    } catch (error) {
      if (timedOut) return fail('timeout', `timed out after ${timeoutMs} ms`, error);
      if (controller.signal.aborted) return fail('aborted', 'aborted', error);
      return fail('network_error', errorMessage(error), error);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }

    const { status } = response;
    let data: unknown = raw;
    if (typeof raw === 'string') {
      try {
        data = raw === '' ? undefined : /json/i.test(response.headers.get('content-type') ?? '') ? JSON.parse(raw) : raw;
      } catch (error) {
        return fail('invalid_response', `HTTP ${status} sent a body that is not JSON`, error, { status });
      }
    }
    const declared = String(status) in route.responses;
    if (!declared) data = asModuleError(data, `[client] ${where}: unexpected HTTP ${status}`);
    else if (validateResponse) {
      const schema = responseSchema(route, status);
      if (schema) {
        const parsed = schema.safeParse(data);
        if (!parsed.success) {
          const issues = parsed.error.issues.map(({ path: at, message }) => ({ path: at, message }));
          return fail('invalid_response', `the ${status} body does not match the contract`, parsed.error, { status, issues });
        }
        data = parsed.data;
      }
    }
    return {
      status,
      ok: declared && status >= 200 && status < 300,
      body: data,
      headers: response.headers,
      requestId: response.headers.get(REQUEST_ID) ?? sent,
    };
  };
}

type SafeParser = { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } } };

function responseSchema(route: AppRoute, status: number): SafeParser | undefined {
  const declared = (route.responses as Record<number, unknown>)[status];
  const schema = isRecord(declared) && 'contentType' in declared ? declared.body : declared;
  return isRecord(schema) && typeof schema.safeParse === 'function' ? (schema as SafeParser) : undefined;
}

function asModuleError(body: unknown, message: string): ModuleError {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') return body as unknown as ModuleError;
  return { code: 'unexpected_status', message, ...(body === undefined ? {} : { details: body }) };
}

function withQuery(path: string, query: unknown): string {
  const at = path.indexOf('?');
  const search = encodeQuery(query as Record<string, unknown> | undefined);
  return (at < 0 ? path : path.slice(0, at)) + (search ? `?${search}` : '');
}

function isTextual(response: Response): boolean {
  const type = response.headers.get('content-type');
  return !type || /json|^text\//i.test(type);
}

function lowerKeys(headers: HeaderRecord | undefined): HeaderRecord {
  return headers ? Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value])) : {};
}

function compact(headers: HeaderRecord): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function errorMessage(error: unknown): string {
  const cause = isRecord(error) ? error.cause : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return isRecord(cause) && typeof cause.message === 'string' ? `${message} (${cause.message})` : message;
}
