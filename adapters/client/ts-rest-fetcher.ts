import { isZodType, type ApiFetcherArgs } from '@ts-rest/core';
import type { ClientOptions } from './client-options.js';
import type { AnyClientResult } from './client-result.js';
import { sendRequest } from './runtime/send-request.js';

/**
 * The fetcher `createClient` hands to ts-rest: `sendRequest` with the route ts-rest matched, plus
 * optional response validation. The query string arrives as `search`, already encoded the kit's
 * way (ts-rest is given no query).
 */
export function createFetcher(options: ClientOptions): (args: ApiFetcherArgs & { search: string }) => Promise<AnyClientResult> {
  return (args) =>
    sendRequest(
      options,
      args,
      // Bodies of other content types (`c.otherResponse`) are not JSON and are not checked.
      options.validateResponse &&
        ((status, data) => {
          const schema = (args.route.responses as Record<number, unknown>)[status];
          return isZodType(schema) ? schema.safeParse(data) : { success: true, data };
        }),
    );
}
