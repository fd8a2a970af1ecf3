import type {
  DataTag,
  InfiniteData,
  InfiniteQueryObserverOptions,
  MutationOptions,
  QueryFunctionContext,
  QueryKey,
  QueryObserverOptions,
} from '@tanstack/query-core';
import type { AnyClientResult, ContractClientError, FailureBody, SuccessBody } from '../client/index.js';

/** A route's call on a client from `createClient` or from a generated client. */
export type AnyRouteCall = (...args: any[]) => Promise<AnyClientResult>;

type CallArgs<TCall> = TCall extends (args: infer TArgs) => unknown ? TArgs : never;

/** What a route's query or mutation takes: the call's arguments without `fetchOptions` (TanStack supplies the `signal`). */
export type RouteInput<TCall extends AnyRouteCall> = Omit<NonNullable<CallArgs<TCall>>, 'fetchOptions'>;

/** The body of the route's declared successes: what a query or mutation resolves to. */
export type RouteData<TCall extends AnyRouteCall> = SuccessBody<Awaited<ReturnType<TCall>>>;

/** What a query or mutation of the route rejects with: a `ContractClientError` with the route's typed error bodies. */
export type RouteError<TCall extends AnyRouteCall> = ContractClientError<FailureBody<Awaited<ReturnType<TCall>>>>;

// The input may be left out where the call's argument may.
type InputArgs<TCall extends AnyRouteCall> = undefined extends CallArgs<TCall> ? [input?: RouteInput<TCall>] : [input: RouteInput<TCall>];

/** A query key tagged with its data and error types, so that `queryClient.getQueryData(key)` is typed. */
export type TaggedKey<TData, TError> = DataTag<QueryKey, TData, TError>;

/**
 * TanStack's own query options, less the two the helpers write. `enabled` is a boolean here, the
 * form every framework adapter accepts; pass a function or a ref to the hook itself.
 */
export type QueryOptionsIn<TData, TError, TSelect> = Omit<QueryObserverOptions<TData, TError, TSelect, TData, TaggedKey<TData, TError>>, 'queryKey' | 'queryFn' | 'enabled'> & {
  enabled?: boolean;
};

/** Options for `useQuery`, `useSuspenseQuery`, `queryClient.fetchQuery`...: a data-tagged key and a `queryFn` that unwraps. */
export type RouteQueryOptions<TData, TError, TSelect = TData> = QueryOptionsIn<TData, TError, TSelect> & {
  queryKey: TaggedKey<TData, TError>;
  queryFn: (context: QueryFunctionContext<TaggedKey<TData, TError>>) => Promise<TData>;
};

/** TanStack's own infinite query options (with `initialPageParam` and `getNextPageParam`), less the two the helpers write. */
export type InfiniteOptionsIn<TData, TError, TSelect, TPageParam> = Omit<
  InfiniteQueryObserverOptions<TData, TError, TSelect, TaggedKey<InfiniteData<TData, TPageParam>, TError>, TPageParam>,
  'queryKey' | 'queryFn' | 'enabled'
> & { enabled?: boolean };

/** Options for `useInfiniteQuery`, `queryClient.fetchInfiniteQuery`...: one page per call. */
export type RouteInfiniteOptions<TData, TError, TPageParam, TSelect = InfiniteData<TData, TPageParam>> = InfiniteOptionsIn<TData, TError, TSelect, TPageParam> & {
  queryKey: TaggedKey<InfiniteData<TData, TPageParam>, TError>;
  queryFn: (context: QueryFunctionContext<TaggedKey<InfiniteData<TData, TPageParam>, TError>, TPageParam>) => Promise<TData>;
};

/** TanStack's own mutation options, less the two the helpers write. */
export type MutationOptionsIn<TData, TError, TVariables, TContext> = Omit<MutationOptions<TData, TError, TVariables, TContext>, 'mutationKey' | 'mutationFn'>;

/** Options for `useMutation`: the variables are the route's input. */
export type RouteMutationOptions<TData, TError, TVariables, TContext = unknown> = MutationOptionsIn<TData, TError, TVariables, TContext> & {
  mutationKey: QueryKey;
  mutationFn: (variables: TVariables) => Promise<TData>;
};

// `mutate()` may be called without variables where the call's argument may be left out.
type Variables<TCall extends AnyRouteCall> = undefined extends CallArgs<TCall> ? RouteInput<TCall> | void : RouteInput<TCall>;

/** The helpers of one route. */
export interface RouteQueryUtils<TCall extends AnyRouteCall> {
  /**
   * Options for a query of this route: `queryKey` is `[...namePath, input]`, `queryFn` calls the route
   * with TanStack's `signal` and resolves to the success body or throws a `ContractClientError`.
   * @example useQuery(api.accounts.get.queryOptions({ params: { id } }, { staleTime: 30_000 }))
   */
  queryOptions<TSelect = RouteData<TCall>>(
    ...args: [...InputArgs<TCall>, options?: QueryOptionsIn<RouteData<TCall>, RouteError<TCall>, TSelect>]
  ): RouteQueryOptions<RouteData<TCall>, RouteError<TCall>, TSelect>;
  /**
   * Options for a paged list: `input` turns a page param into the call's input. `byPage` and
   * `byCursor` supply `initialPageParam` and `getNextPageParam` for `pageQuery` and `cursorQuery` lists.
   * The key is `[...namePath, input(initialPageParam), 'infinite']`.
   * @example useInfiniteQuery(api.accounts.list.infiniteOptions((page) => ({ query: { page, limit: 20 } }), byPage))
   */
  infiniteOptions<TPageParam, TSelect = InfiniteData<RouteData<TCall>, TPageParam>>(
    input: (pageParam: TPageParam) => RouteInput<TCall>,
    options: InfiniteOptionsIn<RouteData<TCall>, RouteError<TCall>, TSelect, TPageParam>,
  ): RouteInfiniteOptions<RouteData<TCall>, RouteError<TCall>, TPageParam, TSelect>;
  /**
   * Options for a mutation of this route: the variables are the route's input, the data its success
   * body, the error a `ContractClientError`. `mutationKey` is the route's name path.
   * @example useMutation(api.accounts.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: api.accounts.key() }) }))
   */
  mutationOptions<TContext = unknown>(
    options?: MutationOptionsIn<RouteData<TCall>, RouteError<TCall>, Variables<TCall>, TContext>,
  ): RouteMutationOptions<RouteData<TCall>, RouteError<TCall>, Variables<TCall>, TContext>;
  /**
   * The route's key for filters such as `invalidateQueries`: the name path alone matches every call
   * of the route; with a (partial) input, the calls whose input contains it.
   */
  key(input?: Partial<RouteInput<TCall>>): QueryKey;
}

/** The helpers of a client, shaped like it: each router has `key()`, the prefix of every key below it. */
export type QueryUtils<TClient> = {
  [K in keyof TClient]: TClient[K] extends AnyRouteCall ? RouteQueryUtils<TClient[K]> : QueryUtils<TClient[K]>;
} & {
  /** The prefix of every key of the routes below, for `invalidateQueries`, `removeQueries`... */
  key(): QueryKey;
};
