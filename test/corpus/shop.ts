// A shop API: a Zod baseHeaders on a nested router, c.otherResponse with text/html, text/plain and text/csv, c.noBody(), nested discriminated
// unions, transforms and pipes, branded strings, JSON bodies that are not objects, and the 206,
// 424 and 429 statuses.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { corpusEntry } from './corpus-entry.js';

const c = initContract();

const Sku = z.string().regex(/^[A-Z]{3}-\d{3}$/).brand<'Sku'>();
const Money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const Item = z.object({ sku: Sku, name: z.string(), price: Money });
const Card = z.discriminatedUnion('brand', [
  z.object({ brand: z.literal('visa'), last4: z.string().length(4) }),
  z.object({ brand: z.literal('amex'), last4: z.string().length(4), cid: z.string().length(4) }),
]);
const Payment = z.discriminatedUnion('method', [
  z.object({ method: z.literal('card'), card: Card }),
  z.object({ method: z.literal('bank'), iban: z.string().min(15) }),
]);
const Checkout = z.object({
  email: z.string().email().transform((email) => email.toLowerCase()),
  lines: z.array(z.object({ sku: Sku, quantity: z.number().int().positive() })).min(1),
  payment: Payment,
  note: z.string().max(200).default(''),
});
const Problem = z.object({ reason: z.string() });
const Throttled = z.object({ reason: z.literal('rate_limited'), retryAfterSeconds: z.number().int() });

const catalog = c.router(
  {
    page: { method: 'GET', path: '/catalog', responses: { 200: c.otherResponse({ contentType: 'text/html', body: z.string() }) }, summary: 'The catalog as a page' },
    robots: { method: 'GET', path: '/robots.txt', responses: { 200: c.otherResponse({ contentType: 'text/plain', body: z.string() }) } },
    export: {
      method: 'GET',
      path: '/catalog/export',
      query: z.object({ offset: z.string().pipe(z.coerce.number().int().min(0)), limit: z.coerce.number().int().max(100).default(100) }),
      responses: { 200: c.otherResponse({ contentType: 'text/csv', body: z.string() }), 206: c.otherResponse({ contentType: 'text/csv', body: z.string() }) },
      summary: 'Items as CSV; a partial export answers 206',
    },
    item: { method: 'GET', path: '/catalog/items/:sku', pathParams: z.object({ sku: Sku }), responses: { 200: Item, 404: Problem } },
  },
  { baseHeaders: z.object({ 'x-api-version': z.literal('2') }) },
);

const orders = c.router({
  checkout: { method: 'POST', path: '/orders', body: Checkout, responses: { 201: z.object({ id: z.string(), total: Money }), 424: Problem }, summary: 'Place an order' },
  note: { method: 'PUT', path: '/orders/:id/note', body: z.string().max(500), responses: { 204: c.noBody() } },
  tag: { method: 'POST', path: '/orders/:id/tags', body: z.array(z.string().min(1)), responses: { 200: z.array(z.string()) } },
  cancel: { method: 'DELETE', path: '/orders/:id', body: c.noBody(), responses: { 204: c.noBody(), 429: Throttled }, strictStatusCodes: true },
});

export const shopContract = c.router({ catalog, orders }, { pathPrefix: '/shop' });

export const shop = corpusEntry({
  name: 'shop',
  contract: shopContract,
  headers: { 'x-api-version': '2' },
  implementation: {
    catalog: {
      page: async () => ({ status: 200, body: '<!doctype html><title>Catalog</title><h1>Catalog</h1>' }),
      robots: async () => ({ status: 200, body: 'User-agent: *\nDisallow: /shop/orders\n' }),
      export: async ({ query }) => ({ status: 206, body: `sku,name\nABC-${String(query.offset).padStart(3, '0')},Mug\n` }),
      item: async ({ params }) => ({ status: 200, body: { sku: params.sku, name: 'Mug', price: { amount: 1200, currency: 'EUR' } } }),
    },
    orders: {
      checkout: async ({ body }) => {
        if (body.payment.method === 'card' && body.payment.card.brand === 'amex') return { status: 424, body: { reason: `card provider down for ${body.email}` } };
        return { status: 201, body: { id: 'o-1', total: { amount: 1200, currency: 'EUR' } } };
      },
      note: async () => ({ status: 204, body: undefined }),
      tag: async ({ body }) => ({ status: 200, body: [...new Set(body)].sort() }),
      cancel: async () => ({ status: 429, body: { reason: 'rate_limited' as const, retryAfterSeconds: 30 } }),
    },
  },
  requests: {
    'catalog.page': { status: 200, contentType: 'text/html', body: '<!doctype html><title>Catalog</title><h1>Catalog</h1>' },
    'catalog.robots': { status: 200, contentType: 'text/plain', body: 'User-agent: *\nDisallow: /shop/orders\n' },
    'catalog.export': { args: { query: { offset: '7' } }, status: 206, contentType: 'text/csv', body: 'sku,name\nABC-007,Mug\n' },
    'catalog.item': { args: { params: { sku: 'MUG-001' } }, status: 200, body: { sku: 'MUG-001', name: 'Mug', price: { amount: 1200, currency: 'EUR' } } },
    'orders.checkout': {
      args: { body: { email: 'Ada@Example.com', lines: [{ sku: 'MUG-001', quantity: 2 }], payment: { method: 'card', card: { brand: 'amex', last4: '0005', cid: '1234' } } } },
      status: 424,
      body: { reason: 'card provider down for ada@example.com' },
    },
    'orders.note': { args: { params: { id: 'o-1' }, body: 'Leave at the door' }, status: 204, contentType: null },
    'orders.tag': { args: { params: { id: 'o-1' }, body: ['gift', 'b', 'gift'] }, status: 200, body: ['b', 'gift'] },
    'orders.cancel': { args: { params: { id: 'o-1' } }, status: 429, body: { reason: 'rate_limited', retryAfterSeconds: 30 } },
  },
});
