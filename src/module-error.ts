import { z } from 'zod';

/** Codes the kit itself raises, each with its default HTTP status. */
export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  internal: 500,
} as const satisfies Record<string, number>;

export type KnownErrorCode = keyof typeof ERROR_STATUS;

/** A known code, or a module's own domain code such as `email_taken`. */
export type ErrorCode = KnownErrorCode | (string & {});

/** The one error shape every server response and client error uses. */
export interface ModuleError {
  code: ErrorCode;
  message: string;
  details?: unknown;
  cause?: unknown;
  correlationId?: string;
}

export const ModuleErrorSchema = z
  .object({
    code: z.string().min(1),
    message: z.string(),
    details: z.unknown().optional(),
    cause: z.unknown().optional(),
    correlationId: z.string().optional(),
  })
  .strict();

/** One failing part of a request, as listed in a validation error's `details`. */
export interface ValidationIssue {
  part: 'params' | 'query' | 'headers' | 'body' | (string & {});
  path: (string | number)[];
  message: string;
  code?: string;
}

export const ValidationIssueSchema = z.object({
  part: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string().optional(),
});

export const INTERNAL_ERROR_MESSAGE = 'Internal Server Error';
