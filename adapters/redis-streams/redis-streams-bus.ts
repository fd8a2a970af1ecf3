import type { Redis } from 'ioredis';
import { decide, reasonOf } from '../../src/events/delivery.js';
import type { AnyEventContract, VersionOf } from '../../src/events/define-event.js';
import {
  deadLetterStream,
  wireText,
  streamFor,
  toDeadLetter,
  type DeadLetter,
  type DeliveryContext,
  type EnvelopeOf,
  type EventBus,
  type EventHandler,
  type SubscribeOptions,
  type Subscription,
} from '../../src/events/event-bus.js';
import { readEntries, readStreamReply, type StreamEntry } from './stream-reply.js';

export interface RedisStreamsBusOptions {
  /**
   * The ioredis client to publish with. Each subscription reads on a `duplicate()` of it, because a
   * blocking read holds its connection.
   */
  client: Redis;
  /**
   * A message left unacknowledged this long (its consumer crashed, or its handler failed) is
   * claimed again by a live consumer of the group with `XAUTOCLAIM`. A batch's idle clocks start
   * together, so keep it above `batch` × your slowest handler, or a slow message is handled twice.
   * @default 30_000
   */
  claimIdleMs?: number;
  /** How long one `XREADGROUP` waits for new messages. @default 1000 */
  blockMs?: number;
  /** Messages fetched per read. @default 16 */
  batch?: number;
  /** Called when a consumer's loop meets a broker error (a lost connection, for example); the loop keeps going. */
  onBrokerError?: (error: unknown) => void;
}

/**
 * An `EventBus` on Redis Streams: one stream per event (`events:<type>`), one consumer group per
 * consuming service, at-least-once delivery across processes and machines. A message is acknowledged
 * only after its handler returns; a handler that fails is retried (the message stays pending and is
 * claimed again), then dead-lettered to `<stream>:dead` with its reason. Streams are not trimmed here:
 * trimming with `MAXLEN` could drop messages a group has not read yet.
 */
export class RedisStreamsBus implements EventBus {
  private readonly client: Redis;
  private readonly claimIdleMs: number;
  private readonly blockMs: number;
  private readonly batch: number;
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: RedisStreamsBusOptions) {
    this.client = options.client;
    this.claimIdleMs = options.claimIdleMs ?? 30_000;
    this.blockMs = options.blockMs ?? 1000;
    this.batch = options.batch ?? 16;
  }

  async publish<TEvent extends AnyEventContract>(
    event: TEvent,
    envelopes: EnvelopeOf<TEvent> | readonly EnvelopeOf<TEvent>[],
    options: { stream?: string } = {},
  ): Promise<string[]> {
    const list: readonly unknown[] = Array.isArray(envelopes) ? envelopes : [envelopes];
    // Validate every envelope before sending any, so a bad batch publishes nothing.
    const texts = list.map((envelope) => wireText(event, envelope));
    const stream = options.stream ?? streamFor(event);
    if (texts.length === 1) return [(await this.client.call('XADD', stream, '*', 'envelope', texts[0] as string)) as string];
    const pipeline = this.client.multi();
    for (const text of texts) pipeline.call('XADD', stream, '*', 'envelope', text);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, id]) => {
      if (error) throw error;
      return id as string;
    });
  }

  async subscribe<TEvent extends AnyEventContract, const V extends VersionOf<TEvent['versions']> = VersionOf<TEvent['versions']>>(
    event: TEvent,
    handler: EventHandler<EnvelopeOf<TEvent, V>>,
    options: SubscribeOptions<V>,
  ): Promise<Subscription> {
    const stream = options.stream ?? streamFor(event);
    const { group } = options;
    const consumer = options.consumer ?? `consumer-${globalThis.crypto.randomUUID().slice(0, 8)}`;
    const versions: readonly number[] = options.versions ?? event.versionNumbers;
    const maxAttempts = options.maxAttempts ?? 3;
    const connection = this.client.duplicate();
    // Connection errors also reach the loop as failed commands; this only keeps ioredis from logging them as unhandled.
    connection.on('error', (error: unknown) => this.options.onBrokerError?.(error));
    await ensureGroup(connection, stream, group);

    let closed = false;
    const handle = async (entry: StreamEntry, attempt: number) => {
      const context: DeliveryContext = { messageId: entry.id, stream, attempt };
      if (entry.fields === null) {
        // Deleted from the stream while pending: nothing left to deliver.
        await connection.call('XACK', stream, group, entry.id);
        return;
      }
      const text = entry.fields.envelope;
      const decision = decide(event, text, versions);
      if (decision.action === 'skip') {
        await connection.call('XACK', stream, group, entry.id);
        return;
      }
      let failure: unknown;
      let handled = false;
      if (decision.action === 'refuse') failure = decision.error;
      else {
        try {
          await handler(decision.envelope as EnvelopeOf<TEvent, V>, context);
          handled = true;
        } catch (error) {
          failure = error;
        }
      }
      if (handled) {
        // Outside the handler's try: a broker error here is the broker's, and the message stays
        // pending to be claimed again (at least once), never counted as a handler failure.
        await connection.call('XACK', stream, group, entry.id);
        return;
      }
      const deadLettered = decision.action === 'refuse' || attempt >= maxAttempts;
      const reason = reasonOf(failure);
      if (deadLettered) {
        // The dead letter first, the acknowledgement only once it is written: at worst the message
        // is in both places, never in neither (a command failing inside MULTI is not rolled back).
        await connection.call('XADD', deadLetterStream(stream), '*', 'envelope', text ?? '', 'reason', reason, 'attempts', String(attempt), 'group', group, 'messageId', entry.id);
        await connection.call('XACK', stream, group, entry.id);
      }
      // Otherwise the message stays pending and is claimed again once idle for `claimIdleMs`.
      options.onError?.(failure, { ...context, reason, deadLettered });
    };

    const claim = async () => {
      let cursor = '0-0';
      do {
        const reply = (await connection.call('XAUTOCLAIM', stream, group, consumer, this.claimIdleMs, cursor, 'COUNT', this.batch)) as [string, unknown, unknown?];
        cursor = reply[0];
        for (const entry of readEntries(reply[1])) {
          if (closed) return;
          await handle(entry, await deliveries(connection, stream, group, entry.id));
        }
      } while (cursor !== '0-0' && !closed);
    };

    const loop = async () => {
      let lastClaim = 0;
      while (!closed) {
        try {
          if (Date.now() - lastClaim >= this.claimIdleMs / 2) {
            lastClaim = Date.now();
            await claim();
          }
          const reply = await connection.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', this.batch, 'BLOCK', this.blockMs, 'STREAMS', stream, '>');
          for (const entry of readStreamReply(reply)) {
            await handle(entry, 1);
            if (closed) break;
          }
        } catch (error) {
          if (closed) break;
          this.options.onBrokerError?.(error);
          // The group is gone after a restart that lost data: make it again, then carry on.
          if (/NOGROUP/.test(String((error as Error)?.message))) await ensureGroup(connection, stream, group).catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };

    const running = loop();
    const subscription: Subscription = {
      close: async () => {
        closed = true;
        this.subscriptions.delete(subscription);
        await running;
        connection.disconnect();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async deadLetters(stream: AnyEventContract | string): Promise<DeadLetter[]> {
    const entries = readEntries(await this.client.call('XRANGE', deadLetterStream(streamFor(stream)), '-', '+'));
    return entries.map(({ fields }) => toDeadLetter(fields));
  }

  /** Closes every subscription (after the message each is handling); the client passed in stays open. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }
}

/** Creates a Redis Streams bus on an ioredis client. */
export function createRedisStreamsBus(options: RedisStreamsBusOptions): RedisStreamsBus {
  return new RedisStreamsBus(options);
}

/** Creates the group at the start of the stream (so it reads what was published before it existed). */
async function ensureGroup(connection: Redis, stream: string, group: string): Promise<void> {
  try {
    await connection.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!/BUSYGROUP/.test(String((error as Error)?.message))) throw error;
  }
}

/** How many times the group has delivered a message, from `XPENDING`. */
async function deliveries(connection: Redis, stream: string, group: string, id: string): Promise<number> {
  const reply = (await connection.call('XPENDING', stream, group, id, id, 1)) as [string, string, number, number][];
  return Number(reply[0]?.[3] ?? 1);
}
