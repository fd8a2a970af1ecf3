import type { AppRoute, ContractOtherResponse, HTTPStatusCode, SuccessfulHttpStatusCode, ZodInferOrType } from '@ts-rest/core';
import type { ModuleError } from '../../src/module-error.js';

/**
 * Codes of the failures that have no HTTP response the contract can describe. `headers_failed`:
 * the client's `headers()` threw or rejected, so nothing was sent.
 */
export const CLIENT_FAILURE_CODES = ['network_error', 'timeout', 'aborted', 'invalid_response', 'headers_failed'] as const;

/** One of `CLIENT_FAILURE_CODES`. */
export type ClientFailureCode = (typeof CLIENT_FAILURE_CODES)[number];

/** One HTTP response, discriminated on `status`. `ok` is true for the route's declared 2xx statuses only. */
export interface ClientResponse<TStatus extends number, TBody, TOk extends boolean> {
  status: TStatus;
  ok: TOk;
  body: TBody;
  headers: Headers;
  /** The id the server echoed in `x-request-id`, or else the one the client sent. */
  requestId: string | undefined;
}

/**
 * A call that produced no usable response: the network failed, the request timed out or was
 * aborted, or the body could not be read or (with `validateResponse`) broke the contract.
 * `status` is 0, as for a failed `fetch` in the browser; `body.code` says which.
 */
export interface ClientFailure extends ClientResponse<0, ModuleError & { code: ClientFailureCode }, false> {
  /** What was thrown underneath (a `TypeError` from `fetch`, the abort reason, a `ZodError`...). */
  error: unknown;
}

type ResponseBody<T> = ZodInferOrType<T extends ContractOtherResponse<infer U> ? U : T>;
type DeclaredStatus<TRoute extends AppRoute> = keyof TRoute['responses'] & HTTPStatusCode;
/** A declared error body that fits the one error shape is typed as `ModuleError`. */
type ErrorBody<TBody> = TBody extends ModuleError ? ModuleError : TBody;

/**
 * Every outcome of calling one route: each declared status with its body, every undeclared
 * status with a `ModuleError` body (the server's, or one with code `unexpected_status` wrapping
 * what came), and `ClientFailure`.
 */
export type ClientResult<TRoute extends AppRoute> =
  | {
      [S in DeclaredStatus<TRoute>]: S extends SuccessfulHttpStatusCode
        ? ClientResponse<S, ResponseBody<TRoute['responses'][S]>, true>
        : ClientResponse<S, ErrorBody<ResponseBody<TRoute['responses'][S]>>, false>;
    }[DeclaredStatus<TRoute>]
  | ClientResponse<Exclude<HTTPStatusCode, DeclaredStatus<TRoute>>, ModuleError, false>
  | ClientFailure;

/** Any result of any route. */
export type AnyClientResult = ClientResponse<number, unknown, boolean>;

/** The body of the successful outcomes of a result type. */
export type SuccessBody<TResult extends AnyClientResult> = Extract<TResult, { ok: true }>['body'];

/** The body of the failed outcomes of a result type. */
export type FailureBody<TResult extends AnyClientResult> = Extract<TResult, { ok: false }>['body'];
