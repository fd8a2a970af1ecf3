import { z } from 'zod';

/** What a route asks of the caller. Plain data, read by the server binding and the OpenAPI generator. */
export interface AuthRequirement {
  /** A session is needed. @default true */
  required?: boolean;
  /** Every listed permission must be granted to the session. */
  permissions?: string[];
  /** Security scheme names, as in OpenAPI `components.securitySchemes`. */
  schemes?: string[];
}

export const AuthRequirementSchema = z
  .object({
    required: z.boolean().optional(),
    permissions: z.array(z.string().min(1)).optional(),
    schemes: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** `true` means "a session is required"; an object is taken as it is. */
export type AuthRequirementInput = boolean | AuthRequirement;

/** The requirement in its one stored form: `true` becomes `{ required: true }`, `false` none. */
export function normalizeAuthRequirement(input: AuthRequirementInput | undefined): AuthRequirement | undefined {
  if (input === undefined || input === false) return undefined;
  if (input === true) return { required: true };
  return { required: input.required ?? true, ...withoutUndefined({ permissions: input.permissions, schemes: input.schemes }) };
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
