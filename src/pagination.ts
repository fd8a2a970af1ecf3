import { z } from 'zod';

export interface PageQueryOptions {
  /** @default 20 */
  defaultLimit?: number;
  /** @default 100 */
  maxLimit?: number;
}

/**
 * Query schema for page-numbered lists: `?page=2&limit=20`, documented as integers. The Express
 * binding reads only plain decimal integers from the URL (`?page=0x10` or `?page=+5` get 400);
 * parsed directly, strings are coerced.
 * @example c.query({ ..., query: pageQuery() })
 */
export function pageQuery(options: PageQueryOptions = {}) {
  const { defaultLimit = 20, maxLimit = 100 } = options;
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  });
}

/** Query schema for cursor lists: `?cursor=abc&limit=20`. */
export function cursorQuery(options: PageQueryOptions = {}) {
  const { defaultLimit = 20, maxLimit = 100 } = options;
  return z.object({
    cursor: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  });
}

/** Response schema for a page of items: `{ items, page, limit, total }`. */
export function paged<TItem extends z.ZodTypeAny>(item: TItem) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    total: z.number().int().min(0),
  });
}

/** Response schema for a cursor page: `{ items, nextCursor }`, `nextCursor` is null on the last page. */
export function cursorPaged<TItem extends z.ZodTypeAny>(item: TItem) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

/** Slices an in-memory list into a page, for stores and tests. */
export function paginate<T>(items: readonly T[], query: { page: number; limit: number }): { items: T[]; page: number; limit: number; total: number } {
  const start = (query.page - 1) * query.limit;
  return { items: items.slice(start, start + query.limit), page: query.page, limit: query.limit, total: items.length };
}
