import type { AnyEventContract, VersionOf } from './define-event.js';
import { decide, reasonOf } from './delivery.js';
import { deadLetterStream, streamFor, toDeadLetter, wireText, type DeadLetter, type EnvelopeOf, type EventBus, type EventHandler, type SubscribeOptions, type Subscription } from './event-bus.js';

interface Entry {
  id: string;
  fields: Record<string, string>;
}

interface Group {
  /** Index of the next entry never delivered to the group. */
  next: number;
  /** Entries to deliver again, with the deliveries so far. */
  retry: { entry: Entry; attempts: number }[];
  consumers: Set<Consumer>;
}

interface Consumer {
  run: () => Promise<void>;
  hasWork: () => boolean;
  closed: boolean;
  running: Promise<void> | undefined;
}

/**
 * An `EventBus` inside one process, for tests, examples and single-process apps. Same rules as the
 * Redis adapter: consumer groups, acknowledgement after the handler returns, retries, then a
 * dead-letter stream with the reason. Nothing survives the process.
 */
export class InMemoryEventBus implements EventBus {
  private readonly streams = new Map<string, { entries: Entry[]; groups: Map<string, Group> }>();
  private readonly subscriptions = new Set<Subscription>();
  private sequence = 0;

  async publish<TEvent extends AnyEventContract>(
    event: TEvent,
    envelopes: EnvelopeOf<TEvent> | readonly EnvelopeOf<TEvent>[],
    options: { stream?: string } = {},
  ): Promise<string[]> {
    const list: readonly unknown[] = Array.isArray(envelopes) ? envelopes : [envelopes];
    // Validate every envelope before appending any, so a bad batch leaves the stream as it was.
    const texts = list.map((envelope) => wireText(event, envelope));
    return texts.map((text) => this.append(options.stream ?? streamFor(event), { envelope: text }));
  }

  /** Appends a message as it is, without validation: for tests of what consumers do with bad input. */
  publishRaw(stream: string, fields: Record<string, string>): string {
    return this.append(stream, fields);
  }

  async subscribe<TEvent extends AnyEventContract, const V extends VersionOf<TEvent['versions']> = VersionOf<TEvent['versions']>>(
    event: TEvent,
    handler: EventHandler<EnvelopeOf<TEvent, V>>,
    options: SubscribeOptions<V>,
  ): Promise<Subscription> {
    const name = options.stream ?? streamFor(event);
    const stream = this.stream(name);
    let group = stream.groups.get(options.group);
    if (!group) stream.groups.set(options.group, (group = { next: 0, retry: [], consumers: new Set() }));
    const versions: readonly number[] = options.versions ?? event.versionNumbers;
    const maxAttempts = options.maxAttempts ?? 3;
    const owner = group;

    const consumer: Consumer = {
      closed: false,
      running: undefined,
      hasWork: () => owner.retry.length > 0 || owner.next < stream.entries.length,
      run: async () => {
        while (!consumer.closed) {
          const job = owner.retry.shift() ?? (owner.next < stream.entries.length ? { entry: stream.entries[owner.next++]!, attempts: 0 } : undefined);
          if (!job) return;
          const attempt = job.attempts + 1;
          const context = { messageId: job.entry.id, stream: name, attempt };
          const decision = decide(event, job.entry.fields.envelope, versions);
          if (decision.action === 'skip') continue;
          let failure: unknown;
          if (decision.action === 'refuse') failure = decision.error;
          else {
            try {
              await handler(decision.envelope as EnvelopeOf<TEvent, V>, context);
              continue;
            } catch (error) {
              failure = error;
            }
          }
          const deadLettered = decision.action === 'refuse' || attempt >= maxAttempts;
          const reason = reasonOf(failure);
          if (deadLettered) {
            this.append(deadLetterStream(name), {
              envelope: job.entry.fields.envelope ?? '',
              reason,
              attempts: String(attempt),
              group: options.group,
              messageId: job.entry.id,
            });
          } else owner.retry.push({ entry: job.entry, attempts: attempt });
          options.onError?.(failure, { ...context, reason, deadLettered });
        }
      },
    };
    group.consumers.add(consumer);
    this.wake(consumer);
    const subscription: Subscription = {
      close: async () => {
        consumer.closed = true;
        owner.consumers.delete(consumer);
        this.subscriptions.delete(subscription);
        await consumer.running;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async deadLetters(stream: AnyEventContract | string): Promise<DeadLetter[]> {
    const entries = this.streams.get(deadLetterStream(streamFor(stream)))?.entries ?? [];
    return entries.map(({ fields }) => toDeadLetter(fields));
  }

  /** Resolves once every consumer has handled everything published so far. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.streams.values()].flatMap((s) => [...s.groups.values()]).flatMap((g) => [...g.consumers]).map((c) => c.running);
      const active = running.filter((r): r is Promise<void> => r !== undefined);
      if (active.length === 0) return;
      await Promise.all(active);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }

  private stream(name: string) {
    let stream = this.streams.get(name);
    if (!stream) this.streams.set(name, (stream = { entries: [], groups: new Map() }));
    return stream;
  }

  private append(name: string, fields: Record<string, string>): string {
    const stream = this.stream(name);
    const id = `${Date.now()}-${this.sequence++}`;
    stream.entries.push({ id, fields });
    for (const group of stream.groups.values()) {
      // One consumer of the group takes the new work; the others stay idle, as in a consumer group.
      const consumer = [...group.consumers].find((c) => !c.running) ?? [...group.consumers][0];
      if (consumer) this.wake(consumer);
    }
    return id;
  }

  private wake(consumer: Consumer): void {
    if (consumer.running || consumer.closed) return;
    consumer.running = Promise.resolve()
      .then(consumer.run)
      .finally(() => {
        consumer.running = undefined;
        // Work appended between the loop's last look and now would otherwise wait for the next publish.
        if (consumer.hasWork()) this.wake(consumer);
      });
  }
}
