import { describe, expect, it } from 'vitest';
import {
  AuthError,
  ContractError,
  DomainError,
  isContractError,
  ModuleErrorSchema,
  NotFoundError,
  toErrorBody,
  toHttpStatus,
  ValidationError,
} from '@webstir-io/module-contract';

describe('error taxonomy', () => {
  it.each([
    [new ValidationError('bad input'), 400, 'validation'],
    [new AuthError('unauthorized'), 401, 'unauthorized'],
    [new AuthError('forbidden'), 403, 'forbidden'],
    [new NotFoundError(), 404, 'not_found'],
    [new DomainError('taken'), 409, 'conflict'],
    [new DomainError('taken', { code: 'email_taken' }), 409, 'email_taken'],
    [new DomainError('not allowed now', { code: 'unprocessable' }), 422, 'unprocessable'],
    [new DomainError('semantic', { status: 422 }), 422, 'conflict'],
  ])('%s maps to %i %s', (error, status, code) => {
    expect(toHttpStatus(error)).toBe(status);
    expect(error.code).toBe(code);
    expect(isContractError(error)).toBe(true);
    const body = toErrorBody(error, 'req-1');
    expect(ModuleErrorSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ code, correlationId: 'req-1' });
  });

  it('serialises the one error shape', () => {
    const cause = new NotFoundError('Account 7 not found');
    const error = new ValidationError('Request does not match the contract', {
      details: [{ part: 'body', path: ['email'], message: 'Invalid email' }],
      cause,
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'validation',
      message: 'Request does not match the contract',
      details: [{ part: 'body', path: ['email'], message: 'Invalid email' }],
      cause: { code: 'not_found', message: 'Account 7 not found' },
    });
  });

  it('never leaks an unknown error', () => {
    const secret = new Error('password=hunter2 at db.internal:5432');
    expect(toHttpStatus(secret)).toBe(500);
    const body = toErrorBody(secret, 'req-2');
    expect(body).toEqual({ code: 'internal', message: 'Internal Server Error', correlationId: 'req-2' });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(toErrorBody('a string', 'r')).toEqual({ code: 'internal', message: 'Internal Server Error', correlationId: 'r' });
    expect(toErrorBody(undefined)).toEqual({ code: 'internal', message: 'Internal Server Error' });
  });

  it('hides the message of a 5xx ContractError and never serialises a plain cause', () => {
    const error = new ContractError('internal', 'connection string is postgres://u:p@h', { status: 503 });
    expect(toHttpStatus(error)).toBe(503);
    expect(toErrorBody(error).message).toBe('Internal Server Error');
    const wrapped = new DomainError('Could not save', { cause: new Error('disk full at /var/lib') });
    expect(JSON.stringify(wrapped)).not.toContain('disk full');
  });

  it('never sends a cause that is a server error', () => {
    const hidden = new NotFoundError('Account 7 not found', { cause: new ContractError('internal', 'db at 10.0.0.3: password auth failed') });
    expect(JSON.stringify(toErrorBody(hidden, 'r'))).not.toContain('10.0.0.3');
    expect(toErrorBody(hidden, 'r')).toEqual({ code: 'not_found', message: 'Account 7 not found', correlationId: 'r' });
  });

  it('recognises errors from another copy of the package by brand, not instanceof', () => {
    const foreign = Object.assign(Object.create(null), { [Symbol.for('@webstir-io/module-contract/error')]: true, status: 404 });
    expect(isContractError(foreign)).toBe(true);
    expect(isContractError(new Error('x'))).toBe(false);
    expect(isContractError(null)).toBe(false);
  });
});
