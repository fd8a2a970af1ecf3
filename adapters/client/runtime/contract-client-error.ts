import type { ModuleError } from '../../../src/module-error.js';

/**
 * Thrown by `unwrap` for every outcome that is not a declared success: an error status, an
 * undeclared status, or a `ClientFailure` (status 0).
 */
export class ContractClientError<TBody = ModuleError> extends Error {
  /** The HTTP status, or 0 when there was no usable response. */
  declare readonly status: number;
  /** The body's `code` (`email_taken`, `not_found`, `timeout`...). */
  declare readonly code: string;
  /** The error body, typed by the contract. */
  declare readonly body: TBody;
  /** The request id the server echoed, or else the one sent. */
  declare readonly requestId: string | undefined;

  constructor({ status, body, requestId }: { status: number; body: TBody; requestId: string | undefined }, options?: { cause?: unknown }) {
    const error = body as { code?: unknown; message?: unknown } | undefined;
    const code = typeof error?.code === 'string' ? error.code : 'unexpected_status';
    const text = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
    super(`${status === 0 ? text : `[client] HTTP ${status} ${code}: ${text}`}${requestId ? ` (request ${requestId})` : ''}`, options);
    this.name = 'ContractClientError';
    this.status = status;
    this.code = code;
    this.body = body;
    this.requestId = requestId;
  }
}

/** Whether a value is a `ContractClientError`, checked by shape so that two copies of the package agree. */
export function isContractClientError<TBody = ModuleError>(value: unknown): value is ContractClientError<TBody> {
  return (
    value instanceof Error &&
    value.name === 'ContractClientError' &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
