// A contract that nests a router whose baseHeaders is a plain object of Zod schemas. ts-rest 3.53
// types it; 3.52 does not (the nested router is not an AppRouter there). Compiled by the ts-rest
// version matrix only, against each version.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';

const c = initContract();
const inner = c.router(
  { get: { method: 'GET', path: '/things/:id', responses: { 200: z.object({ id: z.string() }) } } },
  { baseHeaders: { 'x-tenant': z.string() } },
);
export const contract = c.router({ things: inner }, { pathPrefix: '/api' });

export const routes = fromTsRestRouter(contract, {
  things: { get: async ({ params, headers }) => ({ status: 200, body: { id: `${headers['x-tenant']}:${params.id}` } }) },
});
