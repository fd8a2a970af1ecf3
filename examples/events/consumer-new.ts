import type { EventBus, EventEnvelope, Subscription } from '@webstir-io/module-contract/events';
import { coachReflect, digestReady, importProgress } from './contracts.js';

/** The insights service, moved to `coach.reflect` v2; it also follows imports and digests. */
export async function startNewConsumer(bus: EventBus, onEvent: (envelope: EventEnvelope) => void = () => undefined): Promise<Subscription[]> {
  const log = (line: string) => process.env.EXAMPLE_VERBOSE && console.log(line);
  return Promise.all([
    bus.subscribe(
      coachReflect,
      (envelope) => {
        // v2 shape, narrowed by `versions: [2]`: a trade object, text and bias tags.
        log(`[insights v2] ${envelope.payload.trade.id}: ${envelope.payload.text} [${envelope.payload.biasTags.join(', ')}]`);
        onEvent(envelope);
      },
      // During the grace window each reflection comes as v1 and v2: take v2 only, or it would count twice.
      { group: 'insights', consumer: 'insights-1', versions: [2] },
    ),
    bus.subscribe(
      importProgress,
      (envelope) => {
        log(`[insights] import ${envelope.payload.processed}/${envelope.payload.total}`);
        onEvent(envelope);
      },
      { group: 'insights', consumer: 'insights-1' },
    ),
    bus.subscribe(
      digestReady,
      (envelope) => {
        log(`[insights] digest ready: ${envelope.payload.url}`);
        onEvent(envelope);
      },
      { group: 'insights', consumer: 'insights-1' },
    ),
  ]);
}
