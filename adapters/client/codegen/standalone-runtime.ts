import { ERROR_STATUS } from '../../../src/module-error.js';
import { CLIENT_FAILURE_CODES } from '../client-result.js';
import { STANDALONE_RUNTIME } from './runtime-bundle.js';

/** Every HTTP status a result may carry (the same list ts-rest types statuses with). */
export const HTTP_STATUSES = [
  100, 101, 102, 200, 201, 202, 203, 204, 205, 206, 207, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406,
  407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419, 420, 421, 422, 423, 424, 428, 429, 431, 451, 500, 501, 502, 503,
  504, 505, 507, 511,
] as const;

/** The 2xx statuses whose declared responses count as success. */
export const SUCCESS_STATUSES = [200, 201, 202, 203, 204, 205, 206, 207] as const;

/**
 * The dependency-free part of a generated client: the types shared by every route, then the kit's
 * client runtime (`adapters/client/runtime/`, the code `createClient` sends with) inlined as compiled
 * JavaScript, typed by those declarations. It behaves like `createClient` without ts-rest or Zod.
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
export type ClientFailureCode = ${CLIENT_FAILURE_CODES.map((code) => `'${code}'`).join(' | ')};

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
export interface ContractClientError<TBody = ModuleError> extends Error {
  /** The HTTP status, or 0 when there was no usable response. */
  readonly status: number;
  /** The body's \`code\`. */
  readonly code: string;
  /** The error body. */
  readonly body: TBody;
  /** The request id the server echoed, or else the one sent. */
  readonly requestId: string | undefined;
}

// The runtime, compiled from the kit's client runtime (the code \`createClient\` runs), typed by the declarations around it.
// @ts-ignore - compiled JavaScript on one line
const runtime: any = ${STANDALONE_RUNTIME};

/** Thrown by \`unwrap\` for every outcome that is not a declared success. */
export const ContractClientError: new <TBody = ModuleError>(result: { status: number; body: TBody; requestId: string | undefined }, options?: { cause?: unknown }) => ContractClientError<TBody> =
  runtime.ContractClientError;

/** Whether a value is a \`ContractClientError\`, checked by shape. */
export const isContractClientError: <TBody = ModuleError>(value: unknown) => value is ContractClientError<TBody> = runtime.isContractClientError;

/** Resolves to the body of a declared success; throws a \`ContractClientError\` for anything else. */
export const unwrap: <TResult extends AnyClientResult>(result: TResult | Promise<TResult>) => Promise<SuccessBody<TResult>> = runtime.unwrap;

// A route's call: typed by the client interface, sent by the runtime.
const route: (options: ClientOptions, method: string, path: string, statuses: number[]) => never = runtime.route;
`;
}
