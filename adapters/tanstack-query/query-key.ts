import type { QueryKey } from '@tanstack/query-core';

/**
 * The cache key of a route call: the route's name path, then its input as plain JSON, with
 * `undefined` values left out and object keys sorted, so that equal inputs give equal keys.
 * Without an input it is the path alone: a prefix for every call of the route (or routes below it).
 * @example queryKey(['accounts', 'list'], { query: { limit: 2, page: 1 } }) // ['accounts', 'list', { query: { limit: 2, page: 1 } }]
 */
export function queryKey(path: readonly string[], input?: unknown): QueryKey {
  return input === undefined ? [...path] : [...path, plain(input, path.join('.'), 'input')];
}

// JSON's own rules (toJSON, undefined left out, null in arrays), except that what JSON would drop
// silently or mangle (functions, symbols, bigints, class instances) is an error: two different
// inputs must never share a key.
function plain(value: unknown, route: string, at: string): unknown {
  const json = (value as { toJSON?: unknown } | null)?.toJSON;
  if (typeof json == 'function') return plain(json.call(value), route, at);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (Array.isArray(value)) return value.map((item, index) => (item === undefined ? null : plain(item, route, `${at}[${index}]`)));
  // A plain object's prototype is null or the last one in its chain, in any realm.
  const proto = typeof value == 'object' && Object.getPrototypeOf(value);
  if (proto !== null && (!proto || Object.getPrototypeOf(proto) !== null)) {
    throw new TypeError(`[tanstack-query] ${route}: ${at} is ${proto ? `a ${proto.constructor?.name ?? 'class'} instance` : `a ${typeof value}`}; a query key holds plain JSON only`);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = plain(item, route, `${at}.${key}`);
  }
  return out;
}
