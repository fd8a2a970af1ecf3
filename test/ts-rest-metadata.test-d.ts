import { initContract } from '@ts-rest/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Diagnostic } from '@webstir-io/module-contract';
import { fromTsRestRouter, type TsRestAuthMapper } from '@webstir-io/module-contract/ts-rest';

const c = initContract();
const contract = c.router({ a: { method: 'GET', path: '/a', responses: { 200: z.null() }, metadata: { auth: true } } });
const impl = { a: async () => ({ status: 200 as const, body: null }) };

describe('fromTsRestRouter options', () => {
  it('take an auth mapper returning the kit requirement, and a diagnostic handler', () => {
    fromTsRestRouter(contract, impl, { auth: (metadata) => ((metadata as { auth?: boolean }).auth ? { permissions: ['a'] } : undefined), onWarning: () => {} });
    expectTypeOf<Parameters<TsRestAuthMapper>[0]>().toBeUnknown();
    expectTypeOf<Diagnostic['level']>().toEqualTypeOf<'warning' | 'error'>();
    // @ts-expect-error - the mapper must return a requirement, not the application's own value
    fromTsRestRouter(contract, impl, { auth: () => 'public' });
    // @ts-expect-error - a requirement has no roles: map them to permissions
    fromTsRestRouter(contract, impl, { auth: () => ({ roles: ['admin'] }) });
  });
});
