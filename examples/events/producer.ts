import type { EventBus, EventEnvelope } from '@webstir-io/module-contract/events';
import { coachReflect, digestReady, importProgress } from './contracts.js';

const TAGS = ['fomo', 'revenge', 'overconfidence', 'loss-aversion'] as const;

/**
 * The coach service at work: an import of `trades` trades reports its progress, each trade gets a
 * reflection (dual-emitted as v1 and v2 during the grace window), and a digest follows.
 * Returns every envelope published, in order.
 */
export async function produce(bus: EventBus, options: { trades: number; userId?: string }): Promise<EventEnvelope[]> {
  const userId = options.userId ?? 'user-1';
  const importId = globalThis.crypto.randomUUID();
  const sent: EventEnvelope[] = [];
  for (let i = 1; i <= options.trades; i++) {
    const progress = importProgress.create(1, { importId, userId, processed: i, total: options.trades }, { source: 'coach' });
    await bus.publish(importProgress, progress);
    const reflections = coachReflect.dualEmit(
      { userId, trade: { id: `trade-${i}`, symbol: i % 2 ? 'AAPL' : 'MSFT' }, text: `Reflection on trade ${i}`, biasTags: [TAGS[i % TAGS.length]!] },
      { source: 'coach' },
    );
    await bus.publish(coachReflect, reflections);
    sent.push(progress, ...reflections);
  }
  const digest = digestReady.create(1, { userId, weekOf: '2026-11-30', url: 'https://coach.example.com/digests/2026-11-30' }, { source: 'coach' });
  await bus.publish(digestReady, digest);
  sent.push(digest);
  return sent;
}
