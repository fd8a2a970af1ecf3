// The drift surface as a consumer sees it, through dist/*.d.ts.
import { diffContracts, diffSchemas, formatReport, semverGate, type ContractDiff, type SchemaDiff } from '@webstir-io/module-contract/drift';

export const schemaDiff: SchemaDiff = diffSchemas({ type: 'string' }, { type: ['string', 'null'] }, { direction: 'response' });
export const contractDiff: ContractDiff = diffContracts({ schemas: {} }, { schemas: {} }, { schemasDirection: 'both' });
const gate = semverGate({ baseVersion: '1.0.0', headVersion: '1.0.0', pending: 'major', breaking: contractDiff.breaking });
export const text: string = formatReport({ base: { label: 'base', version: '1.0.0' }, head: { label: 'head', version: gate.nextVersion }, gate, diff: contractDiff, unusedIgnores: [] }, 'markdown');

// @ts-expect-error - direction is one of request, response, both
diffSchemas({}, {}, { direction: 'sideways' });
