// Constructs that real contracts use and that the kit refused or got wrong: c.type<>() parts,
// z.void() responses, a required authorization header, and optional path parameters. Each is its
// own small contract, so each passes or fails on its own.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { DemoTokenAuthProvider } from '../../examples/accounts/providers.js';
import { corpusEntry } from './corpus-entry.js';

const c = initContract();

const plainTypesContract = c.router(
  {
    get: { method: 'GET', path: '/legacy/:id', responses: { 200: c.type<{ id: string; legacy: true }>() } },
    create: { method: 'POST', path: '/legacy', body: c.type<{ name: string }>(), responses: { 201: c.type<{ id: string; name: string }>() } },
  },
  { pathPrefix: '/pending' },
);

export const plainTypes = corpusEntry({
  name: 'c.type<>() parts',
  contract: plainTypesContract,
  implementation: {
    get: async ({ params }) => ({ status: 200, body: { id: params.id, legacy: true } }),
    create: async ({ body }) => ({ status: 201, body: { id: 'n-1', name: body.name } }),
  },
  requests: {
    get: { args: { params: { id: 'l-1' } }, status: 200, body: { id: 'l-1', legacy: true } },
    create: { args: { body: { name: 'Old' } }, status: 201, body: { id: 'n-1', name: 'Old' } },
  },
});

const voidResponsesContract = c.router(
  {
    ping: { method: 'POST', path: '/ping', body: z.object({ at: z.string() }), responses: { 200: z.void() } },
    touch: { method: 'PUT', path: '/touch/:id', body: c.noBody(), responses: { 202: z.undefined() } },
  },
  { pathPrefix: '/pending' },
);

export const voidResponses = corpusEntry({
  name: 'z.void() responses',
  contract: voidResponsesContract,
  implementation: {
    ping: async () => ({ status: 200, body: undefined }),
    touch: async () => ({ status: 202, body: undefined }),
  },
  requests: {
    ping: { args: { body: { at: 'now' } }, status: 200, contentType: null },
    touch: { args: { params: { id: 't-1' } }, status: 202, contentType: null },
  },
});

const authorizationHeaderContract = c.router(
  {
    me: { method: 'GET', path: '/me', headers: z.object({ authorization: z.string().startsWith('Bearer ') }), responses: { 200: z.object({ subject: z.string() }) } },
  },
  { pathPrefix: '/pending' },
);

export const authorizationHeader = corpusEntry({
  name: 'a required authorization header',
  contract: authorizationHeaderContract,
  mount: { context: () => ({ auth: new DemoTokenAuthProvider({ 'me-token': { subject: 'me', permissions: [] } }) }) },
  headers: { authorization: 'Bearer me-token' },
  implementation: {
    me: async ({ headers }) => ({ status: 200, body: { subject: headers.authorization.slice('Bearer '.length) } }),
  },
  requests: {
    me: { status: 200, body: { subject: 'me-token' } },
  },
});

const optionalPathParamsContract = c.router(
  {
    posts: { method: 'GET', path: '/posts/:id?', responses: { 200: z.object({ id: z.string().nullable() }) } },
  },
  { pathPrefix: '/pending' },
);

export const optionalPathParams = corpusEntry({
  name: 'optional path parameters',
  contract: optionalPathParamsContract,
  implementation: {
    posts: async ({ params }) => ({ status: 200, body: { id: params.id ?? null } }),
  },
  requests: {
    posts: { args: { params: { id: 'p-1' } }, status: 200, body: { id: 'p-1' } },
  },
});
