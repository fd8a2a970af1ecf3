import { z } from 'zod';
import { createModule, defineView, ModuleErrorSchema } from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { Account, AccountId, AccountPage, accountsContract, CreateAccount } from './contract.js';
import { MemoryAccountStore, type AccountStore } from './store.js';

export const AccountProfile = z.object({ account: Account, title: z.string() });

/** Builds the Accounts module on a store; the in-memory store is the default. */
export function createAccountsModule(store: AccountStore = new MemoryAccountStore()) {
  const routes = fromTsRestRouter(accountsContract, {
    accounts: {
      list: async ({ query }) => ({ status: 200, body: await store.list(query) }),
      get: async ({ params }) => ({ status: 200, body: await store.get(params.id) }),
      create: async ({ body }, ctx) => {
        const account = await store.create(body);
        ctx.logger.info('account created', { accountId: account.id });
        return { status: 201, body: account };
      },
      remove: async ({ params }) => {
        await store.remove(params.id);
        return { status: 204, body: undefined };
      },
    },
  });

  const profile = defineView({
    name: 'account-profile',
    path: '/accounts/:id',
    params: AccountId,
    data: AccountProfile,
    load: async ({ params }) => {
      const account = await store.get(params.id);
      return { account, title: `${account.name} <${account.email}>` };
    },
  });

  return createModule({
    manifest: { name: 'accounts', version: '1.0.0', kind: 'backend', capabilities: ['db', 'auth', 'views'] },
    routes,
    views: [profile],
    schemas: { Account, CreateAccount, AccountPage, AccountProfile, ModuleError: ModuleErrorSchema },
  });
}

const accountsModule = createAccountsModule();
export default accountsModule;
