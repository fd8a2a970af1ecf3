// ts-rest's markers, recognised by shape rather than identity. `c.noBody()` and `c.type<>()` return
// symbols created by each installed copy of @ts-rest/core, so a contract built with another copy
// (a contracts package with its own install, a nested version) carries symbols that are not ours.

const NO_BODY = 'ContractNoBody';
const PLAIN_TYPE = 'ContractPlainType';

/** True for `c.noBody()` from any copy of @ts-rest/core. */
export function isNoBodyMarker(value: unknown): value is symbol {
  return typeof value === 'symbol' && value.description === NO_BODY;
}

/** True for `c.type<>()`, `c.body<>()` and `c.response<>()` from any copy of @ts-rest/core: a type with no runtime schema. */
export function isPlainTypeMarker(value: unknown): value is symbol {
  return typeof value === 'symbol' && value.description === PLAIN_TYPE;
}

/** True for a ts-rest route (as opposed to a router): an object with a method and a path. */
export function isTsRestRoute(value: unknown): value is { method: string; path: string } {
  return typeof value === 'object' && value !== null && typeof (value as { method?: unknown }).method === 'string' && typeof (value as { path?: unknown }).path === 'string';
}

/** True for `c.otherResponse({ contentType, body })`. */
export function isOtherResponse(value: unknown): value is { contentType: string; body: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { contentType?: unknown }).contentType === 'string' && 'body' in value;
}
