import type { ModuleError } from '../../src/module-error.js';

/**
 * Thrown by `unwrap` for every outcome that is not a declared success: an error status, an
 * undeclared status, or a `ClientFailure` (status 0).
 */
export class ContractClientError<TBody = ModuleError> extends Error {
  /** The HTTP status, or 0 when there was no usable response. */
  readonly status: number;
  /** The body's `code` (`email_taken`, `not_found`, `timeout`...). */
  readonly code: string;
  /** The error body, typed by the contract. */
  readonly body: TBody;
  /** The request id the server echoed, or else the one sent. */
  readonly requestId: string | undefined;

  constructor(result: { status: number; body: TBody; requestId: string | undefined }, options?: { cause?: unknown }) {
    const body = result.body as { code?: unknown; message?: unknown } | undefined;
    const code = typeof body?.code === 'string' ? body.code : 'unexpected_status';
    const text = typeof body?.message === 'string' ? body.message : `HTTP ${result.status}`;
    super(
      `${result.status === 0 ? text : `[client] HTTP ${result.status} ${code}: ${text}`}${result.requestId ? ` (request ${result.requestId})` : ''}`,
      options,
    );
    this.name = 'ContractClientError';
    this.status = result.status;
    this.code = code;
    this.body = result.body;
    this.requestId = result.requestId;
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
