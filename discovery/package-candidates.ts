import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandWorkspaces } from './workspace-globs.js';

/** Where a package was found. */
export type PackageSource = 'root' | 'workspace' | 'node_modules';

/** A folder that may hold a module package, in the order discovery considers it. */
export interface PackageCandidate {
  dir: string;
  source: PackageSource;
}

export interface CandidateOptions {
  workspaces: boolean;
  nodeModules: boolean;
}

/**
 * The root package, its workspace packages (globs expanded) and the packages directly inside
 * `<root>/node_modules`, scoped ones included. Nested `node_modules` are not entered.
 */
export function packageCandidates(root: string, rootPackage: Record<string, unknown> | undefined, options: CandidateOptions): PackageCandidate[] {
  const candidates: PackageCandidate[] = [{ dir: root, source: 'root' }];
  if (options.workspaces && rootPackage) {
    for (const dir of expandWorkspaces(root, workspacePatterns(rootPackage))) candidates.push({ dir, source: 'workspace' });
  }
  if (options.nodeModules) {
    for (const dir of installedPackages(join(root, 'node_modules'))) candidates.push({ dir, source: 'node_modules' });
  }
  return candidates;
}

/** `"workspaces": [...]` (npm, pnpm-style lists) or `"workspaces": { "packages": [...] }` (Yarn). */
export function workspacePatterns(pkg: Record<string, unknown>): string[] {
  const field = pkg.workspaces;
  const list = Array.isArray(field) ? field : (field as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

function installedPackages(nodeModules: string): string[] {
  const out: string[] = [];
  for (const name of listFolders(nodeModules)) {
    if (name.startsWith('@')) {
      for (const inner of listFolders(join(nodeModules, name))) out.push(join(nodeModules, name, inner));
    } else out.push(join(nodeModules, name));
  }
  return out;
}

// Names only: a stray file is skipped when it has no package.json, which costs less than a stat per entry.
function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}

/** The text of `<dir>/package.json`, or undefined when the folder has none. */
export function readPackageText(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
}
