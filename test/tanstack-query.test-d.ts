import { QueryClient, type InfiniteData, type QueryKey } from '@tanstack/query-core';
import { useInfiniteQuery, useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useQuery as useVueQuery } from '@tanstack/vue-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { Ref } from 'vue';
import type { ModuleError } from '@webstir-io/module-contract';
import { createClient, type ClientResult, type ContractClientError, type FailureBody } from '@webstir-io/module-contract/client';
import { byCursor, byPage, createQueryUtils } from '@webstir-io/module-contract/tanstack-query';
import * as Generated from '../examples/accounts/web/generated/accounts-client.js';
import { accountsContract, type Account } from './fixtures/accounts.js';

type AccountPage = { items: Account[]; page: number; limit: number; total: number };
type Routes = (typeof accountsContract)['accounts'];
/** The error of a route: a ContractClientError whose body is the route's failure bodies. */
type ErrorOf<TRoute extends Routes[keyof Routes]> = ContractClientError<FailureBody<ClientResult<TRoute>>>;
const api = createQueryUtils(createClient(accountsContract, { baseUrl: '' }));
const generated = createQueryUtils(Generated.createClient({ baseUrl: '' }));
const id = '6f1c2a52-3b0e-4c8e-9a57-1e2f3a4b5c6d';

describe('queryOptions', () => {
  it('fits useQuery: data is the success body, error a ContractClientError with the typed body', () => {
    const { data, error } = useQuery(api.accounts.get.queryOptions({ params: { id } }));
    expectTypeOf(data).toEqualTypeOf<Account | undefined>();
    expectTypeOf(error).toEqualTypeOf<ErrorOf<Routes['get']> | null>();
    expectTypeOf(error!.body).toExtend<ModuleError>();
    const list = useQuery(api.accounts.list.queryOptions());
    expectTypeOf(list.data).toEqualTypeOf<AccountPage | undefined>();
  });

  it('fits useSuspenseQuery, whose data is never undefined', () => {
    const { data, error } = useSuspenseQuery(api.accounts.get.queryOptions({ params: { id } }));
    expectTypeOf(data).toEqualTypeOf<Account>();
    expectTypeOf(error).toEqualTypeOf<ErrorOf<Routes['get']> | null>();
  });

  it("passes TanStack's own options through, with select typed", () => {
    const { data } = useQuery(api.accounts.list.queryOptions({ query: { limit: 5 } }, { staleTime: 1_000, select: (page) => page.total }));
    expectTypeOf(data).toEqualTypeOf<number | undefined>();
    // @ts-expect-error - select receives the page, which has no `count`
    api.accounts.list.queryOptions({}, { select: (page) => page.count });
  });

  it('tags the key with the data and error types, for the QueryClient', () => {
    const options = api.accounts.get.queryOptions({ params: { id } });
    const cached = new QueryClient().getQueryData(options.queryKey);
    expectTypeOf(cached).toEqualTypeOf<Account | undefined>();
  });

  it('fits useQuery from @tanstack/vue-query', () => {
    const { data, error } = useVueQuery(api.accounts.get.queryOptions({ params: { id } }));
    // vue-query types its result as a union of refs, one per state.
    expectTypeOf(data).toExtend<Ref<Account | undefined>>();
    expectTypeOf(data.value).toEqualTypeOf<Account | undefined>();
    expectTypeOf(error.value).toEqualTypeOf<ErrorOf<Routes['get']> | null>();
  });

  it('checks the input against the route', () => {
    // @ts-expect-error - accounts.get needs params
    api.accounts.get.queryOptions();
    // @ts-expect-error - id is a string
    api.accounts.get.queryOptions({ params: { id: 1 } });
    // @ts-expect-error - the list takes no `offset`
    api.accounts.list.queryOptions({ query: { offset: 1 } });
    // @ts-expect-error - the signal comes from TanStack, not the input
    api.accounts.get.queryOptions({ params: { id }, fetchOptions: { signal: new AbortController().signal } });
    // @ts-expect-error - there is no accounts.update route
    api.accounts.update.queryOptions();
  });
});

describe('mutationOptions', () => {
  it('fits useMutation: variables are the input, data the success body, error typed', () => {
    const mutation = useMutation(api.accounts.create.mutationOptions({ onSuccess: (account) => expectTypeOf(account).toEqualTypeOf<Account>() }));
    expectTypeOf(mutation.data).toEqualTypeOf<Account | undefined>();
    expectTypeOf(mutation.error).toEqualTypeOf<ErrorOf<Routes['create']> | null>();
    mutation.mutate({ body: { email: 'ada@example.com', name: 'Ada' } });
    // @ts-expect-error - the body needs a name
    mutation.mutate({ body: { email: 'ada@example.com' } });
    // @ts-expect-error - create takes a body
    mutation.mutate();
  });

  it('types onError with the route error and a context from onMutate', () => {
    useMutation(
      api.accounts.remove.mutationOptions({
        onMutate: () => ({ previous: 3 }),
        onError: (error, variables, context) => {
          expectTypeOf(error.code).toEqualTypeOf<string>();
          expectTypeOf(error).toEqualTypeOf<ErrorOf<Routes['remove']>>();
          expectTypeOf(variables.params.id).toEqualTypeOf<string>();
          expectTypeOf(context).toEqualTypeOf<{ previous: number } | undefined>();
        },
      }),
    );
  });
});

describe('infiniteOptions', () => {
  it('fits useInfiniteQuery with byPage on a pageQuery list', () => {
    const { data, fetchNextPage } = useInfiniteQuery(api.accounts.list.infiniteOptions((page) => ({ query: { page, limit: 20 } }), byPage));
    expectTypeOf(data).toEqualTypeOf<InfiniteData<AccountPage, number> | undefined>();
    expectTypeOf(fetchNextPage).toBeFunction();
  });

  it('takes its own page params, typed by initialPageParam', () => {
    const options = api.accounts.list.infiniteOptions((page) => ({ query: { page } }), {
      initialPageParam: 2,
      getNextPageParam: (last) => (last.page < 3 ? last.page + 1 : undefined),
      staleTime: 5_000,
    });
    expectTypeOf(options.queryKey).toExtend<QueryKey>();
    // @ts-expect-error - byCursor pages by string cursors; a pageQuery list pages by number
    api.accounts.list.infiniteOptions((page: number) => ({ query: { page } }), byCursor);
    // @ts-expect-error - getNextPageParam is required
    api.accounts.list.infiniteOptions((page: number) => ({ query: { page } }), { initialPageParam: 1 });
  });
});

describe('keys', () => {
  it('gives a key per route and per router', () => {
    expectTypeOf(api.key()).toEqualTypeOf<QueryKey>();
    expectTypeOf(api.accounts.key()).toEqualTypeOf<QueryKey>();
    expectTypeOf(api.accounts.list.key({ query: { limit: 5 } })).toEqualTypeOf<QueryKey>();
    // @ts-expect-error - a key's input is still the route's input
    api.accounts.get.key({ params: { uuid: id } });
  });
});

describe('the generated client', () => {
  it('gives the same types through createQueryUtils', () => {
    const { data, error } = useQuery(generated.accounts.get.queryOptions({ params: { id } }));
    expectTypeOf(data?.email).toEqualTypeOf<string | undefined>();
    expectTypeOf(error?.status).toEqualTypeOf<number | undefined>();
    expectTypeOf(useSuspenseQuery(generated.accounts.list.queryOptions()).data.total).toEqualTypeOf<number>();
    const mutation = useMutation(generated.accounts.create.mutationOptions());
    expectTypeOf(mutation.data?.id).toEqualTypeOf<string | undefined>();
    const pages = useInfiniteQuery(generated.accounts.list.infiniteOptions((page) => ({ query: { page } }), byPage));
    expectTypeOf(pages.data?.pages[0]?.items[0]?.name).toEqualTypeOf<string | undefined>();
    // @ts-expect-error - accounts.get needs params
    generated.accounts.get.queryOptions({});
  });
});
