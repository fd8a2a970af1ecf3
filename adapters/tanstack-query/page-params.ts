/**
 * `initialPageParam` and `getNextPageParam` for lists that take `pageQuery()` and answer with
 * `paged(item)`: pages 1, 2, ... until every item of `total` has been fetched.
 * @example api.accounts.list.infiniteOptions((page) => ({ query: { page, limit: 20 } }), byPage)
 */
export const byPage: {
  initialPageParam: number;
  getNextPageParam: (lastPage: { page: number; limit: number; total: number }) => number | undefined;
} = {
  initialPageParam: 1,
  getNextPageParam: ({ page, limit, total }) => (page * limit < total ? page + 1 : undefined),
};

/**
 * `initialPageParam` and `getNextPageParam` for lists that take `cursorQuery()` and answer with
 * `cursorPaged(item)`: no cursor first, then each page's `nextCursor` until it is null.
 * @example api.events.list.infiniteOptions((cursor) => ({ query: { cursor, limit: 50 } }), byCursor)
 */
export const byCursor: {
  initialPageParam: string | undefined;
  getNextPageParam: (lastPage: { nextCursor: string | null }) => string | undefined;
} = {
  initialPageParam: undefined,
  getNextPageParam: ({ nextCursor }) => nextCursor ?? undefined,
};
