import { ERROR_STATUS, INTERNAL_ERROR_MESSAGE, type ErrorCode, type ModuleError, type ValidationIssue } from './module-error.js';

export interface ContractErrorOptions {
  details?: unknown;
  cause?: unknown;
  correlationId?: string;
  /** Overrides the code's default status. */
  status?: number;
}

const BRAND = Symbol.for('@webstir-io/module-contract/error');

/**
 * Base of the error taxonomy: a typed `code`, an HTTP `status` and a `toJSON()` in the one error shape.
 * The `cause` is kept for logs and sent to clients only when it is itself a client error (status < 500).
 */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  declare readonly details?: unknown;
  declare correlationId?: string;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message: string, options: ContractErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ContractError';
    this.code = code;
    this.status = options.status ?? (ERROR_STATUS as Record<string, number>)[code] ?? 500;
    if (options.details !== undefined) (this as { details?: unknown }).details = options.details;
    if (options.correlationId !== undefined) this.correlationId = options.correlationId;
  }

  toJSON(): ModuleError {
    const body: ModuleError = { code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    // A cause reaches the client only when it is itself a client error (< 500); anything else stays in the logs.
    if (isContractError(this.cause) && this.cause.status < 500) body.cause = this.cause.toJSON();
    if (this.correlationId !== undefined) body.correlationId = this.correlationId;
    return body;
  }
}

/** 400: the input does not match the contract. `details` lists every issue. */
export class ValidationError extends ContractError {
  declare readonly details?: ValidationIssue[] | unknown;
  constructor(message: string, options: ContractErrorOptions = {}) {
    super('validation', message, options);
    this.name = 'ValidationError';
  }
}

/** 401 when there is no session (`unauthorized`), 403 when it lacks a permission (`forbidden`). */
export class AuthError extends ContractError {
  constructor(kind: 'unauthorized' | 'forbidden', message?: string, options: Omit<ContractErrorOptions, 'status'> = {}) {
    super(kind, message ?? (kind === 'unauthorized' ? 'Authentication required' : 'Permission denied'), options);
    this.name = 'AuthError';
  }
}

/** 404: the resource does not exist. */
export class NotFoundError extends ContractError {
  constructor(message = 'Not found', options: ContractErrorOptions = {}) {
    super('not_found', message, options);
    this.name = 'NotFoundError';
  }
}

/**
 * A rule of the domain refused the request: 409 `conflict` by default, 422 `unprocessable` for
 * semantic errors, or a domain code of the module's own.
 * @example throw new DomainError('Email already registered', { code: 'email_taken' })
 */
export class DomainError extends ContractError {
  constructor(message: string, options: ContractErrorOptions & { code?: ErrorCode } = {}) {
    const code = options.code ?? 'conflict';
    super(code, message, { ...options, status: options.status ?? (code === 'unprocessable' ? 422 : 409) });
    this.name = 'DomainError';
  }
}

/** Structural check, so errors from a second copy of the package are still recognised. */
export function isContractError(value: unknown): value is ContractError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The HTTP status for any thrown value: the taxonomy's status, otherwise 500. */
export function toHttpStatus(error: unknown): number {
  return isContractError(error) ? error.status : 500;
}

/**
 * The body to send for any thrown value. Unknown errors become a generic internal error:
 * their message and stack never reach a client.
 */
export function toErrorBody(error: unknown, correlationId?: string): ModuleError {
  if (isContractError(error) && error.status < 500) {
    const body = error.toJSON();
    if (correlationId !== undefined) body.correlationId = correlationId;
    return body;
  }
  const body: ModuleError = { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
  if (correlationId !== undefined) body.correlationId = correlationId;
  return body;
}
