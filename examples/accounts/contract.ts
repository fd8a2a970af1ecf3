import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { ModuleErrorSchema, pageQuery, paged } from '@webstir-io/module-contract';

const c = initContract();

export const Account = z.object({
  id: z.string().uuid(),
  email: z.string().email(),
  name: z.string().min(1).max(100),
  createdAt: z.string().datetime(),
});
export type Account = z.infer<typeof Account>;

export const CreateAccount = Account.pick({ email: true, name: true });
export type CreateAccount = z.infer<typeof CreateAccount>;

export const AccountPage = paged(Account);
export const AccountId = z.object({ id: z.string().uuid() });

/** The Accounts API. Frontends import this file (and nothing of the server) to call it. */
export const accountsContract = c.router(
  {
    accounts: c.router({
      list: {
        method: 'GET',
        path: '/accounts',
        query: pageQuery(),
        responses: { 200: AccountPage },
        summary: 'List accounts, a page at a time',
      },
      get: {
        method: 'GET',
        path: '/accounts/:id',
        pathParams: AccountId,
        responses: { 200: Account, 404: ModuleErrorSchema },
        summary: 'Get one account',
      },
      create: {
        method: 'POST',
        path: '/accounts',
        body: CreateAccount,
        responses: { 201: Account, 409: ModuleErrorSchema },
        summary: 'Create an account',
        description: 'Fails with 409 `email_taken` when the email is already registered.',
      },
      remove: {
        method: 'DELETE',
        path: '/accounts/:id',
        pathParams: AccountId,
        body: c.noBody(),
        responses: { 204: c.noBody(), 404: ModuleErrorSchema },
        summary: 'Delete an account',
        metadata: { auth: { permissions: ['accounts:delete'] } },
      },
    }),
  },
  { pathPrefix: '/api' },
);

export type AccountsContract = typeof accountsContract;
