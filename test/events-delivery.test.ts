import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@webstir-io/module-contract';
import { decide } from '@webstir-io/module-contract/events';
import { coachReflect } from '../examples/events/contracts.js';
import { assertProperty } from './fixtures/seed.js';

const valid = coachReflect.create(2, { userId: 'u', trade: { id: 't' }, text: 'x', biasTags: [] });

describe('decide (what a consumer does with one message)', () => {
  it('delivers a valid envelope of a taken version, skips other types and versions, refuses the rest', () => {
    expect(decide(coachReflect, JSON.stringify(valid), [2])).toEqual({ action: 'deliver', envelope: valid });
    expect(decide(coachReflect, JSON.stringify({ ...valid, type: 'digest.ready' }), [2])).toMatchObject({ action: 'skip' });
    expect(decide(coachReflect, JSON.stringify({ ...valid, v: 1 }), [2])).toMatchObject({ action: 'skip' });
    expect(decide(coachReflect, JSON.stringify({ ...valid, v: 9 }), [1, 2])).toMatchObject({ action: 'skip' });
    expect(decide(coachReflect, JSON.stringify({ ...valid, v: '2' }), [2])).toMatchObject({ action: 'refuse' });
    expect(decide(coachReflect, undefined, [2])).toMatchObject({ action: 'refuse' });
  });

  it('never throws, and hands over only envelopes that parse, whatever arrives', () => {
    const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const envelopeLike = fc.record(
      {
        id: field(fc.oneof(fc.string(), fc.integer())),
        type: field(fc.constantFrom('coach.reflect', 'digest.ready', '', 7)),
        v: field(fc.oneof(fc.constantFrom(1, 2, 3, 0, -1, 1.5), fc.string())),
        occurredAt: field(fc.oneof(fc.constant(valid.occurredAt), fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()))),
        payload: field(fc.oneof(fc.constant(valid.payload), fc.anything(), fc.record({ userId: fc.string(), trade: fc.record({ id: fc.string() }), text: fc.string(), biasTags: fc.array(fc.string()) }))),
      },
      { requiredKeys: [] },
    );
    const text = fc.oneof(envelopeLike.map((e) => JSON.stringify(e)), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string());
    assertProperty(
      fc.property(text, fc.subarray([1, 2], { minLength: 1 }), (message, versions) => {
        const decision = decide(coachReflect, message, versions);
        if (decision.action === 'deliver') {
          expect(versions).toContain(decision.envelope.v);
          expect(coachReflect.parse(JSON.parse(message))).toEqual(decision.envelope);
        }
        if (decision.action === 'refuse') expect(decision.error).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 500 },
    );
  });
});
