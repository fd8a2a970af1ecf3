import { AuthError } from '../../src/error-taxonomy.js';
import type { AuthState } from '../../src/contexts.js';
import type { ResolvedRoute } from '../../src/resolve/resolved-route.js';

type AnySession = { permissions?: readonly string[] } | null;

/** The caller as a context sees it, from the session the auth provider found (or none). */
export function createAuthState<TSession extends AnySession>(session: TSession | null): AuthState<TSession> {
  if (session === null) return ANONYMOUS as AuthState<TSession>;
  return {
    session,
    authenticated: true,
    hasPermission: (permission) => Array.isArray(session.permissions) && session.permissions.includes(permission),
  };
}

const ANONYMOUS: AuthState<null> = Object.freeze({ session: null, authenticated: false, hasPermission: () => false });

/**
 * Enforces a resolved route's auth: a caller without a session gets 401 `unauthorized` where the
 * route's statuses include 401; a session without a required permission gets 403 `forbidden`.
 */
export function assertAuthorized(route: Pick<ResolvedRoute, 'auth' | 'authStatuses'>, auth: AuthState<AnySession>): void {
  if (!route.auth) return;
  if (!auth.authenticated) {
    if (route.authStatuses.includes(401)) throw new AuthError('unauthorized');
    return;
  }
  const missing = (route.auth.permissions ?? []).filter((permission) => !auth.hasPermission(permission));
  if (missing.length > 0) throw new AuthError('forbidden', `Missing permission: ${missing.join(', ')}`);
}
