import type { AuthRequirement } from '../auth-requirement.js';

/**
 * The statuses a route's auth requirement can cause: 401 when a caller without a session is
 * refused (a required session, or permissions that no anonymous caller holds), 403 when a session
 * can lack a required permission. The binding enforces exactly this; the document lists exactly this.
 */
export function authStatusesOf(requirement: AuthRequirement | undefined): (401 | 403)[] {
  if (!requirement) return [];
  const permissions = requirement.permissions ?? [];
  const statuses: (401 | 403)[] = [];
  if (requirement.required !== false || permissions.length > 0) statuses.push(401);
  if (permissions.length > 0) statuses.push(403);
  return statuses;
}
