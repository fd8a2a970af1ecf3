/** Headers as a plain record; `undefined` values are left out. */
export type HeaderRecord = Record<string, string | undefined>;

/** Options of `createClient`. */
export interface ClientOptions {
  /**
   * Prepended to every route path. `''` calls the page's own origin.
   * @example 'https://api.example.com'
   */
  baseUrl: string;
  /**
   * Headers sent with every request: a record, or a function (sync or async) called per request,
   * for tokens that change. A call's own headers win over these.
   * @example headers: async () => ({ authorization: `Bearer ${await getToken()}` })
   */
  headers?: HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>);
  /** The `fetch` to use, for tests, SSR or instrumentation. @default globalThis.fetch */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /**
   * Aborts a call that has not finished (headers and body read) after this many milliseconds; the
   * result is a `ClientFailure` with code `timeout`. No timeout when unset.
   */
  timeoutMs?: number;
  /**
   * Sends an `x-request-id` header with each call (unless the call sets one): `true` generates a
   * random id, a function supplies one, `false` sends none. The result's `requestId` is the id the
   * server echoes, or else the one sent.
   * @default true
   */
  requestId?: boolean | (() => string);
  /**
   * Parses the bodies of declared statuses with their Zod schemas; a body that does not match
   * becomes a `ClientFailure` with code `invalid_response`. Parsed bodies have defaults and
   * transforms applied.
   * @default false
   */
  validateResponse?: boolean;
}
