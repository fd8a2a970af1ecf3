import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@webstir-io/module-contract';
import { z } from 'zod';
import { defineEvent, type DeliveryFailure, type EventEnvelope } from '@webstir-io/module-contract/events';
import { coachReflect, digestReady } from '../examples/events/contracts.js';
import { coachReflectV1Only } from '../examples/events/contracts-v1.js';
import { inMemoryBus, redisBus, waitFor, type BusUnderTest } from './fixtures/event-buses.js';
import { redisMissing, startRedisServer, type RedisServer } from './fixtures/redis-server.js';

const reflection = (n: number) => ({ userId: `u${n}`, trade: { id: `t${n}` }, text: `note ${n}`, biasTags: [] });

/** The same rules, checked on every transport. */
function busBehaviour(make: () => Promise<BusUnderTest> | BusUnderTest) {
  let t: BusUnderTest;
  let run = 0;
  beforeAll(async () => {
    t = await make();
  });
  afterAll(() => t.close());
  // A stream of its own per test, so tests never see each other's messages.
  const streamFor = () => `test:${Date.now()}:${run++}`;

  it('delivers every message once to each group, validated, and splits a group between its consumers', async () => {
    const s = streamFor();
    const seen: Record<string, string[]> = { a1: [], a2: [], b: [] };
    const subs = [
      await t.bus.subscribe(coachReflect, (e) => void seen.a1!.push(e.id), { group: 'a', consumer: 'a1', stream: s, versions: [2] }),
      await t.bus.subscribe(coachReflect, (e) => void seen.a2!.push(e.id), { group: 'a', consumer: 'a2', stream: s, versions: [2] }),
      await t.bus.subscribe(coachReflect, (e) => void seen.b!.push(e.id), { group: 'b', stream: s, versions: [2] }),
    ];
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const envelope = coachReflect.create(2, reflection(i));
      ids.push(envelope.id);
      await t.bus.publish(coachReflect, envelope, { stream: s });
    }
    await waitFor(() => seen.a1!.length + seen.a2!.length === 20 && seen.b!.length === 20, 'both groups to get 20 messages');
    expect([...seen.a1!, ...seen.a2!].sort()).toEqual([...ids].sort());
    expect(seen.b).toEqual(ids);
    await Promise.all(subs.map((sub) => sub.close()));
  });

  it('gives each consumer the versions it takes and skips the rest, as old and new consumers in a grace window', async () => {
    const s = streamFor();
    const old: EventEnvelope[] = [];
    const current: EventEnvelope[] = [];
    const subs = [
      await t.bus.subscribe(coachReflectV1Only, (e) => void old.push(e), { group: 'old', stream: s }),
      await t.bus.subscribe(coachReflect, (e) => void current.push(e), { group: 'new', stream: s, versions: [2] }),
    ];
    const sent = coachReflect.dualEmit(reflection(1));
    await t.bus.publish(coachReflect, sent, { stream: s });
    await t.bus.publish(digestReady, digestReady.create(1, { userId: 'u', weekOf: '2026-01-26', url: 'https://example.com/d' }), { stream: s });
    await waitFor(() => old.length === 1 && current.length === 1, 'one delivery to each consumer');
    expect(old.map((e) => [e.v, e.payload])).toEqual([[1, { userId: 'u1', tradeId: 't1', note: 'note 1' }]]);
    expect(current.map((e) => [e.v, e.payload])).toEqual([[2, reflection(1)]]);
    expect(old[0]?.correlationId).toBe(current[0]?.correlationId);
    await Promise.all(subs.map((sub) => sub.close()));
    expect(await t.bus.deadLetters(s)).toEqual([]);
  });

  it('refuses to publish an envelope its event does not accept', async () => {
    const s = streamFor();
    const bad = { ...coachReflect.create(2, reflection(1)), v: 7 } as never;
    await expect(t.bus.publish(coachReflect, [coachReflect.create(2, reflection(2)), bad], { stream: s })).rejects.toThrow(ValidationError);
    const seen: string[] = [];
    const sub = await t.bus.subscribe(coachReflect, (e) => void seen.push(e.id), { group: 'g', stream: s });
    const marker = coachReflect.create(2, reflection(3));
    await t.bus.publish(coachReflect, marker, { stream: s });
    await waitFor(() => seen.length > 0, 'the marker');
    // Nothing of the refused batch reached the stream.
    expect(seen).toEqual([marker.id]);
    await sub.close();
  });

  it('publishes a payload with a transform in its wire form, and the consumer gets the parsed value', async () => {
    const s = streamFor();
    const stamped = defineEvent({ type: 'test.stamped', versions: { 1: z.object({ at: z.string().datetime().transform((text) => new Date(text)) }) } });
    const received: unknown[] = [];
    const sub = await t.bus.subscribe(stamped, (e) => void received.push(e.payload.at), { group: 'g', stream: s });
    await t.bus.publish(stamped, stamped.create(1, { at: '2026-01-02T03:04:05.000Z' }), { stream: s });
    await waitFor(() => received.length > 0, 'the stamped event');
    expect(received).toEqual([new Date('2026-01-02T03:04:05.000Z')]);
    await sub.close();
  });

  it('refuses a malformed envelope with a ValidationError: it never reaches the handler and is dead-lettered with the reason', async () => {
    const s = streamFor();
    const handled: string[] = [];
    const failures: [unknown, DeliveryFailure][] = [];
    const sub = await t.bus.subscribe(coachReflect, (e) => void handled.push(e.id), { group: 'g', stream: s, onError: (error, failure) => failures.push([error, failure]) });
    const good = coachReflect.create(2, reflection(1));
    await t.appendRaw(s, { envelope: JSON.stringify({ ...good, id: 'bad-time', occurredAt: 'not a time' }) });
    await t.appendRaw(s, { envelope: JSON.stringify({ ...good, id: 'bad-payload', payload: { userId: 'u' } }) });
    await t.appendRaw(s, { envelope: '{not json' });
    await t.appendRaw(s, { other: 'field' });
    await t.bus.publish(coachReflect, good, { stream: s });
    await waitFor(() => handled.length === 1 && failures.length === 4, 'four refusals and one delivery');
    expect(handled).toEqual([good.id]);
    expect(failures.every(([error]) => error instanceof ValidationError)).toBe(true);
    expect(failures.map(([, f]) => [f.attempt, f.deadLettered])).toEqual(Array(4).fill([1, true]));
    const dead = await t.bus.deadLetters(s);
    expect(dead.map((d) => [d.group, d.attempts, d.reason])).toEqual([
      ['g', 1, 'ValidationError: [events] invalid event envelope: envelope.occurredAt: Invalid datetime'],
      ['g', 1, 'ValidationError: [events] coach.reflect v2: invalid payload: payload.trade: Required; payload.text: Required; payload.biasTags: Required'],
      ['g', 1, 'ValidationError: [events] message is not JSON'],
      ['g', 1, 'ValidationError: [events] message has no "envelope" field'],
    ]);
    expect(JSON.parse(dead[0]!.envelope).id).toBe('bad-time');
    await sub.close();
  });

  it('retries a failing handler, then dead-letters the poison message with its reason, without holding up the rest', async () => {
    const s = streamFor();
    const attempts: number[] = [];
    const handled: string[] = [];
    const poison = coachReflect.create(2, { ...reflection(1), text: 'poison' });
    const after = coachReflect.create(2, reflection(2));
    const sub = await t.bus.subscribe(
      coachReflect,
      (e, context) => {
        if (e.v === 2 && e.payload.text === 'poison') {
          attempts.push(context.attempt);
          throw new Error('cannot store reflection');
        }
        handled.push(e.id);
      },
      { group: 'g', stream: s, maxAttempts: 3 },
    );
    await t.bus.publish(coachReflect, [poison, after], { stream: s });
    await waitFor(async () => (await t.bus.deadLetters(s)).length === 1, 'the dead letter');
    expect(attempts).toEqual([1, 2, 3]);
    expect(handled).toEqual([after.id]);
    const [dead] = await t.bus.deadLetters(s);
    expect(dead).toMatchObject({ group: 'g', attempts: 3, reason: 'Error: cannot store reflection' });
    expect(JSON.parse(dead!.envelope)).toEqual(poison);
    await sub.close();
  });
}

describe('InMemoryEventBus', () => {
  busBehaviour(inMemoryBus);
});

describe.skipIf(redisMissing)('RedisStreamsBus on redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  describe('on RESP3 (ioredis default)', () => busBehaviour(() => redisBus(server.url)));
  // Replies to XREADGROUP are shaped differently on RESP2; the adapter reads both.
  describe('on RESP2', () => busBehaviour(() => redisBus(server.url, {}, 2)));
});
