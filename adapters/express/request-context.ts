import type { Request, Response } from 'express';
import type { RequestContext } from '../../src/contexts.js';
import { createEnv } from '../../src/env.js';
import type { Logger } from '../../src/logger.js';
import type { DatabaseHandle } from '../../src/providers.js';
import { createAuthState } from './auth-state.js';
import type { ContextProviders, MountOptions } from './mount-options.js';

type Session = RequestContext['session'];

/** The context of one request. The logger bound to its id and route is made on first use. */
class ExpressRequestContext implements RequestContext {
  private boundLogger: Logger | undefined = undefined;

  constructor(
    readonly req: RequestContext['req'],
    readonly res: RequestContext['res'],
    readonly requestId: string,
    readonly auth: RequestContext['auth'],
    readonly session: Session,
    readonly db: RequestContext['db'],
    readonly env: RequestContext['env'],
    readonly now: () => Date,
    private readonly baseLogger: Logger,
    private readonly routeName: string,
  ) {}

  get logger(): Logger {
    return (this.boundLogger ??= this.baseLogger.with({ requestId: this.requestId, route: this.routeName }));
  }
}

/** Builds a request's context; synchronous unless `context(req, res)` or the session lookup is async. */
export type ContextFactory = (req: Request, res: Response, requestId: string, routeName: string) => RequestContext | Promise<RequestContext>;

/** Made once per mount: the defaults are built here, not per request. */
export function createContextFactory(options: MountOptions, logger: Logger): ContextFactory {
  const now = options.now ?? (() => new Date());
  const defaultDb = missingDatabase as RequestContext['db'];
  // Serialized or logged, the default env hides the values of keys that look like secrets.
  const defaultEnv = createEnv({ source: process.env, secrets: [DEFAULT_SECRET_KEYS] }) as unknown as RequestContext['env'];
  const anonymous = createAuthState(null) as unknown as RequestContext['auth'];
  const supply = options.context;

  const build = (req: Request, res: Response, requestId: string, routeName: string, provided: ContextProviders, session: Session): RequestContext =>
    new ExpressRequestContext(
      req as unknown as RequestContext['req'],
      res as unknown as RequestContext['res'],
      requestId,
      session === null ? anonymous : (createAuthState(session as never) as unknown as RequestContext['auth']),
      session,
      provided.db ?? defaultDb,
      provided.env ?? defaultEnv,
      now,
      logger,
      routeName,
    );

  if (!supply) return (req, res, requestId, routeName) => build(req, res, requestId, routeName, {}, null as Session);

  return async (req, res, requestId, routeName) => {
    const provided = (await supply(req, res)) ?? {};
    let session = provided.session;
    if (session === undefined) session = provided.auth ? ((await provided.auth.getSession(req)) ?? (null as Session)) : (null as Session);
    return build(req, res, requestId, routeName, provided, session);
  };
}

/** Keys whose values the default `ctx.env` treats as secrets. */
const DEFAULT_SECRET_KEYS = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_?KEY|_KEY$|^KEY$/i;

const missing = (): Promise<never> =>
  Promise.reject(new Error('[express] ctx.db is not configured: supply it with mountModule(app, module, { context: () => ({ db }) })'));

/** Stands in for `ctx.db` when the host supplied none: any use fails (a 500, logged). */
const missingDatabase: DatabaseHandle = { query: missing, transaction: missing };
