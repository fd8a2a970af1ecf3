import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@webstir-io/module-contract';
import { createAccountsApp } from '../examples/accounts/app.js';
import { listen } from './fixtures/listen.js';
import { PYTHON, pythonSkipReason } from './fixtures/python.js';

const root = join(import.meta.dirname, '..');
const skip = pythonSkipReason(['pydantic']);

describe.skipIf(skip)('examples/python-consumer against the running Accounts server', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const accounts = await createAccountsApp({ logger: createLogger({ sink: () => {} }) });
    close = accounts.close;
    server = await listen(accounts.app);
  });
  afterAll(async () => {
    await server?.close();
    await close?.();
  });

  it('validates payloads with the generated models and parses every response with them, over urllib', async () => {
    // Asynchronous, so this process's server keeps answering while Python calls it.
    const run = await promisify(execFile)(PYTHON, [join(root, 'examples/python-consumer/consumer.py'), server.url], { encoding: 'utf8', timeout: 60_000 }).then(
      ({ stdout, stderr }) => ({ stdout, stderr, status: 0 }),
      (error: { stdout: string; stderr: string; code: number }) => ({ stdout: error.stdout, stderr: error.stderr, status: error.code }),
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.create_payload).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(report.refused).toEqual({ 'bad email': true, 'empty name': true, 'name too long': true, 'number for name': true, 'missing email': true });
    expect(report.create).toEqual({ status: 201, email: 'ada@example.com' });
    expect(report.get).toEqual({ status: 200, same: true, round_trip: true });
    expect(report.list.status).toBe(200);
    expect(report.list.total).toBeGreaterThanOrEqual(1);
    expect(report.duplicate).toEqual({ status: 409, code: 'email_taken' });
    expect(report.invalid).toEqual({ status: 400, code: 'validation' });
    expect(report.delete_forbidden).toEqual({ status: 403, code: 'forbidden' });
    expect(report.delete).toEqual({ status: 204 });
    expect(report.gone).toEqual({ status: 404, code: 'not_found' });
    expect(run.status).toBe(0);
  });
});
