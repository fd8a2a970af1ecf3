import type { AnyEventContract, EventEnvelopeOf, VersionOf } from './define-event.js';

/** Where a delivery stands, passed to the handler. */
export interface DeliveryContext {
  /** The transport's id of the message (a Redis stream entry id, for example). */
  messageId: string;
  stream: string;
  /** 1 on the first delivery, more on redeliveries. */
  attempt: number;
}

/** The envelopes of an event in versions `V` (every version by default). */
export type EnvelopeOf<TEvent extends AnyEventContract, V extends number = VersionOf<TEvent['versions']>> = EventEnvelopeOf<
  TEvent['type'],
  TEvent['versions'],
  V & VersionOf<TEvent['versions']>
>;

export type EventHandler<TEnvelope> = (envelope: TEnvelope, context: DeliveryContext) => void | Promise<void>;

/** A delivery that failed: the envelope was refused, or the handler threw. */
export interface DeliveryFailure extends DeliveryContext {
  /** The failure, one line. */
  reason: string;
  /** The message went to the dead-letter stream (it is not retried any more). */
  deadLettered: boolean;
}

export interface SubscribeOptions<V extends number = number> {
  /** Consumer group. Every group gets every message; consumers of one group share them. */
  group: string;
  /**
   * This consumer's name within the group. A stable name per process keeps dead names from piling
   * up in the group; a restarted process's unacknowledged messages come back to the group through
   * the idle claim either way. @default a random name
   */
  consumer?: string;
  /**
   * Versions the handler takes. Envelopes of other versions (or other types) on the stream are
   * acknowledged and skipped: an older consumer ignores a version it does not know.
   * @default every version of the event
   */
  versions?: readonly V[];
  /** @default `events:<type>` */
  stream?: string;
  /** Deliveries before a message whose handler keeps failing is dead-lettered. @default 3 */
  maxAttempts?: number;
  /** Called for each failed delivery, with the `ValidationError` or the handler's error. */
  onError?: (error: unknown, failure: DeliveryFailure) => void;
}

/** A message the consumers gave up on, kept in `<stream>:dead`. */
export interface DeadLetter {
  /** Id of the original message. */
  messageId: string;
  group: string;
  /** The message as it was received (the serialized envelope). */
  envelope: string;
  reason: string;
  attempts: number;
}

export interface Subscription {
  /** Stops reading; a message being handled is finished first. */
  close(): Promise<void>;
}

/**
 * Publishes and consumes versioned events. Both ends validate: `publish` refuses an envelope its
 * event does not accept; a subscriber dead-letters one it cannot validate, so its handler never sees it.
 * Delivery is at least once: a message is acknowledged only after its handler returns.
 */
export interface EventBus {
  /** Validates and appends envelopes to the event's stream; returns their message ids. */
  publish<TEvent extends AnyEventContract>(
    event: TEvent,
    envelopes: EnvelopeOf<TEvent> | readonly EnvelopeOf<TEvent>[],
    options?: { stream?: string },
  ): Promise<string[]>;
  /** Starts a consumer of the group; the handler gets envelopes of the chosen versions, validated. */
  subscribe<TEvent extends AnyEventContract, const V extends VersionOf<TEvent['versions']> = VersionOf<TEvent['versions']>>(
    event: TEvent,
    handler: EventHandler<EnvelopeOf<TEvent, V>>,
    options: SubscribeOptions<V>,
  ): Promise<Subscription>;
  /** The dead letters of an event's stream (or of a stream by name), oldest first. */
  deadLetters(stream: AnyEventContract | string): Promise<DeadLetter[]>;
  /** Closes every subscription and the connections the bus owns. */
  close(): Promise<void>;
}

/** The stream an event goes to unless told otherwise. */
export function streamFor(event: AnyEventContract | string): string {
  return typeof event === 'string' ? event : `events:${event.type}`;
}

/** The dead-letter stream of a stream. */
export function deadLetterStream(stream: string): string {
  return `${stream}:dead`;
}

/**
 * An envelope as it goes on the wire, checked as a consumer will read it: its JSON text, parsed
 * back and validated. An envelope from `create` holds parsed output (a transform's Date, say), so
 * it is the JSON form that must pass, not the object.
 */
export function wireText(event: { parse(value: unknown): unknown }, envelope: unknown): string {
  const text = JSON.stringify(envelope);
  event.parse(JSON.parse(text));
  return text;
}

/** A dead letter from the fields of its stream entry, as either bus stores them. */
export function toDeadLetter(fields: Readonly<Record<string, string | undefined>> | null | undefined): DeadLetter {
  return {
    messageId: fields?.messageId ?? '',
    group: fields?.group ?? '',
    envelope: fields?.envelope ?? '',
    reason: fields?.reason ?? '',
    attempts: Number(fields?.attempts),
  };
}
