import { ContractError } from '../../src/error-taxonomy.js';
import { ModuleErrorSchema } from '../../src/module-error.js';
import type { ResolvedSchema } from '../../src/resolve/resolved-route.js';
import type { AnySchema } from '../../src/route-spec.js';
import { compileSchema, FAIL, type CompiledCheck } from './compile-schema.js';

/** A response that keeps the contract, ready to send. */
export interface CheckedResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Checks a handler's result against the route's declared responses and returns what to send:
 * the parsed body (unknown keys stripped). Throws an `internal` error naming the route when the
 * status is undeclared or the body does not match; its details say what was wrong, for the log.
 * Error bodies without a `correlationId` get the request's.
 */
export type ResponseCheck = (result: unknown, correlationId: string) => CheckedResponse;

/** Compiles a route's response check once, at mount time (see `compileSchema`). */
export function createResponseCheck(subject: string, responses: readonly { status: number; body?: Pick<ResolvedSchema, 'schema' | 'described'> }[], validate: boolean): ResponseCheck {
  const schemas = new Map<number, AnySchema | null>();
  const compiled = new Map<number, CompiledCheck>();
  for (const { status, body } of responses) {
    schemas.set(status, body?.schema ?? null);
    if (body && validate) compiled.set(status, compileSchema(body.described));
  }
  const declared = [...schemas.keys()].join(', ');

  const mismatch = (message: string, details?: unknown) =>
    new ContractError('internal', `[express] ${subject}: ${message}`, details === undefined ? {} : { details });

  return (result, correlationId) => {
    if (typeof result !== 'object' || result === null || typeof (result as { status?: unknown }).status !== 'number') {
      throw mismatch('the handler returned no { status, body }');
    }
    const { status, headers } = result as CheckedResponse;
    const returned = (result as CheckedResponse).body;
    const withId = status >= 400 && isErrorBody(returned) && returned.correlationId === undefined;
    const body = withId ? { ...(returned as object), correlationId } : returned;
    if (!validate) return headers ? { status, body, headers } : { status, body };

    const schema = schemas.get(status);
    if (schema === undefined) throw mismatch(`status ${status} is not declared (declared: ${declared})`);
    if (schema === null) {
      if (returned !== undefined && returned !== null) throw mismatch(`status ${status} is declared without a body, but the handler returned one`);
      return headers ? { status, body: undefined, headers } : { status, body: undefined };
    }
    const fast = (compiled.get(status) as CompiledCheck)(body);
    if (fast === returned) return result as CheckedResponse;
    if (fast !== FAIL) return headers ? { status, body: fast, headers } : { status, body: fast };
    // The compiled check only says "no"; Zod confirms and says why.
    let parsed = schema.safeParse(body);
    // A module's own error schema may not allow a correlationId; then the body goes as returned.
    if (withId && !parsed.success) parsed = schema.safeParse(returned);
    if (!parsed.success) {
      throw mismatch(
        `the body returned with status ${status} does not match its schema`,
        parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
      );
    }
    return headers ? { status, body: parsed.data, headers } : { status, body: parsed.data };
  };
}

function isErrorBody(body: unknown): body is { code: string; message: string; correlationId?: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && ModuleErrorSchema.safeParse(body).success;
}
