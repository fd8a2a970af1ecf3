import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTRACT_VERSION, isCompatibleContractVersion } from '../src/contract-version.js';
import { isContractModule, type ContractModule } from '../src/create-module.js';
import { readModuleDiscovery, type ModuleDiscovery } from '../src/discovery.js';
import { ModuleManifestSchema } from '../src/module-manifest.js';
import type { DiscoveredModule, DiscoveryReport, ModuleRefusal, RefusalReason } from './discovery-report.js';
import { packageCandidates, readPackageText, type PackageSource } from './package-candidates.js';

/** Options of `discoverModules`. */
export interface DiscoverModulesOptions {
  /** The folder whose package.json, workspaces and `node_modules` are searched. */
  root: string;
  /** Search the packages named by the root package.json's `workspaces`. @default true */
  workspaces?: boolean;
  /** Search `<root>/node_modules/<pkg>` and `<root>/node_modules/@scope/<pkg>`. @default true */
  nodeModules?: boolean;
  /** The contract version modules must be compatible with. @default CONTRACT_VERSION */
  contractVersion?: string;
}

interface Declared {
  package: string;
  dir: string;
  source: PackageSource;
  discovery: ModuleDiscovery;
}

type Checked = { ok: true; module: DiscoveredModule } | { ok: false; refusal: ModuleRefusal };

/**
 * Finds the module packages installed under `root`: the root package, its workspace packages and
 * the packages in its `node_modules` that declare `"webstir": { "module": { kind, entry } }`. Each
 * declaration is checked against the module-discovery schema, its entry is imported, and the
 * exported module's manifest and `contractVersion` are checked. Only package.json files are read
 * and only declared entries are imported. Every refused package gets a reason; one bad package
 * never stops the others.
 * @example
 * const { modules, refused } = await discoverModules({ root: process.cwd() });
 * for (const r of refused) console.warn(`${r.package}: ${r.reason}: ${r.message}`);
 */
export async function discoverModules(options: DiscoverModulesOptions): Promise<DiscoveryReport> {
  const root = resolve(options.root);
  const rootText = readPackageText(root);
  if (rootText === undefined) throw new Error(`[discovery] ${join(root, 'package.json')}: file not found`);
  let rootPackage: Record<string, unknown> | undefined;
  try {
    rootPackage = JSON.parse(rootText) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`[discovery] ${join(root, 'package.json')}: ${(error as Error).message}`);
  }

  const candidates = packageCandidates(root, rootPackage, {
    workspaces: options.workspaces ?? true,
    nodeModules: options.nodeModules ?? true,
  });
  const refused: ModuleRefusal[] = [];
  const declared: Declared[] = [];
  const seen = new Set<string>();
  let scanned = 0;
  for (const { dir, source } of candidates) {
    const text = dir === root ? rootText : readPackageText(dir);
    if (text === undefined) continue;
    scanned++;
    // Most installed packages never mention the field: skip them without parsing.
    if (!text.includes('webstir')) continue;
    const real = realpath(dir);
    // npm links each workspace package into node_modules: the same package, seen twice.
    if (seen.has(real)) continue;
    seen.add(real);
    const label = relative(root, dir).split(sep).join('/') || '.';
    let pkg: Record<string, unknown>;
    try {
      pkg = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      refused.push({ package: label, dir, source, reason: 'invalid-package-json', message: `package.json: ${(error as Error).message}` });
      continue;
    }
    const name = typeof pkg.name === 'string' && pkg.name ? pkg.name : label;
    const result = readModuleDiscovery(pkg);
    if (!result.ok) {
      if (result.reason === 'absent') continue;
      const kindProblem = result.problems.some((p) => p.at === 'webstir.module.kind');
      refused.push({
        package: name,
        dir,
        source,
        reason: kindProblem ? 'bad-kind' : 'invalid-declaration',
        message: `package.json: ${result.problems.map((p) => `${p.at}: ${p.message}`).join('; ')}`,
        problems: result.problems,
      });
      continue;
    }
    declared.push({ package: name, dir, source, discovery: result.discovery });
  }

  const supported = options.contractVersion ?? CONTRACT_VERSION;
  const checked = await Promise.all(declared.map((d) => checkModule(d, supported)));

  const modules: DiscoveredModule[] = [];
  const byName = new Map<string, DiscoveredModule>();
  for (const result of checked) {
    if (!result.ok) {
      refused.push(result.refusal);
      continue;
    }
    const found = result.module;
    const first = byName.get(found.manifest.name);
    if (first) {
      refused.push(refusal(found, 'duplicate-module-name', `module name "${found.manifest.name}" is already provided by package ${first.package} (${relative(root, first.dir) || '.'})`));
      continue;
    }
    byName.set(found.manifest.name, found);
    modules.push(found);
  }
  const order = new Map(candidates.map((c, i) => [c.dir, i]));
  refused.sort((a, b) => (order.get(a.dir) ?? 0) - (order.get(b.dir) ?? 0));
  return { root, modules, refused, scanned };
}

async function checkModule(declared: Declared, supported: string): Promise<Checked> {
  const { discovery, dir } = declared;
  const fail = (reason: RefusalReason, message: string, problems?: ModuleRefusal['problems']): Checked => ({
    ok: false,
    refusal: refusal(declared, reason, message, problems),
  });
  const entry = resolve(dir, discovery.entry);
  const inside = relative(dir, entry);
  if (isAbsolute(discovery.entry) || inside.startsWith('..') || isAbsolute(inside)) {
    return fail('invalid-declaration', `webstir.module.entry "${discovery.entry}" must be a path inside the package`);
  }
  if (!existsSync(entry)) return fail('missing-entry', `webstir.module.entry "${discovery.entry}": file not found`);

  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  } catch (error) {
    return fail('import-failed', `${discovery.entry}: could not be imported: ${firstLine(error)}`);
  }
  const module = [exports.default, exports.module].find(isContractModule) as ContractModule | undefined;
  if (!module) return fail('not-a-module', `${discovery.entry}: exports no module (expected a createModule() result as the default export or as "module")`);

  const parsed = ModuleManifestSchema.safeParse(module.manifest);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ at: ['manifest', ...i.path].join('.'), message: i.message }));
    return fail('invalid-manifest', `${discovery.entry}: ${problems.map((p) => `${p.at}: ${p.message}`).join('; ')}`, problems);
  }
  const manifest = module.manifest;
  if (!isCompatibleContractVersion(manifest, supported)) {
    return fail('incompatible-contract-version', `module ${manifest.name}: contractVersion ${manifest.contractVersion} is not compatible with ${supported}`);
  }
  if (manifest.kind !== discovery.kind) {
    return fail('bad-kind', `webstir.module.kind is "${discovery.kind}" but module ${manifest.name} is a ${manifest.kind} module`);
  }
  return { ok: true, module: { package: declared.package, dir, source: declared.source, kind: discovery.kind, entry, module, manifest } };
}

function refusal(at: { package: string; dir: string; source: PackageSource }, reason: RefusalReason, message: string, problems?: ModuleRefusal['problems']): ModuleRefusal {
  return { package: at.package, dir: at.dir, source: at.source, reason, message, ...(problems ? { problems } : {}) };
}

function realpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** An unknown error's first line: enough to act on, no stack. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] || (error instanceof Error ? error.name : 'unknown error');
}
