// A status-page API: a router with a plain-object baseHeaders, and 206 and 429 answers.
// ts-rest 3.52 types such a router as no AppRouter (3.53 accepts it), so the contract is built
// with the plain object, which is what runs, and typed as its twin with a Zod headers object.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { corpusEntry } from './corpus-entry.js';

const c = initContract();
const Incident = z.object({ id: z.number().int(), title: z.string(), startedAt: z.date(), resolvedAt: z.date().nullable() });

const routes = c.router({
  summary: { method: 'GET', path: '/status', responses: { 200: z.object({ state: z.enum(['up', 'degraded', 'down']), since: z.date() }) }, summary: 'Current state' },
  incidents: {
    method: 'GET',
    path: '/status/incidents',
    query: z.object({ from: z.coerce.date(), count: z.coerce.number().int().positive().default(20) }),
    responses: { 200: z.array(Incident), 206: z.array(Incident) },
    description: 'Incidents from a date; a page that is cut short answers 206.',
  },
  subscribe: {
    method: 'POST',
    path: '/status/subscribers',
    body: z.object({ email: z.string().email() }),
    responses: { 202: z.object({ queued: z.literal(true) }), 429: z.object({ retryAfterSeconds: z.number().int() }) },
    metadata: { rateLimit: '1/min' },
  },
});

const typed = c.router(routes, { baseHeaders: z.object({ 'x-client': z.string().min(1) }) });
const untypedRouter = c.router as (routes: unknown, options: unknown) => unknown;
export const statusContract = untypedRouter(routes, { baseHeaders: { 'x-client': z.string().min(1) } }) as typeof typed;

const since = new Date('2024-05-01T00:00:00.000Z');

export const status = corpusEntry({
  name: 'status',
  contract: statusContract,
  headers: { 'x-client': 'corpus' },
  implementation: {
    summary: async () => ({ status: 200, body: { state: 'degraded' as const, since } }),
    incidents: async ({ query }) => ({ status: 206, body: [{ id: 1, title: `from ${query.from.toISOString().slice(0, 10)}, ${query.count} asked`, startedAt: since, resolvedAt: null }] }),
    subscribe: async () => ({ status: 429, body: { retryAfterSeconds: 60 } }),
  },
  requests: {
    summary: { status: 200, body: { state: 'degraded', since: '2024-05-01T00:00:00.000Z' } },
    incidents: { args: { query: { from: '2024-04-01' } }, status: 206, body: [{ id: 1, title: 'from 2024-04-01, 20 asked', startedAt: '2024-05-01T00:00:00.000Z', resolvedAt: null }] },
    subscribe: { args: { body: { email: 'ops@example.com' } }, status: 429, body: { retryAfterSeconds: 60 } },
  },
});
