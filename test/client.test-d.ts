import { initContract } from '@ts-rest/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ModuleError } from '@webstir-io/module-contract';
import {
  ContractClientError,
  createClient,
  isContractClientError,
  unwrap,
  type ClientFailure,
  type ClientFailureCode,
  type ClientResult,
} from '@webstir-io/module-contract/client';
import { accountsContract, type Account } from './fixtures/accounts.js';
import * as Generated from '../examples/accounts/web/generated/accounts-client.js';

const client = createClient(accountsContract, { baseUrl: '' });
type AccountPage = { items: Account[]; page: number; limit: number; total: number };

describe('createClient results', () => {
  it('types each declared status with its body, discriminated on status', async () => {
    const result = await client.accounts.get({ params: { id: 'x' } });
    if (result.status === 200) {
      expectTypeOf(result.body).toEqualTypeOf<Account>();
      expectTypeOf(result.ok).toEqualTypeOf<true>();
    }
    if (result.status === 404) {
      expectTypeOf(result.body).toEqualTypeOf<ModuleError>();
      expectTypeOf(result.ok).toEqualTypeOf<false>();
    }
    expectTypeOf(result.requestId).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.headers).toEqualTypeOf<Headers>();
  });

  it('narrows on ok: success bodies on one side, the one error shape on the other', async () => {
    const created = await client.accounts.create({ body: { email: 'a@example.com', name: 'A' } });
    if (created.ok) {
      expectTypeOf(created.status).toEqualTypeOf<201>();
      expectTypeOf(created.body).toEqualTypeOf<Account>();
    } else {
      expectTypeOf(created.body).toExtend<ModuleError>();
      expectTypeOf(created.body.code).toExtend<string>();
    }
    const listed = await client.accounts.list();
    if (listed.ok) expectTypeOf(listed.body).toEqualTypeOf<AccountPage>();
    const removed = await client.accounts.remove({ params: { id: 'x' } });
    if (removed.status === 204) expectTypeOf(removed.body).toEqualTypeOf<undefined>();
  });

  it('types undeclared statuses with ModuleError and never as any', async () => {
    const result = await client.accounts.get({ params: { id: 'x' } });
    if (result.status === 400 || result.status === 500 || result.status === 409) {
      expectTypeOf(result.body).toEqualTypeOf<ModuleError>();
      expectTypeOf(result.ok).toEqualTypeOf<false>();
    }
    expectTypeOf(result.body).not.toBeAny();
    type Undeclared = Exclude<typeof result, { status: 200 | 404 | 0 }>['status'];
    expectTypeOf<404 extends Undeclared ? true : false>().toEqualTypeOf<false>();
    expectTypeOf<400 extends Undeclared ? true : false>().toEqualTypeOf<true>();
    expectTypeOf<502 extends Undeclared ? true : false>().toEqualTypeOf<true>();
  });

  it('types network failures, timeouts and aborts as status 0', async () => {
    const result = await client.accounts.list();
    if (result.status === 0) {
      expectTypeOf(result).toEqualTypeOf<ClientFailure>();
      expectTypeOf(result.body.code).toExtend<ClientFailureCode>();
      expectTypeOf(result.error).toBeUnknown();
    }
  });

  it('exposes the result type of a route', () => {
    expectTypeOf<ClientResult<typeof accountsContract.accounts.get>>().toEqualTypeOf<Awaited<ReturnType<typeof client.accounts.get>>>();
  });

  it('types a declared error body that is not the one error shape as its own schema', async () => {
    const c = initContract();
    const contract = c.router({
      pay: { method: 'POST', path: '/pay', body: z.object({ cents: z.number() }), responses: { 200: z.object({ ok: z.literal(true) }), 402: z.object({ needed: z.number() }) } },
    });
    const result = await createClient(contract, { baseUrl: '' }).pay({ body: { cents: 5 } });
    if (result.status === 402) expectTypeOf(result.body).toEqualTypeOf<{ needed: number }>();
  });
});

describe('createClient arguments', () => {
  it('requires what the contract requires and nothing else', () => {
    void client.accounts.list();
    void client.accounts.list({ query: { page: 2 } });
    void client.accounts.get({ params: { id: 'x' }, extraHeaders: { 'x-tenant': 't' }, fetchOptions: { signal: AbortSignal.timeout(10) } });
    // @ts-expect-error - get needs its path params
    void client.accounts.get();
    // @ts-expect-error - the path param is `id`, not `accountId`
    void client.accounts.get({ params: { accountId: 'x' } });
    // @ts-expect-error - page is a number
    void client.accounts.list({ query: { page: 'two' } });
    // @ts-expect-error - list takes no `sort` query parameter
    void client.accounts.list({ query: { sort: 'name' } });
    // @ts-expect-error - create needs a name
    void client.accounts.create({ body: { email: 'a@example.com' } });
    // @ts-expect-error - email is a string
    void client.accounts.create({ body: { email: 1, name: 'A' } });
    // @ts-expect-error - the contract has no accounts.update
    void client.accounts.update;
  });

  it('accepts sync and async header functions', () => {
    createClient(accountsContract, { baseUrl: '', headers: { authorization: 'Bearer t' } });
    createClient(accountsContract, { baseUrl: '', headers: () => ({ authorization: 'Bearer t' }) });
    createClient(accountsContract, { baseUrl: '', headers: async () => ({ authorization: 'Bearer t' }) });
    // @ts-expect-error - header values are strings
    createClient(accountsContract, { baseUrl: '', headers: { 'x-retries': 3 } });
    // @ts-expect-error - baseUrl is required
    createClient(accountsContract, {});
  });
});

describe('the throwing mode', () => {
  it('unwrap resolves to the success body of the route', async () => {
    expectTypeOf(unwrap(client.accounts.get({ params: { id: 'x' } }))).resolves.toEqualTypeOf<Account>();
    expectTypeOf(unwrap(client.accounts.list())).resolves.toEqualTypeOf<AccountPage>();
    expectTypeOf(unwrap(client.accounts.remove({ params: { id: 'x' } }))).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(unwrap(await client.accounts.create({ body: { email: 'a@example.com', name: 'A' } }))).resolves.toEqualTypeOf<Account>();
  });

  it('throws a ContractClientError with status, the typed error body and the request id', () => {
    const error: unknown = undefined;
    if (isContractClientError(error)) {
      expectTypeOf(error).toEqualTypeOf<ContractClientError<ModuleError>>();
      expectTypeOf(error.status).toBeNumber();
      expectTypeOf(error.body).toEqualTypeOf<ModuleError>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.code).toBeString();
    }
  });
});

describe('the generated client', () => {
  const generated = Generated.createClient({ baseUrl: '' });

  it('has the same call shape and results as createClient', () => {
    expectTypeOf<Awaited<ReturnType<typeof generated.accounts.get>>>().toEqualTypeOf<Awaited<ReturnType<typeof client.accounts.get>>>();
    expectTypeOf<Awaited<ReturnType<typeof generated.accounts.list>>>().toEqualTypeOf<Awaited<ReturnType<typeof client.accounts.list>>>();
    expectTypeOf<Awaited<ReturnType<typeof generated.accounts.create>>>().toEqualTypeOf<Awaited<ReturnType<typeof client.accounts.create>>>();
    expectTypeOf<Awaited<ReturnType<typeof generated.accounts.remove>>>().toEqualTypeOf<Awaited<ReturnType<typeof client.accounts.remove>>>();
    expectTypeOf(Generated.unwrap(generated.accounts.get({ params: { id: 'x' } }))).resolves.toEqualTypeOf<Account>();
    expectTypeOf<Generated.ModuleError>().toEqualTypeOf<ModuleError>();
  });

  it('rejects the same wrong arguments', () => {
    void generated.accounts.list();
    // @ts-expect-error - get needs its path params
    void generated.accounts.get();
    // @ts-expect-error - page is a number
    void generated.accounts.list({ query: { page: 'two' } });
    // @ts-expect-error - create needs a name
    void generated.accounts.create({ body: { email: 'a@example.com' } });
  });
});
