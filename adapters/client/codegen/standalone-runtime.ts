import { ERROR_STATUS } from '../../../src/module-error.js';

/** Every HTTP status a result may carry (the same list ts-rest types statuses with). */
export const HTTP_STATUSES = [
  100, 101, 102, 200, 201, 202, 203, 204, 205, 206, 207, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406,
  407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419, 420, 421, 422, 423, 424, 428, 429, 431, 451, 500, 501, 502, 503,
  504, 505, 507, 511,
] as const;

/** The 2xx statuses whose declared responses count as success. */
export const SUCCESS_STATUSES = [200, 201, 202, 203, 204, 205, 206, 207] as const;

/**
 * The dependency-free part of a generated client: the types shared by every route, the error class,
 * `unwrap`, the kit's query encoding and the request function. It behaves like `createClient`
 * (same results, same failure codes) without ts-rest or Zod.
 */
export function standaloneRuntime(): string {
  const codes = Object.keys(ERROR_STATUS)
    .map((code) => `'${code}'`)
    .join(' | ');
  return `/** Codes the kit itself raises. */
export type KnownErrorCode = ${codes};

/** A known code, or a module's own domain code such as \`email_taken\`. */
export type ErrorCode = KnownErrorCode | (string & {});

/** The one error shape every server response and client error uses. */
export interface ModuleError {
  code: ErrorCode;
  message: string;
  details?: unknown;
  cause?: unknown;
  correlationId?: string;
}

/** Headers as a plain record; \`undefined\` values are left out. */
export type HeaderRecord = Record<string, string | undefined>;

/** Options of \`createClient\`. */
export interface ClientOptions {
  /** Prepended to every route path. \`''\` calls the page's own origin. */
  baseUrl: string;
  /** Headers sent with every request: a record, or a function (sync or async) called per request. A call's own headers win. */
  headers?: HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);
  /** The \`fetch\` to use. @default globalThis.fetch */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Aborts a call after this many milliseconds; the result is a \`ClientFailure\` with code \`timeout\`. */
  timeoutMs?: number;
  /** Sends \`x-request-id\` (unless the call sets one): \`true\` generates one, a function supplies one, \`false\` sends none. @default true */
  requestId?: boolean | (() => string);
}

/** What every call accepts besides its route's \`params\`, \`query\`, \`body\` and \`headers\`. */
export interface CallOptions {
  extraHeaders?: HeaderRecord;
  fetchOptions?: Omit<RequestInit, 'method' | 'headers' | 'body'>;
}

/** Codes of the failures that have no HTTP response the contract can describe. */
export type ClientFailureCode = 'network_error' | 'timeout' | 'aborted' | 'invalid_response';

/** One HTTP response, discriminated on \`status\`. \`ok\` is true for the route's declared 2xx statuses only. */
export interface ClientResponse<TStatus extends number, TBody, TOk extends boolean> {
  status: TStatus;
  ok: TOk;
  body: TBody;
  headers: Headers;
  /** The id the server echoed in \`x-request-id\`, or else the one sent. */
  requestId: string | undefined;
}

/** A call that produced no usable response (network failure, timeout, abort, unreadable body); \`status\` is 0. */
export interface ClientFailure extends ClientResponse<0, ModuleError & { code: ClientFailureCode }, false> {
  error: unknown;
}

/** Every HTTP status a result may carry. */
export type HttpStatus = ${HTTP_STATUSES.join(' | ')};

/** The statuses a route does not declare, with the server's \`ModuleError\` or one with code \`unexpected_status\`. */
export type Undeclared<TDeclared extends number> = ClientResponse<Exclude<HttpStatus, TDeclared>, ModuleError, false>;

/** Any result of any route. */
export type AnyClientResult = ClientResponse<number, unknown, boolean>;

/** The body of the successful outcomes of a result type. */
export type SuccessBody<TResult extends AnyClientResult> = Extract<TResult, { ok: true }>['body'];

/** The body of the failed outcomes of a result type. */
export type FailureBody<TResult extends AnyClientResult> = Extract<TResult, { ok: false }>['body'];

/** Thrown by \`unwrap\` for every outcome that is not a declared success. */
export class ContractClientError<TBody = ModuleError> extends Error {
  /** The HTTP status, or 0 when there was no usable response. */
  readonly status: number;
  /** The body's \`code\`. */
  readonly code: string;
  /** The error body. */
  readonly body: TBody;
  /** The request id the server echoed, or else the one sent. */
  readonly requestId: string | undefined;

  constructor(result: { status: number; body: TBody; requestId: string | undefined }, options?: { cause?: unknown }) {
    const body = result.body as { code?: unknown; message?: unknown } | undefined;
    const code = typeof body?.code === 'string' ? body.code : 'unexpected_status';
    const text = typeof body?.message === 'string' ? body.message : \`HTTP \${result.status}\`;
    super(\`\${result.status === 0 ? text : \`[client] HTTP \${result.status} \${code}: \${text}\`}\${result.requestId ? \` (request \${result.requestId})\` : ''}\`, options);
    this.name = 'ContractClientError';
    this.status = result.status;
    this.code = code;
    this.body = result.body;
    this.requestId = result.requestId;
  }
}

/** Whether a value is a \`ContractClientError\`, checked by shape. */
export function isContractClientError<TBody = ModuleError>(value: unknown): value is ContractClientError<TBody> {
  return (
    value instanceof Error &&
    value.name === 'ContractClientError' &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/** Resolves to the body of a declared success; throws a \`ContractClientError\` for anything else. */
export async function unwrap<TResult extends AnyClientResult>(result: TResult | Promise<TResult>): Promise<SuccessBody<TResult>> {
  const settled = await result;
  if (settled.ok) return settled.body as SuccessBody<TResult>;
  const cause = (settled as { error?: unknown }).error;
  throw new ContractClientError<FailureBody<TResult>>(settled as { status: number; body: FailureBody<TResult>; requestId: string | undefined }, cause === undefined ? undefined : { cause });
}

type RouteArgs = CallOptions & { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; headers?: HeaderRecord };

const REQUEST_ID = 'x-request-id';

function encodeQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const pairs: string[] = [];
  const push = (key: string, value: unknown) => pairs.push(\`\${encodeURIComponent(key)}=\${encodeURIComponent(scalar(value))}\`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value) || value instanceof Set) {
      for (const item of value) if (item !== undefined) push(key, item);
    } else if (isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) if (innerValue !== undefined) push(\`\${key}[\${inner}]\`, innerValue);
    } else push(key, value);
  }
  return pairs.join('&');
}

function scalar(value: unknown): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value == 'object' && !!value && (Object.getPrototypeOf(value) ?? Object.prototype) === Object.prototype;
}

function lowerKeys(headers: HeaderRecord | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) if (value != null) out[key.toLowerCase()] = value;
  return out;
}

async function send(options: ClientOptions, method: string, path: string, statuses: number[], args: RouteArgs = {}): Promise<AnyClientResult> {
  const where = \`[client] \${method} \${path}\`;
  const { headers: base, fetch: customFetch, timeoutMs, requestId = true } = options;
  const params = args.params ?? {};
  const route = path.replace(/\\/?:([^/?]+)\\??/g, (matched, name: string) => {
    const value = params[name];
    return value === undefined || value === null || value === '' ? '' : \`\${matched.startsWith('/') ? '/' : ''}\${encodeURIComponent(String(value))}\`;
  });
  const search = encodeQuery(args.query);
  const hasBody = method !== 'GET' && args.body !== undefined && args.body !== null;
  const headers: Record<string, string> = {
    ...lowerKeys(typeof base === 'function' ? await base() : base),
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...lowerKeys(args.extraHeaders),
    ...lowerKeys(args.headers),
  };
  let sent = headers[REQUEST_ID];
  if (!sent && requestId) sent = headers[REQUEST_ID] = requestId === true ? newRequestId() : requestId();
  const fail = (code: ClientFailureCode, message: string, error: unknown, details?: object): ClientFailure => ({
    status: 0,
    ok: false,
    body: { code, message: \`\${where}: \${message}\`, ...(details && { details }) },
    headers: new Headers(),
    requestId: sent,
    error,
  });

  const outer = args.fetchOptions?.signal || undefined;
  const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signal = outer && timeout ? AbortSignal.any([outer, timeout]) : (outer ?? timeout);
  let response: Response | undefined;
  let data: unknown;
  try {
    response = await (customFetch ?? fetch)(options.baseUrl + route + (search && \`?\${search}\`), {
      ...args.fetchOptions,
      method,
      headers,
      body: hasBody ? JSON.stringify(args.body) : null,
      signal: signal ?? null,
    });
    const type = response.headers.get('content-type') ?? '';
    data = /json/i.test(type) ? JSON.parse(await response.text()) : !type || /^text\\//i.test(type) ? (await response.text()) || undefined : await response.blob();
  } catch (error) {
    if (signal?.aborted) return signal.reason === timeout?.reason ? fail('timeout', \`timed out after \${timeoutMs} ms\`, error) : fail('aborted', 'aborted', error);
    // Once the response is in, what fails is its body: JSON that does not parse.
    return response ? fail('invalid_response', \`HTTP \${response.status}: \${error}\`, error) : fail('network_error', String(error), error);
  }

  const { status } = response;
  const declared = statuses.includes(status);
  // A declared error status whose body is not JSON came from something else (a proxy, a wrong baseUrl).
  if ((!declared || (status > 399 && typeof data != 'object')) && !isModuleError(data)) {
    data = { code: 'unexpected_status', message: \`\${where}: unexpected HTTP \${status}\`, ...(data !== undefined && { details: data }) };
  }
  // fetch never surfaces a 1xx status, so below 300 means 2xx.
  return { status, ok: declared && status < 300, body: data, headers: response.headers, requestId: response.headers.get(REQUEST_ID) ?? sent };
}

function isModuleError(value: unknown): value is ModuleError {
  return typeof value === 'object' && value !== null && typeof (value as ModuleError).code === 'string' && typeof (value as ModuleError).message === 'string';
}

function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
}

// A route's call: typed by the client interface, sent by \`send\`.
function route(options: ClientOptions, method: string, path: string, statuses: number[]): never {
  return ((args?: RouteArgs) => send(options, method, path, statuses, args)) as never;
}
`;
}
