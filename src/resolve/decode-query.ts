import { QUERY_MAX_ITEMS, type ResolvedQueryParameter } from './resolved-route.js';
import { decodeWireValue } from './wire-decoding.js';

/** A value the query string gave that no schema check could explain well on its own. */
export interface QueryIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/**
 * Turns a parsed query string (repeated keys gathered, `key[field]` nested) into the values the
 * route's query schema checks, by each parameter's wire format: a lone value of a repeated key
 * becomes a one-item list, lists become Sets where the schema wants one, strings become numbers,
 * booleans and dates as the document states. Keys the route does not declare pass unchanged.
 */
export function decodeQuery(parameters: readonly ResolvedQueryParameter[], parsed: Record<string, unknown>): { query: Record<string, unknown>; issues: QueryIssue[] } {
  const issues: QueryIssue[] = [];
  if (parameters.length === 0) return { query: parsed, issues };
  const query: Record<string, unknown> = { ...parsed };
  for (const parameter of parameters) {
    const { name } = parameter;
    if (!Object.prototype.hasOwnProperty.call(parsed, name)) continue;
    const raw = parsed[name];
    if (parameter.wire !== 'repeated') {
      query[name] = decodeWireValue(parameter.decoding, raw);
      continue;
    }
    const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(items)) {
      query[name] = raw;
      continue;
    }
    // The schema's own bound is the schema's to report; past the kit's bound the values are not read.
    if (items.length > QUERY_MAX_ITEMS) {
      issues.push({ path: [name], code: 'too_big', message: `At most ${QUERY_MAX_ITEMS} values are accepted for "${name}" (got ${items.length})` });
      query[name] = [];
      continue;
    }
    const decoded = decodeWireValue(parameter.decoding, items) as unknown[];
    query[name] = parameter.container === 'set' ? new Set(decoded) : decoded;
  }
  return { query, issues };
}
