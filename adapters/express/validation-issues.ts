import type { ZodError } from 'zod';
import { ValidationError } from '../../src/error-taxonomy.js';
import type { ValidationIssue } from '../../src/module-error.js';

/** The failing parts of one request, by part. */
export type PartErrors = Partial<Record<ValidationIssue['part'], ZodError | null | undefined>>;

/** One `ValidationError` listing the issues of every failing part, each with its part and path. */
export function toValidationError(parts: PartErrors, queryIssues: readonly ValidationIssue[] = []): ValidationError {
  const details: ValidationIssue[] = [];
  for (const [part, error] of Object.entries(parts)) {
    if (part === 'query') details.push(...queryIssues);
    if (!error) continue;
    for (const issue of error.issues) details.push({ part, path: issue.path, message: issue.message, code: issue.code });
  }
  const failing = [...new Set(details.map((issue) => issue.part))];
  return new ValidationError(`Request validation failed: ${failing.join(', ')}`, { details });
}
