import type { ServerOptions } from 'node:http';
import express from 'express';
import { createLogger, type Logger } from '@webstir-io/module-contract';
import { errorHandler, mountModule, notFoundHandler, type MountedRoute } from '@webstir-io/module-contract/express';
import { serveDocs } from '@webstir-io/module-contract/openapi';
import { createAccountsModule } from './module.js';
import { createAvatarsModule } from './avatars-module.js';
import { avatarsOpenApi } from './avatars-openapi-docs.js';
import { accountsOpenApi } from './openapi-docs.js';
import { DemoTokenAuthProvider, MemoryDatabaseProvider } from './providers.js';
import type { AccountStore } from './store.js';
import { webDistDir } from './web/web-dir.js';

export interface AccountsAppOptions {
  /** Where accounts live. @default the in-memory database's store */
  store?: AccountStore;
  logger?: Logger;
  /** The clock handed to every request context. */
  now?: () => Date;
}

/**
 * Options of the example's HTTP server: a client gets 10 s to send its headers and 30 s for the
 * whole request, so slow senders cannot hold sockets open (Node's defaults are 60 s and 300 s).
 */
export const accountsServerOptions = { headersTimeout: 10_000, requestTimeout: 30_000 } as const satisfies ServerOptions;

/** The Accounts example as an Express app: the module mounted with the demo providers. */
export async function createAccountsApp(options: AccountsAppOptions = {}): Promise<{ app: express.Express; routes: readonly MountedRoute[]; close(): Promise<void> }> {
  const database = new MemoryDatabaseProvider(options.now);
  const db = await database.connect();
  const auth = new DemoTokenAuthProvider();
  const store = options.store ?? db.accounts;
  const module = createAccountsModule(store);
  const avatars = createAvatarsModule(store);
  const logger = options.logger ?? createLogger();

  const app = express();
  app.disable('x-powered-by');
  // Avatars first: the Accounts mount claims /api for its 404s. One image of at most 1 MB per upload.
  const mountedAvatars = mountModule(app, avatars, {
    logger,
    ...(options.now ? { now: options.now } : {}),
    context: () => ({ auth, db }),
    basePath: false,
    multipart: { fileSize: '1mb', files: 1, fields: 5 },
  });
  const mounted = mountModule(app, module, {
    logger,
    ...(options.now ? { now: options.now } : {}),
    context: () => ({ auth, db }),
  });
  // The OpenAPI document and its docs page, at /docs.
  serveDocs(app, accountsOpenApi(module), { path: '/docs' });
  serveDocs(app, avatarsOpenApi(avatars), { path: '/docs/avatars' });
  // The example frontend, bundled by `npm run build`, at /app. Its errors (a missing file, a failing
  // Range or If-Match) go on to the error handler, with their status, instead of falling through.
  app.use('/app', express.static(webDistDir, { fallthrough: false }));
  // Anything else: a 404 in the one error shape, not Express's HTML page.
  app.use(notFoundHandler());
  // Any error nothing answered: the one error shape with a request id, never a stack.
  app.use(errorHandler({ logger }));
  await Promise.all([mountedAvatars.ready, mounted.ready]);

  return {
    app,
    routes: [...mounted.routes, ...mountedAvatars.routes],
    close: async () => {
      await mountedAvatars.close();
      await mounted.close();
      await database.close();
    },
  };
}
