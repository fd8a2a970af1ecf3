// Publish → consume through Redis Streams, 1 KB envelopes. **kit**: RedisStreamsBus, which validates
// on both sides (create + publish on the way in, envelope + payload before the handler), acknowledges
// after the handler and checks for idle messages. **bare**: the ceiling, a hand-written loop on the
// same ioredis client: XADD of the same JSON, XREADGROUP, JSON.parse, XACK per message, no validation.
// Throughput: MESSAGES published in windows of WINDOW, read COUNT 16. Latency: one message in flight at
// a time (publish, wait for the handler), so p50/p99 measure the path and not a queue. Rounds alternate
// kit and bare; each ratio is the median of the per-round ratios. Needs Debian's redis-server (started
// on a free port by the benchmark).
import { Redis } from 'ioredis';
import { createRedisStreamsBus } from '@webstir-io/module-contract/events/redis';
import { coachReflect } from '../examples/events/contracts.js';
import { startRedisServer } from '../test/fixtures/redis-server.js';
import { markdownTable, median, saveReport } from './report.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 32);
const PACED = Number(process.env.BENCH_PACED ?? 300);

// A v2 reflection whose envelope serializes to about 1 KB.
const payload = {
  userId: 'user-1',
  trade: { id: 'trade-1', symbol: 'AAPL' },
  text: 'x'.repeat(1024 - JSON.stringify(coachReflect.create(2, { userId: 'user-1', trade: { id: 'trade-1', symbol: 'AAPL' }, text: '', biasTags: ['fomo'] })).length),
  biasTags: ['fomo' as const],
};
const envelopeBytes = JSON.stringify(coachReflect.create(2, payload)).length;

interface Round {
  perSecond: number;
  /** CPU time of this process (producer and consumer both run here) per message, in µs. */
  cpu: number;
  p50: number;
  p99: number;
}

function summarize(latencies: number[], started: number, cpuBefore: NodeJS.CpuUsage): Round {
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { perSecond: (latencies.length / elapsed) * 1000, cpu: (cpu.user + cpu.system) / latencies.length, p50: at(0.5), p99: at(0.99) };
}

/** Sends in windows of `window` messages; with `received`, waits for each message before the next. */
async function inWindows(count: number, send: (i: number) => Promise<unknown>, received?: (i: number) => Promise<void>): Promise<void> {
  if (received) {
    for (let i = 0; i < count; i++) {
      await send(i);
      await received(i + 1);
    }
    return;
  }
  for (let i = 0; i < count; i += WINDOW) {
    const batch: Promise<unknown>[] = [];
    for (let j = i; j < Math.min(count, i + WINDOW); j++) batch.push(send(j));
    await Promise.all(batch);
  }
}

/** Resolves once `latencies` holds `n` entries. */
async function until(latencies: number[], n: number): Promise<void> {
  while (latencies.length < n) await new Promise((resolve) => setImmediate(resolve));
}

async function kitRound(client: Redis, round: string, count: number, paced: boolean): Promise<Round> {
  const bus = createRedisStreamsBus({ client, blockMs: 1000 });
  const stream = `bench:kit:${round}`;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const subscription = await bus.subscribe(
    coachReflect,
    (envelope) => void latencies.push(performance.now() - (sentAt.get(envelope.id) as number)),
    { group: 'bench', consumer: 'c1', stream, versions: [2] },
  );
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await inWindows(
    count,
    async () => {
      const envelope = coachReflect.create(2, payload);
      sentAt.set(envelope.id, performance.now());
      await bus.publish(coachReflect, envelope, { stream });
    },
    paced ? (n) => until(latencies, n) : undefined,
  );
  await until(latencies, count);
  const result = summarize(latencies, started, cpuBefore);
  await subscription.close();
  return result;
}

async function bareRound(client: Redis, round: string, count: number, paced: boolean): Promise<Round> {
  const stream = `bench:bare:${round}`;
  const reader = client.duplicate();
  await reader.call('XGROUP', 'CREATE', stream, 'bench', '0', 'MKSTREAM');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const consume = (async () => {
    while (latencies.length < count) {
      const reply = (await reader.call('XREADGROUP', 'GROUP', 'bench', 'c1', 'COUNT', 16, 'BLOCK', 1000, 'STREAMS', stream, '>')) as unknown[] | null;
      if (!reply) continue;
      // RESP3 in ioredis's legacy mapping: [stream, entries].
      const entries = (typeof reply[0] === 'string' ? reply[1] : (reply[0] as unknown[])[1]) as [string, string[]][];
      for (const [id, fields] of entries) {
        const envelope = JSON.parse(fields[1] as string) as { id: string };
        latencies.push(performance.now() - (sentAt.get(envelope.id) as number));
        await reader.call('XACK', stream, 'bench', id);
      }
    }
  })();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await inWindows(
    count,
    async () => {
      const envelope = { id: globalThis.crypto.randomUUID(), type: 'coach.reflect', v: 2, occurredAt: new Date().toISOString(), payload };
      sentAt.set(envelope.id, performance.now());
      await client.call('XADD', stream, '*', 'envelope', JSON.stringify(envelope));
    },
    paced ? (n) => until(latencies, n) : undefined,
  );
  await consume;
  const result = summarize(latencies, started, cpuBefore);
  reader.disconnect();
  return result;
}


const server = await startRedisServer();
const client = new Redis(server.url);
try {
  // Warm-up: connections, JIT, Zod's first parses.
  await kitRound(client, 'warm', 500, false);
  await bareRound(client, 'warm', 500, false);
  const kit = { load: [] as Round[], paced: [] as Round[] };
  const bare = { load: [] as Round[], paced: [] as Round[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['load', 'paced'] as const) {
      const [count, paced] = mode === 'load' ? [MESSAGES, false] : [PACED, true];
      const kitFirst = round % 2 === 0;
      if (kitFirst) kit[mode].push(await kitRound(client, `${mode}${round}`, count, paced));
      bare[mode].push(await bareRound(client, `${mode}${round}`, count, paced));
      if (!kitFirst) kit[mode].push(await kitRound(client, `${mode}${round}`, count, paced));
    }
  }
  const ratio = (mode: 'load' | 'paced', pick: (r: Round) => number) => median(kit[mode].map((k, i) => pick(k) / pick(bare[mode][i] as Round)));
  const mid = (rounds: Round[], pick: (r: Round) => number) => median(rounds.map(pick));
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const row = (label: string, side: { load: Round[]; paced: Round[] }) => [
    label,
    fmt(mid(side.load, (r) => r.perSecond)),
    fmt(mid(side.load, (r) => r.cpu)),
    fmt(mid(side.paced, (r) => r.p50), 3),
    fmt(mid(side.paced, (r) => r.p99), 3),
  ];
  const table = markdownTable(
    ['', 'throughput msg/s', 'CPU µs/msg', 'latency p50 ms', 'latency p99 ms'],
    [
      row('bare XADD/XREADGROUP loop (ceiling)', bare),
      row('kit RedisStreamsBus, validated both sides', kit),
      ['**kit/bare**', `**${fmt(ratio('load', (r) => r.perSecond), 3)}**`, fmt(ratio('load', (r) => r.cpu), 3), fmt(ratio('paced', (r) => r.p50), 3), `**${fmt(ratio('paced', (r) => r.p99), 3)}**`],
    ],
  );
  saveReport(
    'events-redis',
    `Redis Streams, ${envelopeBytes}-byte envelopes, ${ROUNDS} rounds: throughput over ${MESSAGES} messages in windows of ${WINDOW}, latency over ${PACED} messages one at a time; medians of rounds\n\n${table}`,
  );
} finally {
  client.disconnect();
  await server.stop();
}
