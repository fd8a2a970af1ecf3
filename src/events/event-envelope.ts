import { z } from 'zod';
import { ValidationError } from '../error-taxonomy.js';
import type { ValidationIssue } from '../module-error.js';

/**
 * The envelope every event travels in. `v` selects the payload schema of the event's `type`;
 * `correlationId` ties together envelopes that describe one fact (a dual-emitted pair, for example).
 */
export interface EventEnvelope<TType extends string = string, TVersion extends number = number, TPayload = unknown> {
  /** Unique per envelope; consumers use it to recognise a redelivery. */
  id: string;
  type: TType;
  /** Version of the payload, a positive integer. */
  v: TVersion;
  /** ISO 8601 timestamp with a time zone, e.g. `2026-01-31T09:30:00.000Z`. */
  occurredAt: string;
  /** The service that emitted the event. */
  source?: string;
  correlationId?: string;
  payload: TPayload;
}

/** Envelope fields a producer may set; `id` and `occurredAt` are generated when absent. */
export interface EventMeta {
  id?: string;
  occurredAt?: string | Date;
  source?: string;
  correlationId?: string;
}

/**
 * The envelope, checked without knowing the event: the payload is required but not inspected.
 * Unknown envelope fields are dropped, so a newer producer can add one without breaking older consumers.
 */
export const eventEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  v: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  source: z.string().min(1).optional(),
  correlationId: z.string().min(1).optional(),
  // Required, of any JSON type: the event's own schema validates it.
  payload: jsonValue(),
});

/** Any JSON value (not `undefined`), described as such in JSON Schema, so `payload` stays required. */
function jsonValue() {
  return z.union([z.record(z.unknown()), z.array(z.unknown()), z.string(), z.number(), z.boolean(), z.null()], {
    errorMap: (_issue, context) => ({ message: context.data === undefined ? 'Required' : 'Expected a JSON value' }),
  });
}

/** Whether a value has the envelope's shape (the payload is not checked against its event). */
export function isEventEnvelope(value: unknown): value is EventEnvelope {
  return eventEnvelopeSchema.safeParse(value).success;
}

/**
 * Validates the envelope's shape and returns it, or throws a `ValidationError` whose details list
 * every issue (`part: 'envelope'`).
 */
export function parseEventEnvelope(value: unknown, component = 'events'): EventEnvelope {
  const result = eventEnvelopeSchema.safeParse(value);
  if (result.success) return result.data as EventEnvelope;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({ part: 'envelope', path: issue.path, message: issue.message, code: issue.code }));
  throw new ValidationError(`[${component}] invalid event envelope: ${summarize(issues)}`, { details: issues });
}

/** One line naming each issue, for error messages and dead-letter reasons. */
export function summarize(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${[i.part, ...i.path].join('.')}: ${i.message}`).join('; ');
}
