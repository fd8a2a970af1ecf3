import { describe, expect, it } from 'vitest';
import { createSchemaStore, diffSchemas, SCHEMA_RULES, type SchemaChange, type SchemaNode } from '@webstir-io/module-contract/drift';
import { DRIFT_CASES, type DriftCase, type Verdict } from './fixtures/drift-corpus.js';

const RANK: Record<Verdict, number> = { none: -1, info: 0, warning: 1, breaking: 2 };
const worst = (changes: SchemaChange[]): Verdict => changes.reduce<Verdict>((w, c) => (RANK[c.severity] > RANK[w] ? c.severity : w), 'none');

function run(test: DriftCase, direction: 'request' | 'response' | 'both') {
  const resolvers = test.files ? { before: createSchemaStore(test.files.before), after: createSchemaStore(test.files.after) } : undefined;
  return diffSchemas(test.before, test.after, { direction, ...(resolvers ? { resolvers } : {}) });
}

describe('diffSchemas corpus', () => {
  it('has at least 60 cases and covers every schema rule', () => {
    expect(DRIFT_CASES.length).toBeGreaterThanOrEqual(60);
    const covered = new Set(DRIFT_CASES.map((t) => t.rule));
    const untested = Object.keys(SCHEMA_RULES).filter((rule) => !covered.has(rule));
    expect(untested).toEqual([]);
  });

  for (const test of DRIFT_CASES) {
    it(test.name, () => {
      const both: Verdict = RANK[test.request] >= RANK[test.response] ? test.request : test.response;
      for (const [direction, expected] of [['request', test.request], ['response', test.response], ['both', both]] as const) {
        const diff = run(test, direction);
        const got = { direction, verdict: worst(diff.changes), breaking: diff.breaking };
        expect(got, JSON.stringify(diff.changes, null, 2)).toEqual({ direction, verdict: expected, breaking: expected === 'breaking' });
        if (test.rule) expect(diff.changes.map((c) => c.rule)).toContain(test.rule);
        else expect(diff.changes).toEqual([]);
        for (const change of diff.changes) expect(change.path).toMatch(/^(\/[^/]*)*$/);
      }
    });
  }
});

describe('diffSchemas paths and messages', () => {
  it('reports a JSON Pointer through properties, escaping "/" and "~"', () => {
    const before = { type: 'object', properties: { 'a/b~c': { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] } } };
    const after = { type: 'object', properties: { 'a/b~c': { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] } } };
    expect(diffSchemas(before, after, { direction: 'response', path: '/components/schemas/T' }).changes).toEqual([
      { rule: 'type-changed', severity: 'breaking', path: '/components/schemas/T/properties/a~1b~0c/properties/x/type', message: 'type changed: string → number' },
    ]);
  });

  it('stops on mutually recursive schemas and still reports the change inside', () => {
    const make = (leaf: SchemaNode) => ({
      $ref: '#/$defs/A',
      $defs: {
        A: { type: 'object', properties: { b: { $ref: '#/$defs/B' }, leaf } },
        B: { type: 'object', properties: { a: { $ref: '#/$defs/A' } } },
      },
    });
    const diff = diffSchemas(make({ type: 'string' }), make({ type: 'boolean' }), { direction: 'request' });
    expect(diff.changes.map((c) => [c.rule, c.path])).toEqual([['type-changed', '/properties/leaf/type']]);
  });
});

describe('rule catalogue', () => {
  it('docs/drift.md lists every rule with its severities', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONTRACT_RULES, ruleSeverity } = await import('@webstir-io/module-contract/drift');
    const doc = readFileSync(new URL('../docs/drift.md', import.meta.url), 'utf8');
    for (const rule of Object.keys(SCHEMA_RULES)) {
      expect(doc, rule).toContain(`| \`${rule}\` | ${ruleSeverity(rule as never, 'request')} | ${ruleSeverity(rule as never, 'response')} |`);
    }
    for (const [rule, { severity }] of Object.entries(CONTRACT_RULES)) expect(doc, rule).toContain(`| \`${rule}\` | ${severity} |`);
  });

  it('rule ids are stable kebab-case', async () => {
    const { CONTRACT_RULES } = await import('@webstir-io/module-contract/drift');
    for (const rule of [...Object.keys(SCHEMA_RULES), ...Object.keys(CONTRACT_RULES)]) expect(rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
