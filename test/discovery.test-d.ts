import { expectTypeOf } from 'vitest';
import type { ContractModule, ModuleManifest } from '@webstir-io/module-contract';
import {
  discoverModules,
  findModuleCollisions,
  REFUSAL_REASONS,
  type DiscoveredModule,
  type DiscoveryReport,
  type ModuleCollision,
  type ModuleRefusal,
  type RefusalReason,
} from '@webstir-io/module-contract/discovery';

expectTypeOf(discoverModules({ root: '.' })).toEqualTypeOf<Promise<DiscoveryReport>>();
expectTypeOf<DiscoveredModule['module']>().toEqualTypeOf<ContractModule>();
expectTypeOf<DiscoveredModule['manifest']>().toEqualTypeOf<ModuleManifest>();
expectTypeOf<DiscoveredModule['kind']>().toEqualTypeOf<'frontend' | 'backend'>();
expectTypeOf<ModuleRefusal['reason']>().toEqualTypeOf<RefusalReason>();
expectTypeOf(REFUSAL_REASONS).toEqualTypeOf<readonly RefusalReason[]>();
expectTypeOf(findModuleCollisions).parameter(0).toEqualTypeOf<readonly ContractModule[]>();
expectTypeOf<ModuleCollision['modules']>().toEqualTypeOf<[string, string]>();

// @ts-expect-error - root is required: discovery never guesses the folder
void discoverModules({});
// @ts-expect-error - a refusal reason is one of the documented codes, not any string
const reason: RefusalReason = 'broken';
void reason;
// @ts-expect-error - options are checked: there is no `depth`, nested node_modules are never searched
void discoverModules({ root: '.', depth: 2 });
