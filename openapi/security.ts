import type { AuthRequirement } from '../src/auth-requirement.js';
import type { ProblemList } from '../src/problems.js';
import type { OpenApiVersion } from './openapi-options.js';

export type SecurityRequirement = Record<string, string[]>;

/**
 * The `security` of an operation from its route's auth requirement: any one of the route's
 * `auth.schemes` (or else of every configured scheme). Permissions become scopes where the version
 * allows them: OAuth2 and OpenID Connect always, every scheme type in 3.1 (as roles).
 * A route whose auth is optional also accepts no credentials (`{}`).
 */
export function operationSecurity(
  auth: AuthRequirement | undefined,
  schemes: Record<string, { type?: string }>,
  version: OpenApiVersion,
  problems: ProblemList,
  at: string,
): SecurityRequirement[] | undefined {
  if (!auth) return undefined;
  const configured = Object.keys(schemes);
  const names = auth.schemes ?? configured;
  const unknown = names.filter((name) => !(name in schemes));
  if (unknown.length > 0) {
    problems.add(at, `auth names security scheme(s) ${unknown.map((n) => `"${n}"`).join(', ')}, which are not in the securitySchemes option (${configured.length > 0 ? configured.join(', ') : 'none given'})`);
    return undefined;
  }
  if (names.length === 0) return undefined;
  const permissions = auth.permissions ?? [];
  const requirements: SecurityRequirement[] = names.map((name) => {
    const type = schemes[name]?.type;
    const scoped = type === 'oauth2' || type === 'openIdConnect' || version === '3.1.0';
    return { [name]: scoped ? [...permissions] : [] };
  });
  if (auth.required === false) requirements.push({});
  return requirements;
}
