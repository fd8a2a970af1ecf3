import { ValidationError } from '../../src/error-taxonomy.js';
import type { ValidationIssue } from '../../src/module-error.js';

/**
 * What a failed check carries: a ZodError, or (ts-rest 3.53) a Standard Schema failure, whose
 * issues may have no code and whose path segments may be `{ key }` objects.
 */
export interface IssueList {
  readonly issues: readonly { readonly path?: readonly unknown[]; readonly message: string; readonly code?: string }[];
}

/** The failing parts of one request, by part. */
export type PartErrors = Partial<Record<ValidationIssue['part'], IssueList | null | undefined>>;

/** One `ValidationError` listing the issues of every failing part, each with its part and path. */
export function toValidationError(parts: PartErrors, queryIssues: readonly ValidationIssue[] = []): ValidationError {
  const details: ValidationIssue[] = [];
  for (const [part, error] of Object.entries(parts)) {
    if (part === 'query') details.push(...queryIssues);
    if (!error) continue;
    for (const issue of error.issues) {
      const detail: ValidationIssue = { part, path: (issue.path ?? []).map(pathKey), message: issue.message };
      if (issue.code !== undefined) detail.code = issue.code;
      details.push(detail);
    }
  }
  const failing = [...new Set(details.map((issue) => issue.part))];
  return new ValidationError(`Request validation failed: ${failing.join(', ')}`, { details });
}

function pathKey(segment: unknown): string | number {
  const key = typeof segment === 'object' && segment !== null && 'key' in segment ? (segment as { key: unknown }).key : segment;
  return typeof key === 'number' ? key : String(key);
}
