import express from 'express';
import { describe, expectTypeOf, it } from 'vitest';
import type { ContractModule, DatabaseHandle, Env, Session } from '@webstir-io/module-contract';
import { mountModule, type ContextProviders, type MountedModule, type MountedRoute, type MountOptions } from '@webstir-io/module-contract/express';
import { DemoTokenAuthProvider, MemoryDatabaseProvider } from '../examples/accounts/providers.js';
import { createAccountsModule } from './fixtures/accounts.js';

declare const module: ContractModule;
declare const db: DatabaseHandle;
declare const env: Env;

describe('mountModule types', () => {
  it('mounts on an app or a router and returns a handle', () => {
    expectTypeOf(mountModule(express(), module)).toEqualTypeOf<MountedModule>();
    expectTypeOf(mountModule(express.Router(), createAccountsModule())).toEqualTypeOf<MountedModule>();
    expectTypeOf<MountedModule['ready']>().toEqualTypeOf<Promise<void>>();
    expectTypeOf<MountedModule['close']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<MountedRoute['kind']>().toEqualTypeOf<'route' | 'view'>();
  });

  it('takes providers from context(req, res), sync or async', () => {
    const auth = new DemoTokenAuthProvider();
    mountModule(express(), module, { context: () => ({ auth, db, env }) });
    mountModule(express(), module, {
      context: async (req, res) => {
        expectTypeOf(req).toEqualTypeOf<express.Request>();
        expectTypeOf(res).toEqualTypeOf<express.Response>();
        return { session: null };
      },
    });
    const session: Session = { id: 's', subject: 'me', permissions: [] };
    mountModule(express(), module, { context: () => ({ session }) });
    expectTypeOf<ContextProviders['db']>().toEqualTypeOf<DatabaseHandle | undefined>();
    expectTypeOf<Awaited<ReturnType<MemoryDatabaseProvider['connect']>>>().toMatchTypeOf<DatabaseHandle>();
  });

  it('rejects what is not a provider or an option', () => {
    // @ts-expect-error - a db must be a DatabaseHandle
    mountModule(express(), module, { context: () => ({ db: 42 }) });
    // @ts-expect-error - an auth provider needs getSession
    mountModule(express(), module, { context: () => ({ auth: { createSession: () => null } }) });
    // @ts-expect-error - responseValidation is a boolean
    mountModule(express(), module, { responseValidation: 'yes' });
    // @ts-expect-error - bodyLimit is bytes or a size string
    mountModule(express(), module, { bodyLimit: { max: 1 } });
    // @ts-expect-error - the second argument is a module, not its routes
    mountModule(express(), module.routes);
    // @ts-expect-error - unknown options are refused
    mountModule(express(), module, { prefix: '/api' } satisfies MountOptions);
  });
});
