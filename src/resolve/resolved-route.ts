import type { AuthRequirement } from '../auth-requirement.js';
import type { SchemaDescription } from '../describe/schema-description.js';
import type { HttpMethod } from '../http-method.js';
import type { RequestContentType } from '../route-definition.js';
import type { AnyRouteSpec, AnySchema } from '../route-spec.js';
import type { SchemaReference } from '../schema-reference.js';
import type { WireDecoding } from './wire-decoding.js';

/** The most values one repeated query key may carry; the document states it as `maxItems`. */
export const QUERY_MAX_ITEMS = 100;

/** One described schema of a route, with the name the manifest gives it. */
export interface ResolvedSchema {
  schema: AnySchema;
  described: SchemaDescription;
  reference: SchemaReference;
}

/** How one query key travels: `key=v`, the key repeated (`key=a&key=b`), or `key[field]=v`. */
export type QueryWireFormat = 'scalar' | 'repeated' | 'deepObject';

export interface ResolvedQueryParameter {
  name: string;
  required: boolean;
  wire: QueryWireFormat;
  /** How the strings on the wire become the value the schema checks. */
  decoding: WireDecoding;
  /** For `repeated`: what the values are gathered into. */
  container?: 'array' | 'set' | 'tuple';
  /** For `repeated`: the most values accepted (the schema's own bound, or `QUERY_MAX_ITEMS`). */
  maxItems?: number;
  described: SchemaDescription;
}

/** A header the route reads, as a parameter. */
export interface ResolvedHeaderParameter {
  name: string;
  required: boolean;
  described: SchemaDescription;
}

/** One declared response. `body: undefined` is a response with no content. */
export interface ResolvedResponse {
  status: number;
  contentType?: string;
  body?: ResolvedSchema;
}

/** Where a caller's credentials come from, if the route asks for any. */
export type ResolvedCredentials =
  /** The kit's auth requirement: the binding asks the auth provider for a session. */
  | { kind: 'session'; requirement: AuthRequirement }
  /** The contract requires an `authorization` header (checked by the schema, not by the kit). */
  | { kind: 'authorization-header' };

/**
 * A route as every surface reads it: resolved once by `createModule`. The Express binding, the
 * OpenAPI generator, the JSON Schema export and the generated client read this and never the raw
 * spec's schemas.
 */
export interface ResolvedRoute {
  name: string;
  method: HttpMethod;
  /** Express-style, with `:params`. */
  path: string;
  pathParams: readonly string[];
  summary?: string;
  description?: string;
  tags?: readonly string[];
  deprecated?: boolean;
  contentType: RequestContentType;
  input: {
    params?: ResolvedSchema;
    query?: ResolvedSchema;
    headers?: ResolvedSchema;
    body?: ResolvedSchema & { required: boolean };
  };
  query: readonly ResolvedQueryParameter[];
  headers: readonly ResolvedHeaderParameter[];
  auth?: AuthRequirement;
  credentials?: ResolvedCredentials;
  /** 401 and 403, where the binding can send them for this route. */
  authStatuses: readonly (401 | 403)[];
  /** What the binding itself may send: 400 (input), 413/415 (a body), 500 (always). */
  kitStatuses: readonly number[];
  responses: readonly ResolvedResponse[];
  /** The spec it came from: its handler and metadata. */
  spec: AnyRouteSpec;
}

/** Every status the server may send for a route, in order. */
export function routeStatuses(route: ResolvedRoute): number[] {
  return [...new Set([...route.responses.map((r) => r.status), ...route.authStatuses, ...route.kitStatuses])].sort((a, b) => a - b);
}
