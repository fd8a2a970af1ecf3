// The contract and the one handler every server of the throughput benchmark serves.
import { randomUUID } from 'node:crypto';
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { ModuleErrorSchema } from '@webstir-io/module-contract';

const c = initContract();

export const BenchAccount = z.object({
  id: z.string().uuid(),
  email: z.string().email(),
  name: z.string().min(1).max(100),
  bio: z.string().max(2000),
  tags: z.array(z.string().min(1).max(40)).max(20),
  address: z.object({ street: z.string().max(200), city: z.string().max(100), postcode: z.string().max(20), country: z.string().length(2) }),
  createdAt: z.string().datetime(),
});
export type BenchAccount = z.infer<typeof BenchAccount>;

export const BenchCreateAccount = BenchAccount.omit({ id: true, createdAt: true });
export type BenchCreateAccount = z.infer<typeof BenchCreateAccount>;
export const BenchAccountId = z.object({ id: z.string().uuid() });

export const benchContract = c.router(
  {
    get: { method: 'GET', path: '/accounts/:id', pathParams: BenchAccountId, responses: { 200: BenchAccount, 404: ModuleErrorSchema } },
    create: { method: 'POST', path: '/accounts', body: BenchCreateAccount, responses: { 201: BenchAccount, 409: ModuleErrorSchema } },
  },
  { pathPrefix: '/api' },
);

/** Where the benchmark puts a unique id into each create body's email. */
export const EMAIL_ID = '{id}';

/** A create body of about 1 KB, with `EMAIL_ID` in its email. */
export const createBody = JSON.stringify({
  email: `user-${EMAIL_ID}@example.com`,
  name: 'Ada Lovelace',
  bio: 'Analyst, metaphysician and founder of scientific computing. '.repeat(13).trim(),
  tags: ['math', 'engines', 'poetry', 'music', 'notes', 'bernoulli', 'loom', 'cards', 'analysis', 'history'],
  address: { street: '12 St James Square', city: 'London', postcode: 'SW1Y 4JH', country: 'GB' },
} satisfies Omit<BenchCreateAccount, 'email'> & { email: string });

export const SEEDED_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/**
 * The handler, identical for every server: reads from and writes to an in-memory map, and
 * refuses a taken email with a 409 (the benchmark makes every email unique, so none is refused).
 */
export function createBenchHandlers() {
  const accounts = new Map<string, BenchAccount>();
  const emails = new Set<string>();
  accounts.set(SEEDED_ID, {
    id: SEEDED_ID,
    email: 'seed@example.com',
    name: 'Seed',
    bio: 'The account every GET reads.',
    tags: ['seed'],
    address: { street: '1 Main St', city: 'Springfield', postcode: '12345', country: 'US' },
    createdAt: '2024-01-01T00:00:00.000Z',
  });
  return {
    async get(id: string) {
      const account = accounts.get(id);
      return account
        ? { status: 200 as const, body: account }
        : { status: 404 as const, body: { code: 'not_found', message: `Account ${id} not found` } };
    },
    async create(input: BenchCreateAccount) {
      if (emails.has(input.email)) return { status: 409 as const, body: { code: 'email_taken', message: 'Email already registered' } };
      emails.add(input.email);
      return { status: 201 as const, body: { ...input, id: randomUUID(), createdAt: new Date().toISOString() } };
    },
  };
}
