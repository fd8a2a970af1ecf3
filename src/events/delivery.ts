import { ValidationError } from '../error-taxonomy.js';
import type { AnyEventContract } from './define-event.js';
import type { EventEnvelope } from './event-envelope.js';

/** What a consumer does with one received message. */
export type Decision =
  | { action: 'deliver'; envelope: EventEnvelope }
  | { action: 'skip'; reason: string }
  | { action: 'refuse'; error: ValidationError };

/**
 * Decides, for one serialized message, whether a consumer of `event` in `versions` hands it to its
 * handler, skips it (another type, or a version it does not take), or refuses it (not valid).
 * Shared by every transport so they all treat messages alike.
 */
export function decide(event: AnyEventContract, text: string | undefined, versions: readonly number[]): Decision {
  if (text === undefined) return refuse(new ValidationError('[events] message has no "envelope" field', { details: [{ part: 'envelope', path: [], message: 'Required' }] }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(new ValidationError('[events] message is not JSON', { details: [{ part: 'envelope', path: [], message: 'not JSON' }] }));
  }
  // Type and version decide whether the message is for this consumer at all; only then is it validated
  // in full (envelope and payload, in one pass).
  const head = (typeof value === 'object' && value !== null ? value : {}) as { type?: unknown; v?: unknown };
  if (typeof head.type === 'string' && head.type !== event.type) return { action: 'skip', reason: `type ${head.type}` };
  if (typeof head.v === 'number' && Number.isInteger(head.v) && head.v > 0 && !versions.includes(head.v)) return { action: 'skip', reason: `${event.type} v${head.v} is not taken here` };
  try {
    return { action: 'deliver', envelope: event.parse(value) };
  } catch (error) {
    if (error instanceof ValidationError) return refuse(error);
    throw error;
  }
}

function refuse(error: ValidationError): Decision {
  return { action: 'refuse', error };
}

/** One line for logs and dead letters: the error's message, or a generic text for a non-error. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}
