import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryContext, EventEnvelope } from '@webstir-io/module-contract/events';
import { coachReflect } from '../examples/events/contracts.js';
import { redisBus, waitFor } from './fixtures/event-buses.js';
import { redisMissing, startRedisServer, type RedisServer } from './fixtures/redis-server.js';

const reflection = (n: number) => ({ userId: `u${n}`, trade: { id: `t${n}` }, text: `note ${n}`, biasTags: [] });

describe.skipIf(redisMissing)('Redis Streams failures', () => {
  let server: RedisServer;
  beforeAll(async () => {
    // appendfsync always: whatever Redis acknowledged is on disk, so a SIGKILL loses none of it.
    server = await startRedisServer({ durable: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('loses nothing when the broker is killed and restarted in the middle of a stream', async () => {
    const producer = redisBus(server.url);
    const consumer = redisBus(server.url);
    const stream = 'restart:reflect';
    const handled = new Map<string, number>();
    // The tenth message holds its handler until the broker is back, so the kill lands mid-stream, with a
    // message in the middle of being handled and others not yet read.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sub = await consumer.bus.subscribe(
      coachReflect,
      async (e) => {
        if (handled.size === 9 && !handled.has(e.id)) await gate;
        handled.set(e.id, (handled.get(e.id) ?? 0) + 1);
      },
      { group: 'g', consumer: 'c1', stream },
    );
    const sent: string[] = [];
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const envelope = coachReflect.create(2, reflection(i));
        await producer.bus.publish(coachReflect, envelope, { stream });
        sent.push(envelope.id);
      }
    };
    await publish(0, 30);
    await waitFor(() => handled.size === 9, 'the consumer to be part-way through');
    const handledAtKill = handled.size;
    await server.kill();
    // Published while the broker is down: ioredis queues the commands until it reconnects.
    const during = publish(30, 45);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.restart();
    await during;
    release();
    await publish(45, 60);
    await waitFor(() => sent.every((id) => handled.has(id)), 'every published envelope to be handled', 20_000);
    expect(sent).toHaveLength(60);
    expect(handledAtKill).toBe(9);
    expect([...handled.keys()].sort()).toEqual([...sent].sort());
    // At least once: a message handled just before the kill may come again, never more than twice here.
    expect(Math.max(...handled.values())).toBeLessThanOrEqual(2);
    await waitFor(async () => Number(((await consumer.client.xpending(stream, 'g')) as [number])[0]) === 0, 'every message to be acknowledged');
    expect(await consumer.bus.deadLetters(stream)).toEqual([]);
    await sub.close();
    await producer.close();
    await consumer.close();
  });

  it('redelivers to another consumer of the group a message whose consumer crashed before acknowledging', async () => {
    const stream = 'crash:reflect';
    const t = redisBus(server.url, { claimIdleMs: 300 });
    const child = spawn(
      process.execPath,
      ['--conditions=@webstir-io/source', '--import', 'tsx', join(import.meta.dirname, 'fixtures', 'events-crash-consumer.ts'), server.url, stream, 'g', 'doomed'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => output.includes('subscribed'), 'the crashing consumer to subscribe', 20_000);
    const envelope = coachReflect.create(2, reflection(1));
    await t.bus.publish(coachReflect, envelope, { stream });
    expect(await exited).toBe(1);
    expect(output).toContain(`received ${envelope.id}`);
    // The message is pending on the dead consumer.
    const pending = (await t.client.xpending(stream, 'g', '-', '+', 10)) as [string, string, number, number][];
    expect(pending.map(([, owner, , count]) => [owner, count])).toEqual([['doomed', 1]]);

    const received: [EventEnvelope, DeliveryContext][] = [];
    const sub = await t.bus.subscribe(coachReflect, (e, context) => void received.push([e, context]), { group: 'g', consumer: 'survivor', stream });
    await waitFor(() => received.length === 1, 'the redelivery');
    expect(received[0]![0]).toEqual(envelope);
    expect(received[0]![1].attempt).toBe(2);
    await waitFor(async () => ((await t.client.xpending(stream, 'g', '-', '+', 10)) as unknown[]).length === 0, 'the acknowledgement');
    await sub.close();
    await t.close();
  });
});
