// Run by the version matrix only: proves that the kit and @ts-rest/express both got the aliased copy.
import { ContractNoBody, initContract } from '@ts-rest/core';
import corePackage from '@ts-rest/core/package.json' with { type: 'json' };
import { createExpressEndpoints } from '@ts-rest/express';
import express from 'express';
import { expect, it } from 'vitest';
import { listen } from '../fixtures/listen.js';

it('resolves @ts-rest/core to the version under test', () => {
  expect(corePackage.version).toBe(process.env.TS_REST_CORE_VERSION);
});

it('gives @ts-rest/express the same copy (its no-body check matches this copy’s marker)', async () => {
  const c = initContract();
  const contract = c.router({ ping: { method: 'POST', path: '/ping', body: ContractNoBody, responses: { 200: ContractNoBody } } });
  const app = express();
  createExpressEndpoints(contract, { ping: async () => ({ status: 200 as const, body: undefined }) }, app);
  const server = await listen(app);
  try {
    const response = await fetch(`${server.url}/ping`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBeNull();
  } finally {
    await server.close();
  }
});
