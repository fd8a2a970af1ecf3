/**
 * How the kit puts a query object on the URL, and so how the OpenAPI document describes it:
 * - scalars: `key=value` (Dates as ISO strings, `null` as an empty value, `undefined` left out);
 * - arrays and Sets: OpenAPI `style: form, explode: true`, the key repeated: `tags=a&tags=b`;
 * - objects: OpenAPI `style: deepObject, explode: true`: `filter[name]=x&filter[age]=3`.
 */
export const QUERY_STYLE = {
  array: { style: 'form', explode: true },
  object: { style: 'deepObject', explode: true },
} as const;

/** Encodes a query object as described by `QUERY_STYLE`, without the leading `?`. */
export function encodeQuery(query: Record<string, unknown> | undefined | null): string {
  if (!query) return '';
  const pairs: string[] = [];
  const push = (key: string, value: unknown) => pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(scalar(value))}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value) || value instanceof Set) {
      for (const item of value) if (item !== undefined) push(key, item);
    } else if (isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) if (innerValue !== undefined) push(`${key}[${inner}]`, innerValue);
    } else push(key, value);
  }
  return pairs.join('&');
}

function scalar(value: unknown): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// An object literal, or an object with no prototype; not a Date, a Map or a class instance.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (value as object | null)?.constructor === Object || (!!value && !Object.getPrototypeOf(value));
}
