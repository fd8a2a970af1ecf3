import type { z } from 'zod';
import type { AnySchema } from './route-spec.js';

/** A versioned event the module emits or consumes, with the Zod schema of its payload. */
export interface EventSpec<TPayload extends AnySchema = AnySchema> {
  readonly type: 'event';
  name: string;
  version: number;
  direction: 'emit' | 'consume';
  payload: TPayload;
  description?: string;
  deprecated?: boolean;
}

/** The envelope every event travels in; `v` selects the payload schema. */
export interface EventEnvelope<TName extends string = string, TPayload = unknown> {
  type: TName;
  v: number;
  id: string;
  occurredAt: string;
  payload: TPayload;
}

export type EventPayload<T extends EventSpec> = z.output<T['payload']>;

/** @example defineEvent({ name: 'account.created', version: 1, direction: 'emit', payload: Account }) */
export function defineEvent<const TPayload extends AnySchema>(spec: Omit<EventSpec<TPayload>, 'type'>): EventSpec<TPayload> {
  return { ...spec, type: 'event' };
}
