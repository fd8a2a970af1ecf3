import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createModule } from '@webstir-io/module-contract';
import {
  consumes,
  defineEvent,
  emits,
  InMemoryEventBus,
  type EventEnvelope,
  type EventEnvelopeOf,
  type LatestVersion,
} from '@webstir-io/module-contract/events';
import { createRedisStreamsBus } from '@webstir-io/module-contract/events/redis';
import { coachReflect } from '../examples/events/contracts.js';

type V1 = { userId: string; tradeId: string; note: string };
type V2 = { userId: string; trade: { id: string; symbol?: string | undefined }; text: string; biasTags: ('fomo' | 'revenge' | 'overconfidence' | 'loss-aversion')[] };

describe('defineEvent types', () => {
  it('infers versions, the latest version and the payloads with no generics', () => {
    expectTypeOf(coachReflect.type).toEqualTypeOf<'coach.reflect'>();
    expectTypeOf(coachReflect.latest).toEqualTypeOf<2>();
    expectTypeOf<LatestVersion<{ 1: z.ZodString; 2: z.ZodString; 3: z.ZodString }>>().toEqualTypeOf<3>();
    expectTypeOf(coachReflect.create(1, { userId: 'u', tradeId: 't', note: 'n' })).toEqualTypeOf<EventEnvelope<'coach.reflect', 1, V1>>();
  });

  it('narrows a parsed envelope by v', () => {
    const envelope = coachReflect.parse({});
    expectTypeOf(envelope).toEqualTypeOf<EventEnvelope<'coach.reflect', 1, V1> | EventEnvelope<'coach.reflect', 2, V2>>();
    if (envelope.v === 1) expectTypeOf(envelope.payload).toEqualTypeOf<V1>();
    else expectTypeOf(envelope.payload).toEqualTypeOf<V2>();
    // @ts-expect-error - `note` exists only in v1; without narrowing by v it is not there
    envelope.payload.note;
  });

  it('types create by the version given', () => {
    coachReflect.create(2, { userId: 'u', trade: { id: 't' }, text: 'x', biasTags: [] });
    // @ts-expect-error - a v1 payload is not a v2 payload
    coachReflect.create(2, { userId: 'u', tradeId: 't', note: 'n' });
    // @ts-expect-error - there is no version 3
    coachReflect.create(3, {});
  });

  it('returns the latest shape from accept and takes the latest payload in dualEmit', () => {
    expectTypeOf(coachReflect.accept({})).toEqualTypeOf<EventEnvelope<'coach.reflect', 2, V2>>();
    expectTypeOf(coachReflect.dualEmit).parameter(0).toEqualTypeOf<{ userId: string; trade: { id: string; symbol?: string | undefined }; text: string; biasTags: ('fomo' | 'revenge' | 'overconfidence' | 'loss-aversion')[] }>();
    // @ts-expect-error - accept takes versions of the event only
    coachReflect.accept({}, { versions: [3] });
  });

  it('types downgrade and upgrade from the neighbouring versions', () => {
    defineEvent({
      type: 'x',
      versions: { 1: z.object({ a: z.string() }), 2: z.object({ b: z.number() }) },
      downgrade: {
        2: (p) => {
          expectTypeOf(p).toEqualTypeOf<{ b: number }>();
          return { a: String(p.b) };
        },
      },
      upgrade: { 1: (p) => ({ b: p.a.length }) },
      grace: [1, 2],
    });
    defineEvent({
      type: 'x',
      versions: { 1: z.object({ a: z.string() }), 2: z.object({ b: z.number() }) },
      // @ts-expect-error - downgrade[2] must return a v1 payload
      downgrade: { 2: (p) => ({ b: p.b }) },
    });
    defineEvent({
      type: 'x',
      versions: { 1: z.object({ a: z.string() }) },
      // @ts-expect-error - version 2 does not exist, so it cannot be in the grace window
      grace: [2],
    });
  });
});

describe('bus and module types', () => {
  it('narrows the handler envelope to the versions subscribed', () => {
    const bus = new InMemoryEventBus();
    void bus.subscribe(
      coachReflect,
      (envelope) => {
        expectTypeOf(envelope).toEqualTypeOf<EventEnvelope<'coach.reflect', 2, V2>>();
      },
      { group: 'new', versions: [2] },
    );
    void bus.subscribe(
      coachReflect,
      (envelope) => {
        expectTypeOf(envelope).toEqualTypeOf<EventEnvelopeOf<'coach.reflect', typeof coachReflect.versions>>();
      },
      { group: 'all' },
    );
    // @ts-expect-error - version 3 is not a version of the event
    void bus.subscribe(coachReflect, () => undefined, { group: 'g', versions: [3] });
    // @ts-expect-error - a hand-made envelope must match one of the event's versions
    void bus.publish(coachReflect, { id: 'x', type: 'coach.reflect', v: 2, occurredAt: '', payload: { note: 'n' } });
  });

  it('takes emits/consumes in createModule, and the Redis bus is an EventBus', () => {
    createModule({ manifest: { name: 'm', version: '1.0.0', kind: 'backend' }, events: [emits(coachReflect), consumes(coachReflect, { versions: [2] })] });
    // @ts-expect-error - version 3 is not a version of the event
    consumes(coachReflect, { versions: [3] });
    expectTypeOf(createRedisStreamsBus).returns.toHaveProperty('publish');
  });
});
