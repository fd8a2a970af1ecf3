import type { Env } from './env.js';
import type { Logger } from './logger.js';
import type { DatabaseHandle, RequestLike, Session } from './providers.js';

/**
 * Register the concrete types of your host once, and every handler's context is typed with them:
 * @example
 * declare module '@webstir-io/module-contract' {
 *   interface ContextTypes { db: MyDb; session: MySession; req: import('express').Request }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ContextTypes {}

type Registered<K extends string, TDefault> = ContextTypes extends Record<K, infer T> ? T : TDefault;

export interface ResponseLike {
  setHeader(name: string, value: string | number | readonly string[]): unknown;
}

/** The caller as the server binding resolved it. */
export interface AuthState<TSession = Session> {
  session: TSession | null;
  /** True when a session was found. */
  authenticated: boolean;
  hasPermission(permission: string): boolean;
}

/** What every route handler receives beside its validated input. */
export interface RequestContext {
  req: Registered<'req', RequestLike>;
  res: Registered<'res', ResponseLike>;
  auth: AuthState<Registered<'session', Session>>;
  session: Registered<'session', Session> | null;
  db: Registered<'db', DatabaseHandle>;
  env: Registered<'env', Env>;
  logger: Logger;
  /** From a valid `x-request-id` header, otherwise a new UUID. Echoed as `correlationId` in errors. */
  requestId: string;
  now: () => Date;
}

/** What a view loader receives. */
export interface SSRContext<TParams = Record<string, string>> {
  url: URL;
  params: TParams;
  cookies: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  auth: AuthState<Registered<'session', Session>>;
  session: Registered<'session', Session> | null;
  env: Registered<'env', Env>;
  logger: Logger;
}
