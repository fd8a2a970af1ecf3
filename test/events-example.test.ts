import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventBus, type EventEnvelope } from '@webstir-io/module-contract/events';
import { runExample } from '../examples/events/run.js';
import { redisBus, waitFor } from './fixtures/event-buses.js';
import { redisMissing, startRedisServer, type RedisServer } from './fixtures/redis-server.js';

const PYTHON = process.env.PYTHON ?? 'python3';
const pythonMissing =
  process.env.CI !== 'true' && spawnSync(PYTHON, ['-c', 'import redis, jsonschema, pydantic'], { encoding: 'utf8' }).status !== 0
    ? 'Python with redis, jsonschema and pydantic not found: "pip install redis jsonschema pydantic" (CI does) to run the Python consumer'
    : false;
if (pythonMissing) console.warn(`[python consumer skipped] ${pythonMissing}`);

const TRADES = 6;
const ids = (list: EventEnvelope[]) => list.map((e) => e.id);
const sorted = (list: string[]) => [...list].sort();

/** What each consumer must get: the old one every v1 reflection, the new ones everything but v1 reflections. */
function expected(sent: EventEnvelope[]) {
  const isV1Reflection = (e: EventEnvelope) => e.type === 'coach.reflect' && e.v === 1;
  return { old: ids(sent.filter(isV1Reflection)), current: ids(sent.filter((e) => !isV1Reflection(e))) };
}

describe('examples/events on the in-memory bus', () => {
  it('serves the old consumer v1 and the new one v2, each event once', async () => {
    const bus = new InMemoryEventBus();
    const { sent, old, current } = await runExample(bus, { trades: TRADES });
    expect(sent).toHaveLength(TRADES * 3 + 1);
    const want = expected(sent);
    expect(ids(old)).toEqual(want.old);
    expect(sorted(ids(current))).toEqual(sorted(want.current));
    expect(old.every((e) => e.v === 1)).toBe(true);
    expect(await bus.deadLetters('events:coach.reflect')).toEqual([]);
  });
});

describe.skipIf(redisMissing || pythonMissing)('grace window end to end on Redis Streams, with a Python consumer', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('gives every consumer each of its events exactly once after acknowledgement, and none unvalidated', async () => {
    const t = redisBus(server.url, { claimIdleMs: 1000 });
    const python = spawn(PYTHON, [join(import.meta.dirname, '..', 'examples', 'events', 'python', 'consumer.py'), '--redis-url', server.url, '--expect', String(TRADES * 2 + 1), '--timeout', '60'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    python.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    python.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => python.on('exit', (code) => resolve(code)));
    await waitFor(() => out.includes('"ready"'), 'the Python consumer to create its groups', 30_000);

    // Malformed envelopes ahead of the real ones, a v1 and a v2: every consumer that takes the version
    // must refuse it, and none may handle it.
    for (const v of [1, 2]) {
      await t.appendRaw('events:coach.reflect', { envelope: JSON.stringify({ id: `malformed-v${v}`, type: 'coach.reflect', v, occurredAt: 'not a time', payload: {} }) });
    }

    const { sent, old, current } = await runExample(t.bus, { trades: TRADES });
    expect(await exited, err).toBe(0);
    const fromPython = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: string; type?: string; v?: number; ready?: boolean })
      .filter((line) => !line.ready);

    const want = expected(sent);
    expect(ids(old)).toEqual(want.old);
    expect(sorted(ids(current))).toEqual(sorted(want.current));
    expect(sorted(fromPython.map((e) => e.id as string))).toEqual(sorted(want.current));
    expect(fromPython.filter((e) => e.type === 'coach.reflect').every((e) => e.v === 2)).toBe(true);
    for (const list of [ids(old), ids(current), fromPython.map((e) => e.id)]) expect(new Set(list).size).toBe(list.length);

    // Acknowledged: nothing left pending in any group on any stream.
    let checked = 0;
    for (const stream of ['events:import.progress', 'events:coach.reflect', 'events:digest.ready']) {
      for (const group of ['notifier', 'insights', 'python']) {
        const exists = ((await t.client.xinfo('GROUPS', stream)) as unknown[][]).some((g) => g[1] === group);
        if (!exists) continue;
        checked++;
        expect([stream, group, Number(((await t.client.xpending(stream, group)) as [number])[0])]).toEqual([stream, group, 0]);
      }
    }
    expect(checked).toBe(7); // notifier on coach.reflect; insights and python on all three
    // Each malformed envelope went to the dead-letter stream once per group that takes its version, with the reason.
    const dead = await t.bus.deadLetters('events:coach.reflect');
    expect(dead.map((d) => `${d.group}: ${JSON.parse(d.envelope).id}`).sort()).toEqual(['insights: malformed-v2', 'notifier: malformed-v1', 'python: malformed-v2']);
    for (const letter of dead) expect(letter.reason).toMatch(/^ValidationError: .*occurredAt/);
    await t.close();
  });
});
