// The TanStack Query helpers as a consumer sees them, through dist/*.d.ts, with @tanstack/query-core.
import { QueryClient, type InfiniteData } from '@tanstack/query-core';
import { createClient } from '@webstir-io/module-contract/client';
import { byPage, createQueryUtils } from '@webstir-io/module-contract/tanstack-query';
import { contract } from './consumer.js';

const api = createQueryUtils(createClient(contract, { baseUrl: 'http://127.0.0.1:3000' }));
const queryClient = new QueryClient();

export async function firstTitle(): Promise<string | undefined> {
  const page = await queryClient.fetchQuery(api.todos.list.queryOptions({ query: { limit: 5 } }));
  return page.items[0]?.title;
}
export const pages: InfiniteData<{ total: number }, number> | undefined = queryClient.getQueryData(
  api.todos.list.infiniteOptions((page) => ({ query: { page } }), byPage).queryKey,
);
export const create = api.todos.create.mutationOptions({ onError: (error) => error.code });
export const prefix: readonly unknown[] = api.todos.key();

// @ts-expect-error - the body of todos.create needs a title
create.mutationFn({ body: { done: true } });
