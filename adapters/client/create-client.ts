import { initClient, type ApiFetcher, type AppRoute, type AppRouter, type AreAllPropertiesOptional, type PartialClientInferRequest } from '@ts-rest/core';
import { encodeQuery } from '../../src/query-string.js';
import type { ClientOptions } from './client-options.js';
import type { ClientResult } from './client-result.js';
import { createFetcher } from './ts-rest-fetcher.js';

/** The arguments of one route's call: `params`, `query`, `body`, `headers` as the contract declares them, plus `extraHeaders` and `fetchOptions`. */
export type RouteArgs<TRoute extends AppRoute> = PartialClientInferRequest<TRoute>;

/** One route's call; the argument may be left out when nothing in it is required. */
export type RouteCall<TRoute extends AppRoute> =
  AreAllPropertiesOptional<RouteArgs<TRoute>> extends true
    ? (args?: RouteArgs<TRoute>) => Promise<ClientResult<TRoute>>
    : (args: RouteArgs<TRoute>) => Promise<ClientResult<TRoute>>;

/** A client shaped like the contract: nested routers become nested objects, routes become calls. */
export type ContractClient<TRouter extends AppRouter> = {
  [K in keyof TRouter]: TRouter[K] extends AppRoute
    ? RouteCall<TRouter[K]>
    : TRouter[K] extends AppRouter
      ? ContractClient<TRouter[K]>
      : never;
};

/**
 * Creates a typed client for a ts-rest contract. Each call resolves to a result discriminated on
 * `status` (see `ClientResult`) and never throws for HTTP errors or network failures; wrap a call
 * in `unwrap` to get the success body or a thrown `ContractClientError`. Only the contract and this
 * client are bundled: nothing of the server.
 * @example
 * const client = createClient(accountsContract, { baseUrl: '', headers: () => ({ authorization: `Bearer ${token}` }) });
 * const result = await client.accounts.get({ params: { id } });
 * if (result.status === 200) show(result.body.name);
 * else show(result.body.message); // ModuleError for 404, for undeclared statuses and for failures
 */
export function createClient<const TRouter extends AppRouter>(contract: TRouter, options: ClientOptions): ContractClient<TRouter> {
  return encodeRequests(initClient(contract, { baseUrl: options.baseUrl, api: createFetcher(options) as unknown as ApiFetcher }) as Record<string, Call | object>) as ContractClient<TRouter>;
}

type Params = Record<string, string | number | boolean>;
type Args = { params?: Params; query?: Record<string, unknown> };
type Call = (args: Args & { search: string }) => unknown;

// ts-rest puts path params into the path as they are (an id holding `/`, `?` or `#` must be escaped)
// and writes arrays in the query as `tags[0]=a`, which OpenAPI cannot describe: both are done here.
function encodeRequests(node: Record<string, Call | object>): object {
  for (const [key, value] of Object.entries(node)) {
    node[key] =
      typeof value == 'function'
        ? (args?: Args) => {
            const params: Params = {};
            for (const name in args?.params) params[name] = encodeURIComponent(args.params[name]!);
            return value({ ...args, params, query: undefined, search: encodeQuery(args?.query) });
          }
        : encodeRequests(value as Record<string, Call | object>);
  }
  return node;
}
