import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '@webstir-io/module-contract';
import { defineEvent, eventEnvelopeSchema, isEventContract, isEventEnvelope } from '@webstir-io/module-contract/events';
import { coachReflect, CoachReflectV2 } from '../examples/events/contracts.js';
import { assertProperty } from './fixtures/seed.js';

const v2Payload = { userId: 'u1', trade: { id: 't1', symbol: 'AAPL' }, text: 'sold too early', biasTags: ['loss-aversion' as const] };

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('eventEnvelopeSchema', () => {
  const base = { id: 'e1', type: 'coach.reflect', v: 1, occurredAt: '2026-01-31T09:30:00.000Z', payload: {} };

  it('takes the envelope fields, any payload, and drops unknown fields', () => {
    expect(eventEnvelopeSchema.parse({ ...base, source: 'coach', correlationId: 'c1', extra: 1 })).toEqual({ ...base, source: 'coach', correlationId: 'c1' });
    expect(isEventEnvelope({ ...base, payload: null })).toBe(true);
  });

  it.each([
    ['a zero version', { ...base, v: 0 }, 'v'],
    ['a fractional version', { ...base, v: 1.5 }, 'v'],
    ['a timestamp that is not ISO', { ...base, occurredAt: '31/01/2026' }, 'occurredAt'],
    ['a missing payload', { ...base, payload: undefined }, 'payload'],
    ['an empty id', { ...base, id: '' }, 'id'],
  ])('refuses %s', (_, value, field) => {
    const result = eventEnvelopeSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });
});

describe('defineEvent', () => {
  it('creates a validated envelope with an id and a timestamp', () => {
    const envelope = coachReflect.create(2, v2Payload, { source: 'coach', correlationId: 'c-1' });
    expect(envelope).toMatchObject({ type: 'coach.reflect', v: 2, source: 'coach', correlationId: 'c-1', payload: v2Payload });
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(envelope.occurredAt))).toBe(false);
    expect(coachReflect.create(1, { userId: 'u', tradeId: 't', note: 'n' }, { id: 'fixed', occurredAt: new Date(0) })).toEqual({
      id: 'fixed',
      type: 'coach.reflect',
      v: 1,
      occurredAt: '1970-01-01T00:00:00.000Z',
      payload: { userId: 'u', tradeId: 't', note: 'n' },
    });
  });

  it('refuses a payload that does not match its version, listing every issue', () => {
    const error = thrown(() => coachReflect.create(2, { userId: 'u1', text: 1 } as never));
    expect(error.message).toMatch(/^\[events\] coach\.reflect v2: invalid payload: /);
    expect(error.details).toEqual([
      { part: 'payload', path: ['trade'], message: 'Required', code: 'invalid_type' },
      { part: 'payload', path: ['text'], message: 'Expected string, received number', code: 'invalid_type' },
      { part: 'payload', path: ['biasTags'], message: 'Required', code: 'invalid_type' },
    ]);
  });

  it('parses an envelope and the payload of its version', () => {
    const wire = JSON.parse(JSON.stringify(coachReflect.create(1, { userId: 'u', tradeId: 't', note: 'n' })));
    const parsed = coachReflect.parse(wire);
    expect(parsed.v).toBe(1);
    if (parsed.v === 1) expect(parsed.payload.tradeId).toBe('t');
  });

  it.each([
    ['an unknown version', { v: 3 }, [{ part: 'envelope', path: ['v'], message: 'unknown version 3 of coach.reflect (known: 1, 2)' }]],
    ['another type', { type: 'digest.ready' }, [{ part: 'envelope', path: ['type'], message: 'expected "coach.reflect", got "digest.ready"' }]],
    ['a bad timestamp', { occurredAt: 'yesterday' }, [{ part: 'envelope', path: ['occurredAt'], message: 'Invalid datetime', code: 'invalid_string' }]],
    ['a missing payload', { payload: undefined }, [{ part: 'envelope', path: ['payload'], message: 'Required', code: 'invalid_union' }]],
    ['a payload of the wrong version', { v: 1 }, [
      { part: 'payload', path: ['tradeId'], message: 'Required', code: 'invalid_type' },
      { part: 'payload', path: ['note'], message: 'Required', code: 'invalid_type' },
      { part: 'payload', path: [], message: "Unrecognized key(s) in object: 'trade', 'text', 'biasTags'", code: 'unrecognized_keys' },
    ]],
  ])('refuses %s with a ValidationError', (_, change, details) => {
    const envelope = { ...coachReflect.create(2, v2Payload), ...change };
    const error = thrown(() => coachReflect.parse(envelope));
    expect(error.code).toBe('validation');
    expect(error.details).toEqual(details);
  });

  it('dual-emits one envelope per version in the grace window, sharing correlationId and occurredAt', () => {
    const [v1, v2, ...rest] = coachReflect.dualEmit(v2Payload, { source: 'coach' });
    expect(rest).toEqual([]);
    expect(v1?.v).toBe(1);
    expect(v2?.v).toBe(2);
    expect(v1?.payload).toEqual({ userId: 'u1', tradeId: 't1', note: 'sold too early' });
    expect(v2?.payload).toEqual(v2Payload);
    expect(v1?.correlationId).toBeDefined();
    expect(v1?.correlationId).toBe(v2?.correlationId);
    expect(v1?.occurredAt).toBe(v2?.occurredAt);
    expect(v1?.id).not.toBe(v2?.id);
    expect(v1?.source).toBe('coach');
  });

  it('checks the envelope fields a producer sets', () => {
    expect(thrown(() => coachReflect.dualEmit(v2Payload, { occurredAt: 'today' })).details).toEqual([
      { part: 'envelope', path: ['occurredAt'], message: 'Invalid datetime', code: 'invalid_string' },
    ]);
    expect(thrown(() => coachReflect.create(2, v2Payload, { id: '' })).details).toEqual([{ part: 'envelope', path: ['id'], message: 'String must contain at least 1 character(s)', code: 'too_small' }]);
  });

  it('emits the latest version only when no grace window is named', () => {
    const event = defineEvent({ type: 'a.b', versions: { 1: z.object({ a: z.string() }), 2: z.object({ b: z.string() }) }, downgrade: { 2: (p) => ({ a: p.b }) } });
    expect(event.grace).toEqual([2]);
    expect(event.dualEmit({ b: 'x' }).map((e) => e.v)).toEqual([2]);
  });

  it('accepts an older version in the latest shape, through upgrade', () => {
    const v1 = coachReflect.create(1, { userId: 'u', tradeId: 't', note: 'n' });
    expect(coachReflect.accept(v1)).toEqual({ ...v1, v: 2, payload: { userId: 'u', trade: { id: 't' }, text: 'n', biasTags: [] } });
    const v2 = coachReflect.create(2, v2Payload);
    expect(coachReflect.accept(v2, { versions: [2] })).toEqual(v2);
    expect(thrown(() => coachReflect.accept(v1, { versions: [2] })).details).toEqual([
      { part: 'envelope', path: ['v'], message: 'version 1 of coach.reflect is not accepted here (accepts: 2)' },
    ]);
  });

  it('checks what upgrade and downgrade return against the target version', () => {
    const event = defineEvent({
      type: 'bad.convert',
      versions: { 1: z.object({ a: z.string() }), 2: z.object({ b: z.string() }) },
      downgrade: { 2: () => ({ a: 1 }) as never },
      upgrade: { 1: () => ({}) as never },
      grace: [1, 2],
    });
    expect(thrown(() => event.dualEmit({ b: 'x' })).message).toMatch(/bad\.convert v1: downgrade\[2\] returned an invalid payload: payload\.a: Expected string/);
    expect(thrown(() => event.accept(event.create(1, { a: 'x' }))).message).toMatch(/bad\.convert v2: upgrade\[1\] returned an invalid payload: payload\.b: Required/);
  });

  it('reports every problem of a definition in one error', () => {
    const error = thrown(() =>
      defineEvent({
        type: 'has space',
        versions: { 1: z.string(), 3: z.string(), 0: z.string(), 4: 'nope' as never },
        downgrade: { 1: (p: string) => p } as never,
        grace: [1, 5] as never,
      }),
    );
    expect(error.message.split('\n')).toEqual([
      '[events] has space: 7 problems',
      '  - type: must be a non-empty name of letters, digits, ".", "_", ":" or "-", such as "coach.reflect"',
      '  - versions.0: version must be a positive integer',
      '  - versions.4: is not a Zod schema',
      '  - versions: versions must be consecutive: 2 is missing between 1 and 3',
      '  - downgrade.1: turns version 1 into 0, which is not a version of the event',
      '  - grace: version 1 is emitted, so downgrade[3] (3 → 2) is required',
      '  - grace: version 5 is not a version of the event',
    ]);
    expect(error.message).not.toMatch(/downgrade\[2\]/);
  });

  it('is recognised structurally', () => {
    expect(isEventContract(coachReflect)).toBe(true);
    expect(isEventContract({ kind: 'event', type: 'x' })).toBe(false);
  });

  it('round-trips any valid v2 payload through JSON, and v1 readers see its downgrade', () => {
    const payload = fc.record({
      userId: fc.string({ minLength: 1 }),
      trade: fc.record({ id: fc.string({ minLength: 1 }), symbol: fc.option(fc.string({ minLength: 1 }), { nil: undefined }) }, { requiredKeys: ['id'] }),
      text: fc.string(),
      biasTags: fc.array(fc.constantFrom('fomo' as const, 'revenge' as const, 'overconfidence' as const, 'loss-aversion' as const)),
    });
    assertProperty(
      fc.property(payload, (p) => {
        const sent = coachReflect.dualEmit(p);
        const received = sent.map((e) => coachReflect.parse(JSON.parse(JSON.stringify(e))));
        expect(received).toEqual(sent.map((e) => JSON.parse(JSON.stringify(e))));
        const latest = received.find((e) => e.v === 2);
        expect(latest?.payload).toEqual(CoachReflectV2.parse(JSON.parse(JSON.stringify(p))));
        const fromV1 = coachReflect.accept(received.find((e) => e.v === 1));
        expect(fromV1.payload).toEqual({ userId: p.userId, trade: { id: p.trade.id }, text: p.text, biasTags: [] });
      }),
      { numRuns: 100 },
    );
  });
});
