export { discoverModules } from './discover-modules.js';
export type { DiscoverModulesOptions } from './discover-modules.js';
export { REFUSAL_REASONS } from './discovery-report.js';
export type { DiscoveredModule, DiscoveryReport, ModuleRefusal, RefusalReason } from './discovery-report.js';
export { findModuleCollisions } from './module-collisions.js';
export type { ModuleCollision } from './module-collisions.js';
export type { PackageSource } from './package-candidates.js';
