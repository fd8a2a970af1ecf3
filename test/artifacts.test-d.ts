import { expectTypeOf } from 'vitest';
import type { ContractModule } from '@webstir-io/module-contract';
import { buildArtifacts, checkArtifacts, type ArtifactDifference, type ContractsConfigInput, type FidelityEntry } from '@webstir-io/module-contract/artifacts';

declare const module: ContractModule;

const built = await buildArtifacts({ modules: [module] }, { draft: '07' });
expectTypeOf(built.files).toEqualTypeOf<Map<string, string>>();
expectTypeOf(built.fidelity).toEqualTypeOf<FidelityEntry[]>();
expectTypeOf(checkArtifacts('out', built.files)).toEqualTypeOf<ArtifactDifference[]>();
expectTypeOf<ArtifactDifference['status']>().toEqualTypeOf<'stale' | 'missing' | 'extra'>();

// @ts-expect-error - only the 2020-12 and draft-07 dialects are written
await buildArtifacts({ modules: [module] }, { draft: '2019-09' });
// @ts-expect-error - modules are createModule() results, not paths
await buildArtifacts({ modules: ['src/module.ts'] });

// A configuration as written in module-contract.config.*: entries are paths or { entry, export }.
const config: ContractsConfigInput = { modules: ['src/module.ts', { entry: 'src/other.ts', export: 'otherModule' }], schemas: [{ entry: 'src/entities.ts', export: ['Trade'] }], out: 'contract' };
expectTypeOf(config.out).toEqualTypeOf<string>();
// @ts-expect-error - out is required
const noOut: ContractsConfigInput = { modules: ['src/module.ts'] };
void noOut;
