import type { ContractModule } from '../src/create-module.js';
import type { ModuleManifest } from '../src/module-manifest.js';
import type { PackageSource } from './package-candidates.js';

/** A module package discovery accepted. */
export interface DiscoveredModule {
  /** The package's name (its folder, relative to the root, when package.json has none). */
  package: string;
  /** The package's folder, absolute. */
  dir: string;
  source: PackageSource;
  /** `webstir.module.kind`, which the manifest agrees with. */
  kind: 'frontend' | 'backend';
  /** The imported entry file, absolute. */
  entry: string;
  module: ContractModule;
  manifest: ModuleManifest;
}

/**
 * Why a package that declares `webstir.module` was refused:
 * - `invalid-package-json`: its package.json is not JSON;
 * - `invalid-declaration`: `webstir.module` does not match schema/module-discovery.schema.json;
 * - `bad-kind`: `kind` is not `frontend` or `backend`, or the manifest says the other kind;
 * - `missing-entry`: the `entry` file does not exist;
 * - `import-failed`: importing the entry threw;
 * - `not-a-module`: the entry exports no `createModule()` result (as `default` or `module`);
 * - `invalid-manifest`: the module's manifest does not match the manifest schema;
 * - `incompatible-contract-version`: the manifest's `contractVersion` is not one this kit reads;
 * - `duplicate-module-name`: an earlier package already provides a module of that name.
 */
export type RefusalReason =
  | 'invalid-package-json'
  | 'invalid-declaration'
  | 'bad-kind'
  | 'missing-entry'
  | 'import-failed'
  | 'not-a-module'
  | 'invalid-manifest'
  | 'incompatible-contract-version'
  | 'duplicate-module-name';

/** Every refusal reason, in the order the checks run. */
export const REFUSAL_REASONS: readonly RefusalReason[] = [
  'invalid-package-json',
  'invalid-declaration',
  'bad-kind',
  'missing-entry',
  'import-failed',
  'not-a-module',
  'invalid-manifest',
  'incompatible-contract-version',
  'duplicate-module-name',
];

/** A package discovery refused, and why. */
export interface ModuleRefusal {
  package: string;
  dir: string;
  source: PackageSource;
  reason: RefusalReason;
  /** One line saying what is wrong, naming the field or file. */
  message: string;
  /** Each schema problem with its location, for `invalid-declaration` and `invalid-manifest`. */
  problems?: { at: string; message: string }[];
}

/** What `discoverModules` found. */
export interface DiscoveryReport {
  /** The folder searched, absolute. */
  root: string;
  /** Accepted modules: root package first, then workspace packages, then `node_modules`, each sorted by path. */
  modules: DiscoveredModule[];
  /** One entry per refused package, in the same order. */
  refused: ModuleRefusal[];
  /** How many package.json files were read. */
  scanned: number;
}
