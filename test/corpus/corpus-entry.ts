/** One real-shaped ts-rest contract of the corpus, with stub handlers and one request per route. */
import type { AppRouter } from '@ts-rest/core';
import type { MountOptions } from '@webstir-io/module-contract/express';
import type { FromTsRestOptions, TsRestImplementation } from '@webstir-io/module-contract/ts-rest';

/** The one request a route gets, and what must come back. */
export interface CorpusRequest {
  /** `params`, `query`, `body`, `headers` as `createClient` takes them. */
  args?: Record<string, unknown>;
  status: number;
  /** The body expected, exactly (after JSON). Left out: only the document's schema is checked. */
  body?: unknown;
  /** The media type expected; `null` for a response with no body. @default 'application/json' */
  contentType?: string | null;
}

export interface CorpusEntry<TRouter extends AppRouter = AppRouter> {
  name: string;
  contract: TRouter;
  implementation: TsRestImplementation<TRouter>;
  adapter?: FromTsRestOptions;
  mount?: MountOptions;
  /** Headers sent by both clients with every request (tokens, tenant ids). */
  headers?: Record<string, string>;
  /** Keyed by route name (`posts.get`): every route, exactly once. */
  requests: Record<string, CorpusRequest>;
  /** What `generateClient` does with the module: generate it, or refuse it with this message. */
  generatedClient?: { refuses: RegExp };
}

/** Keeps the contract's type, so the implementation is checked against it. */
export function corpusEntry<const TRouter extends AppRouter>(entry: CorpusEntry<TRouter>): CorpusEntry {
  return entry as unknown as CorpusEntry;
}
