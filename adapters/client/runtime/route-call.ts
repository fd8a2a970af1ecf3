import { encodeQuery } from '../../../src/query-string.js';
import type { ClientOptions, HeaderRecord } from '../client-options.js';
import type { AnyClientResult } from '../client-result.js';
import { lowerKeys, sendRequest } from './send-request.js';

/** What a generated client's call takes: its route's parts and the call options. */
export interface RouteCallArgs {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: HeaderRecord;
  extraHeaders?: HeaderRecord;
  fetchOptions?: Omit<RequestInit, 'method' | 'headers' | 'body'>;
}

/**
 * One route's call in a generated client, which has no ts-rest: fills the path (each value
 * escaped), encodes the query the kit's way, sends the body as JSON, then `sendRequest`.
 */
export function route(options: ClientOptions, method: string, path: string, statuses: number[]): (args?: RouteCallArgs) => Promise<AnyClientResult> {
  const responses = Object.fromEntries(statuses.map((status) => [status, true]));
  return (args = {}) => {
    const params = args.params ?? {};
    const filled = path.replace(/\/?:([^/?]+)\??/g, (matched, name: string) => {
      const value = params[name];
      return value === undefined || value === null || value === '' ? '' : `${matched.startsWith('/') ? '/' : ''}${encodeURIComponent(String(value))}`;
    });
    const hasBody = method !== 'GET' && args.body != null;
    return sendRequest(options, {
      method,
      route: { path, responses },
      path: options.baseUrl + filled,
      search: encodeQuery(args.query),
      headers: { ...(hasBody && { 'content-type': 'application/json' }), ...lowerKeys(args.extraHeaders), ...lowerKeys(args.headers) },
      body: hasBody ? JSON.stringify(args.body) : null,
      fetchOptions: args.fetchOptions,
    });
  };
}
