import type { Request, Response } from 'express';
import type { RequestContext } from '../../src/contexts.js';
import type { Logger } from '../../src/logger.js';
import type { RequestLike } from '../../src/providers.js';
import type { MultipartLimits } from './multipart-reader.js';

/**
 * Where sessions come from: any `AuthProvider` fits, only `getSession` is used.
 * It returns `null` when the request carries no valid session.
 */
export interface SessionSource {
  getSession(request: RequestLike): Promise<RequestContext['session']> | RequestContext['session'];
}

/** What `context(req, res)` supplies to each request, through the provider interfaces. */
export interface ContextProviders {
  /** Resolves the session of each request. Ignored when `session` is given. */
  auth?: SessionSource;
  /** The session, when the host resolved it itself (`null` for none). */
  session?: RequestContext['session'];
  db?: RequestContext['db'];
  env?: RequestContext['env'];
}

/** Options of `mountModule`. */
export interface MountOptions {
  /**
   * Supplies the providers of each request. Called once per request, before validation.
   * @example context: () => ({ auth: tokenAuth, db })
   */
  context?: (req: Request, res: Response) => ContextProviders | Promise<ContextProviders>;
  /** Bound to each request's id and route name in `ctx.logger`; also receives errors and contract mismatches. @default silentLogger */
  logger?: Logger;
  /** Check each response against the schema of its status before sending it. @default true */
  responseValidation?: boolean;
  /** Largest accepted request body, in bytes or as `'100kb'`/`'1mb'`. @default '100kb' */
  bodyLimit?: number | string;
  /**
   * Limits on `multipart/form-data` bodies, read with the optional peer `multer` (files are held in
   * memory and handed to the handler as `File` objects).
   * @default { fileSize: '5mb', files: 10, fields: 100, fieldSize: bodyLimit }
   */
  multipart?: MultipartLimits;
  /** Where views' data is served as JSON: `GET viewsPrefix + view.path`. @default '/_views' */
  viewsPrefix?: string;
  /**
   * Unknown paths under it get a 404 in the one error shape. The claim is a catch-all registered at
   * mount time: routes added to the app later under the same prefix are not reached, so mount the
   * module after them, or pass `false` and end the app with `notFoundHandler()`. `'/'` claims every path.
   * @default the longest common prefix of the module's route paths, or none when that is `/`
   */
  basePath?: string | false;
  /** The clock of every request context; inject one in tests. @default () => new Date() */
  now?: () => Date;
}

/** One route or view the module answers, as mounted. */
export interface MountedRoute {
  kind: 'route' | 'view';
  name: string;
  method: string;
  path: string;
}

/** The handle `mountModule` returns. */
export interface MountedModule {
  /** Every route and view mounted, in order. */
  readonly routes: readonly MountedRoute[];
  /** Settles when the module's `init` has run; requests that arrive earlier wait for it. */
  readonly ready: Promise<void>;
  /** Runs the module's `dispose` once (after `init` has settled). */
  close(): Promise<void>;
}
