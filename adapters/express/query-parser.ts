import { parse } from 'qs';

/**
 * qs settings for query strings: prototype keys are refused, nesting, array indices and the
 * number of parameters are bounded. Repeated keys (`tags=a&tags=b`) become arrays and
 * `filter[a]=1` becomes an object, the encoding the kit's client uses.
 */
export const QUERY_PARSE_OPTIONS = {
  allowPrototypes: false,
  plainObjects: false,
  depth: 5,
  // Repeated keys must stay a list however many there are (qs turns a list past its limit into an
  // object); the route's resolved query states and enforces the real bound with a clear message.
  arrayLimit: 1000,
  parameterLimit: 1000,
  duplicates: 'combine',
  allowDots: false,
} as const;

/** Parses the query string of a request URL (the part after `?`). */
export function parseQuery(url: string): Record<string, unknown> {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return {};
  return parse(url.slice(start + 1), QUERY_PARSE_OPTIONS) as Record<string, unknown>;
}

/** Parses an `application/x-www-form-urlencoded` body with the same settings as query strings. */
export function parseFormBody(text: string): Record<string, unknown> {
  return parse(text, QUERY_PARSE_OPTIONS) as Record<string, unknown>;
}
