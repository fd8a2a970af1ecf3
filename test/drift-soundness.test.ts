// No false negatives, checked with a real validator: for random schemas and a random one-spot
// mutation (looser, tighter or changed), Ajv looks for a witness value. A value the old schema
// accepts and the new one rejects must make diffSchemas report a breaking change or a warning as a
// request; a value only the new one accepts, as a response.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSchemas, type SchemaChange } from '@webstir-io/module-contract/drift';
import { looseners, richTree, sampleOf, tighteners, type Node } from './fixtures/drift-arbitraries.js';
import { assertProperty } from './fixtures/seed.js';

const ajv = new Ajv2020({ strict: false, validateFormats: false });
const flags = (changes: SchemaChange[]) => changes.some((c) => c.severity === 'breaking' || c.severity === 'warning');

// Through JSON, as schemas and payloads travel: no undefined keys, no null-prototype objects.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const pair = richTree.chain((schema) => {
  const before: Node = plain({ type: 'object', properties: { root: schema }, required: ['root'] });
  return fc.tuple(fc.boolean(), fc.nat()).chain(([loosen, pick]) => {
    const after = structuredClone(before);
    const mutations = loosen ? looseners(after) : tighteners(after);
    if (mutations.length) (mutations[pick % mutations.length] as () => void)();
    const samples = (s: Node) => fc.array(sampleOf((s.properties as Record<string, Node>).root as Node).map((root) => ({ root })), { minLength: 30, maxLength: 30 }).map(plain);
    return fc.tuple(fc.constant(before), fc.constant(after), samples(before), samples(after));
  });
});

describe('soundness against Ajv', () => {
  it('every witness Ajv finds is reported', () => {
    let witnesses = 0;
    assertProperty(
      fc.property(pair, ([before, after, fromBefore, fromAfter]) => {
        const accepts = { before: ajv.compile(before), after: ajv.compile(after) };
        const values = [...fromBefore, ...fromAfter];
        const narrowing = values.find((v) => accepts.before(v) && !accepts.after(v));
        const widening = values.find((v) => accepts.after(v) && !accepts.before(v));
        if (narrowing !== undefined) {
          witnesses++;
          const { changes } = diffSchemas(before, after, { direction: 'request' });
          expect(flags(changes), `request: ${JSON.stringify({ narrowing, before, after, changes })}`).toBe(true);
        }
        if (widening !== undefined) {
          witnesses++;
          const { changes } = diffSchemas(before, after, { direction: 'response' });
          expect(flags(changes), `response: ${JSON.stringify({ widening, before, after, changes })}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must actually find witnesses, or the property says nothing.
    expect(witnesses).toBeGreaterThan(150);
  });
});
