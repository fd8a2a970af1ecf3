/** The header a request id is read from and echoed in. */
export const REQUEST_ID_HEADER = 'x-request-id';

const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** True for a caller-supplied request id the binding accepts: 1 to 128 characters of `[A-Za-z0-9._-]`. */
export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && VALID_REQUEST_ID.test(value);
}

/** The request id for an incoming `x-request-id` header value: the value when valid, otherwise a new UUID. */
export function resolveRequestId(header: string | string[] | undefined): string {
  return isValidRequestId(header) ? header : globalThis.crypto.randomUUID();
}
