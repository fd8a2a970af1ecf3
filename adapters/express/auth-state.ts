import { AuthError } from '../../src/error-taxonomy.js';
import type { AuthRequirement } from '../../src/auth-requirement.js';
import type { AuthState } from '../../src/contexts.js';

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
 * Enforces a route's auth requirement: no session gives 401 `unauthorized`, a missing permission
 * 403 `forbidden`.
 */
export function assertAuthorized(requirement: AuthRequirement | undefined, auth: AuthState<AnySession>): void {
  if (!requirement) return;
  const permissions = requirement.permissions ?? [];
  if (!auth.authenticated) {
    if (requirement.required !== false || permissions.length > 0) throw new AuthError('unauthorized');
    return;
  }
  const missing = permissions.filter((permission) => !auth.hasPermission(permission));
  if (missing.length > 0) throw new AuthError('forbidden', `Missing permission: ${missing.join(', ')}`);
}
