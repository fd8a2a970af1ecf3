import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractError, createEnv, createLogger, toErrorBody, type ValidationError, type LogRecord } from '@webstir-io/module-contract';

describe('createEnv', () => {
  const env = createEnv({
    source: { PORT: '8080', API_TOKEN: 's3cr3t-token', NAME: 'accounts', DB_PASSWORD: 'pw-123' },
    schema: z.object({ PORT: z.coerce.number(), API_TOKEN: z.string(), NAME: z.string(), DB_PASSWORD: z.string(), REGION: z.string().optional() }),
    secrets: ['API_TOKEN', /PASSWORD$/],
  });

  it('types and parses values', () => {
    const port: number = env.get('PORT');
    expect(port).toBe(8080);
    expect(env.require('NAME')).toBe('accounts');
  });

  it('throws an internal error naming a missing key, never a client error', () => {
    let error: unknown;
    try {
      env.require('REGION');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'internal', status: 500, message: '[env] REGION is required but not set' });
    expect(toErrorBody(error)).toEqual({ code: 'internal', message: 'Internal Server Error' });
  });

  it('reports every schema problem at once', () => {
    try {
      createEnv({ source: { PORT: 'x' }, schema: z.object({ PORT: z.coerce.number(), HOST: z.string() }) });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).details).toEqual([
        { part: 'env', path: ['PORT'], message: 'Expected number, received nan' },
        { part: 'env', path: ['HOST'], message: 'Required' },
      ]);
    }
  });

  it('redacts secrets when serialised', () => {
    expect(JSON.parse(JSON.stringify(env))).toEqual({ PORT: 8080, API_TOKEN: '[REDACTED]', NAME: 'accounts', DB_PASSWORD: '[REDACTED]' });
    expect(env.isSecret('DB_PASSWORD')).toBe(true);
    expect(env.isSecret('PORT')).toBe(false);
  });

  it('lets a logger redact secret values wherever they appear', () => {
    const lines: string[] = [];
    const logger = createLogger({ sink: (line) => lines.push(line), redact: env.secretValues, now: () => new Date(0) });
    logger.with({ requestId: 'r1' }).warn('calling upstream with s3cr3t-token', { headers: { authorization: 'Bearer s3cr3t-token' }, env });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('s3cr3t-token');
    expect(lines[0]).not.toContain('pw-123');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'warn',
      message: 'calling upstream with [REDACTED]',
      requestId: 'r1',
      headers: { authorization: 'Bearer [REDACTED]' },
      time: '1970-01-01T00:00:00.000Z',
    });
  });
});

describe('createLogger', () => {
  it('logs taxonomy errors with their stack and cause chain, not their client view', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ sink: (_line, record) => records.push(record) });
    const error = new ContractError('internal', 'save failed', { cause: new Error('disk full') });
    logger.error('unhandled', { error });
    expect(records[0]!.error).toMatchObject({
      name: 'ContractError',
      code: 'internal',
      status: 500,
      message: 'save failed',
      stack: expect.stringContaining('save failed'),
      cause: { name: 'Error', message: 'disk full', stack: expect.stringContaining('disk full') },
    });
  });

  it('hands a sink the redacted record, not the raw one', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ sink: (_line, record) => records.push(record), redact: () => ['tok-123'] });
    logger.info('calling with tok-123', { token: 'tok-123' });
    expect(records[0]).toMatchObject({ message: 'calling with [REDACTED]', token: '[REDACTED]' });
  });

  it('drops lines below the level and binds child fields', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'info', sink: (_line, record) => records.push(record) });
    const child = logger.with({ requestId: 'abc' }).with({ route: 'accounts.get' });
    child.debug('hidden');
    child.info('shown', { status: 200 });
    logger.error('boom', { error: new Error('kaput') });
    expect(records.map((r) => r.message)).toEqual(['shown', 'boom']);
    expect(records[0]).toMatchObject({ level: 'info', requestId: 'abc', route: 'accounts.get', status: 200 });
  });
});
