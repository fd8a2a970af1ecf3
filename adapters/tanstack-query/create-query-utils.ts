import { unwrap, type AnyClientResult } from '../client/index.js';
import { queryKey } from './query-key.js';
import type { QueryUtils } from './route-query-utils.js';

type Call = (args?: object) => Promise<AnyClientResult>;
type Options = Record<string, unknown> & { initialPageParam?: unknown };

/**
 * TanStack Query helpers for a typed client, from `createClient` or a generated client: per route
 * `queryOptions`, `infiniteOptions`, `mutationOptions` and `key`, per router `key`. They build
 * plain option objects for TanStack Query v5 in any framework (React, Vue, Solid, Svelte, or
 * `QueryClient` alone), and import nothing from TanStack at run time.
 * @example
 * const api = createQueryUtils(createClient(accountsContract, { baseUrl: '' }));
 * const { data, error } = useQuery(api.accounts.get.queryOptions({ params: { id } }));
 * await queryClient.invalidateQueries({ queryKey: api.accounts.key() });
 */
export function createQueryUtils<const TClient extends object>(client: TClient): QueryUtils<TClient> {
  return node(client, []) as QueryUtils<TClient>;
}

// Resolved lazily, one name at a time, so that any client shape works (objects or proxies).
function node(client: object, path: string[]): object {
  const call = (input: object | undefined, signal?: AbortSignal) => {
    const fn = path.reduce<any>((at, name) => at?.[name], client) as Call | undefined;
    if (typeof fn != 'function') throw new TypeError(`[tanstack-query] ${path.join('.')} is not a route of the client`);
    return unwrap(fn(signal ? { ...input, fetchOptions: { signal } } : input));
  };
  const utils = {
    key: (input?: object) => queryKey(path, input),
    queryOptions: (input?: object, options?: Options) => ({
      ...options,
      queryKey: queryKey(path, input ?? {}),
      queryFn: ({ signal }: { signal: AbortSignal }) => call(input, signal),
    }),
    infiniteOptions: (input: (param: unknown) => object, options: Options) => ({
      ...options,
      queryKey: [...queryKey(path, input(options.initialPageParam)), 'infinite'],
      queryFn: ({ pageParam, signal }: { pageParam: unknown; signal: AbortSignal }) => call(input(pageParam), signal),
    }),
    mutationOptions: (options?: Options) => ({
      ...options,
      mutationKey: queryKey(path),
      mutationFn: (variables?: object) => call(variables),
    }),
  };
  return new Proxy(utils, {
    get: (target, name) => (typeof name == 'symbol' ? undefined : Object.hasOwn(target, name) ? target[name as keyof typeof target] : node(client, [...path, name])),
  });
}
