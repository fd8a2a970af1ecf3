import type { ProblemList } from '../src/problems.js';
import type { ResolvedRoute } from '../src/resolve/resolved-route.js';
import type { OpenApiVersion } from './openapi-options.js';

export type SecurityRequirement = Record<string, string[]>;

/** The scheme a required `authorization` header is documented with, unless the options name another. */
export const DEFAULT_HEADER_SCHEME = 'bearerAuth';

/**
 * The `security` of an operation from its resolved route's credentials. A session requirement
 * lists any one of the route's `auth.schemes` (or else every configured scheme); permissions become
 * scopes where the version allows them (OAuth2 and OpenID Connect always, every type in 3.1). Only
 * a route that lets anonymous callers through (no 401) also lists `{}`. A contract that requires an
 * `authorization` header gets the header scheme.
 */
export function operationSecurity(
  route: ResolvedRoute,
  schemes: Record<string, { type?: string }>,
  headerScheme: string,
  version: OpenApiVersion,
  problems: ProblemList,
  at: string,
): SecurityRequirement[] | undefined {
  const credentials = route.credentials;
  if (!credentials) return undefined;
  if (credentials.kind === 'authorization-header') return [{ [headerScheme]: [] }];
  const auth = credentials.requirement;
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
  if (!route.authStatuses.includes(401)) requirements.push({});
  return requirements;
}
