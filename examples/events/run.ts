// The grace window, end to end: a producer dual-emits coach.reflect v1 and v2, an old consumer reads
// v1, a new one reads v2. On Redis Streams when REDIS_URL is set, otherwise on the in-memory bus.
//   npm run example:events                                  (in memory)
//   REDIS_URL=redis://127.0.0.1:6379 npm run example:events  (Redis; run python/consumer.py beside it)
import { pathToFileURL } from 'node:url';
import { InMemoryEventBus, type EventBus, type EventEnvelope } from '@webstir-io/module-contract/events';
import { startNewConsumer } from './consumer-new.js';
import { startOldConsumer } from './consumer-old.js';
import { produce } from './producer.js';

export interface ExampleResult {
  sent: EventEnvelope[];
  old: EventEnvelope[];
  current: EventEnvelope[];
}

/** Starts both consumers, produces `trades` trades' worth of events and waits until each consumer has its share. */
export async function runExample(bus: EventBus, options: { trades?: number; timeoutMs?: number } = {}): Promise<ExampleResult> {
  const old: EventEnvelope[] = [];
  const current: EventEnvelope[] = [];
  const subscriptions = [await startOldConsumer(bus, (e) => old.push(e)), ...(await startNewConsumer(bus, (e) => current.push(e)))];
  try {
    const sent = await produce(bus, { trades: options.trades ?? 5 });
    const ids = new Set(sent.map((e) => e.id));
    const mine = (list: EventEnvelope[]) => list.filter((e) => ids.has(e.id)).length;
    const wantOld = sent.filter((e) => e.type === 'coach.reflect' && e.v === 1).length;
    const wantNew = sent.filter((e) => !(e.type === 'coach.reflect' && e.v === 1)).length;
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    while (mine(old) < wantOld || mine(current) < wantNew) {
      if (Date.now() > deadline) throw new Error(`timed out: old consumer has ${mine(old)}/${wantOld}, new consumer ${mine(current)}/${wantNew}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { sent, old: old.filter((e) => ids.has(e.id)), current: current.filter((e) => ids.has(e.id)) };
  } finally {
    await Promise.all(subscriptions.map((s) => s.close()));
  }
}

async function openBus(): Promise<{ bus: EventBus; name: string; close: () => Promise<void> }> {
  const url = process.env.REDIS_URL;
  if (!url) {
    const bus = new InMemoryEventBus();
    return { bus, name: 'in-memory bus (set REDIS_URL to use Redis Streams)', close: () => bus.close() };
  }
  const { Redis } = await import('ioredis');
  const { createRedisStreamsBus } = await import('@webstir-io/module-contract/events/redis');
  const client = new Redis(url);
  const bus = createRedisStreamsBus({ client });
  return {
    bus,
    name: `Redis Streams at ${url}`,
    close: async () => {
      await bus.close();
      client.disconnect();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { bus, name, close } = await openBus();
  console.log(`[example] events on the ${name}`);
  try {
    const { sent, old, current } = await runExample(bus, { trades: Number(process.env.TRADES ?? 5) });
    const count = (list: EventEnvelope[], type: string, v: number) => list.filter((e) => e.type === type && e.v === v).length;
    const rows = [
      ['', 'import.progress v1', 'coach.reflect v1', 'coach.reflect v2', 'digest.ready v1'],
      ['producer (sent)', ...[['import.progress', 1], ['coach.reflect', 1], ['coach.reflect', 2], ['digest.ready', 1]].map(([t, v]) => String(count(sent, t as string, v as number)))],
      ['old consumer (v1)', '-', String(count(old, 'coach.reflect', 1)), '-', '-'],
      ['new consumer (v2)', String(count(current, 'import.progress', 1)), '-', String(count(current, 'coach.reflect', 2)), String(count(current, 'digest.ready', 1))],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
    const once = (list: EventEnvelope[]) => new Set(list.map((e) => e.id)).size === list.length;
    if (!once(old) || !once(current)) throw new Error('a consumer got an event twice');
    console.log('[example] each consumer got each of its events once');
  } finally {
    await close();
  }
}
