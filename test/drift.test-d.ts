import { describe, expectTypeOf, it } from 'vitest';
import { diffContracts, diffSchemas, type ContractChange, type RuleId, type SchemaChange } from '@webstir-io/module-contract/drift';

describe('drift types', () => {
  it('diffSchemas returns the verdict and typed changes', () => {
    const diff = diffSchemas({ type: 'string' }, { type: 'number' }, { direction: 'request' });
    expectTypeOf(diff.breaking).toEqualTypeOf<boolean>();
    expectTypeOf(diff.changes).toEqualTypeOf<SchemaChange[]>();
    expectTypeOf(diff.changes[0]!.severity).toEqualTypeOf<'breaking' | 'warning' | 'info'>();
    expectTypeOf<'property-became-optional'>().toMatchTypeOf<RuleId>();
    // @ts-expect-error - direction is one of request, response, both
    diffSchemas({}, {}, { direction: 'input' });
    // @ts-expect-error - direction is required: there is no safe default
    diffSchemas({}, {}, {});
  });

  it('diffContracts changes carry their kind and subject', () => {
    const diff = diffContracts({ schemas: {} }, { schemas: {} });
    expectTypeOf(diff.changes).toEqualTypeOf<ContractChange[]>();
    expectTypeOf(diff.changes[0]!.kind).toEqualTypeOf<'operation' | 'event' | 'view' | 'manifest' | 'schema'>();
    expectTypeOf(diff.changes[0]!.accepted).toEqualTypeOf<string | undefined>();
    // @ts-expect-error - an artifact set always has its schemas map
    diffContracts({}, { schemas: {} });
  });
});
