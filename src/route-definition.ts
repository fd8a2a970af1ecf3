import { z } from 'zod';
import { AuthRequirementSchema, type AuthRequirement } from './auth-requirement.js';
import { HttpMethodSchema, type HttpMethod } from './http-method.js';
import { SchemaReferenceSchema, type SchemaReference } from './schema-reference.js';

export const REQUEST_CONTENT_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'] as const;
export type RequestContentType = (typeof REQUEST_CONTENT_TYPES)[number];

/** The plain-JSON description of one HTTP route, as it appears in a module manifest. */
export interface RouteDefinition {
  /** Dotted key path, unique in its module: `accounts.get`. */
  name: string;
  method: HttpMethod;
  /** Express-style path with `:params`. */
  path: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  auth?: AuthRequirement;
  /** Content type of the request body. @default 'application/json' */
  contentType?: RequestContentType;
  input: {
    params?: SchemaReference;
    query?: SchemaReference;
    headers?: SchemaReference;
    body?: SchemaReference;
  };
  /** Every declared status. `null` is a response with no body. */
  responses: Record<string, SchemaReference | null>;
  /** Content types of responses that are not JSON, by status. */
  responseContentTypes?: Record<string, string>;
}

const StatusKey = z.string().regex(/^[1-5]\d\d$/, 'must be an HTTP status code (100-599)');

export const RouteDefinitionSchema = z
  .object({
    name: z.string().min(1),
    method: HttpMethodSchema,
    path: z.string().regex(/^\//, 'must start with "/"'),
    summary: z.string().optional(),
    description: z.string().optional(),
    tags: z.array(z.string().min(1)).optional(),
    deprecated: z.boolean().optional(),
    auth: AuthRequirementSchema.optional(),
    contentType: z.enum(REQUEST_CONTENT_TYPES).optional(),
    input: z
      .object({
        params: SchemaReferenceSchema.optional(),
        query: SchemaReferenceSchema.optional(),
        headers: SchemaReferenceSchema.optional(),
        body: SchemaReferenceSchema.optional(),
      })
      .strict(),
    responses: z.record(StatusKey, SchemaReferenceSchema.nullable()).refine((r) => Object.keys(r).length > 0, {
      message: 'must declare at least one status',
    }),
    responseContentTypes: z.record(StatusKey, z.string().min(1)).optional(),
  })
  .strict();
