import type { EventBus, EventEnvelope, Subscription } from '@webstir-io/module-contract/events';
import { coachReflectV1Only } from './contracts-v1.js';

/**
 * A notifier built against the old contracts release: it knows `coach.reflect` v1 only, and reads
 * the v1 envelopes the producer keeps emitting during the grace window. v2 envelopes are skipped.
 */
export async function startOldConsumer(bus: EventBus, onEvent: (envelope: EventEnvelope) => void = () => undefined): Promise<Subscription> {
  return bus.subscribe(
    coachReflectV1Only,
    (envelope) => {
      // v1 shape: a flat trade id and a note.
      const line = `[notifier v1] ${envelope.payload.userId}: ${envelope.payload.note} (${envelope.payload.tradeId})`;
      if (process.env.EXAMPLE_VERBOSE) console.log(line);
      onEvent(envelope);
    },
    { group: 'notifier', consumer: 'notifier-1' },
  );
}
