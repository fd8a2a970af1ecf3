import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Writes an artifact set into `dir` and removes artifact files there that the set no longer has
 * (an old schema, a removed module's client); other files in `dir` are left alone.
 * Returns the paths written.
 */
export function writeArtifacts(dir: string, files: ReadonlyMap<string, string>, options: { prune?: boolean } = {}): string[] {
  mkdirSync(dir, { recursive: true });
  // A whole set replaces the one before it; a part of one (`prune: false`) leaves the rest alone.
  if (options.prune !== false) for (const stale of listArtifactFiles(dir)) if (!files.has(stale)) rmSync(join(dir, stale));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return [...files.keys()];
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted; [] when it does not exist. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__') walk(path);
      } else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const ARTIFACT_PATH = /^(?:manifest\.json|client\.ts|(?:openapi|asyncapi)\.(?:json|yaml)|fidelity\.json)$|^schemas\/[^/]+\.schema\.json$|^python\/[^/]+\.py$/;
const MODULE_PATH = /^([^/]+)\/(?:manifest\.json|client\.ts|asyncapi\.(?:json|yaml))$/;

/**
 * The files under `dir` that belong to an artifact set (what `build` writes and `check` compares).
 * A `<folder>/manifest.json` or `client.ts` counts only when that folder holds a module manifest.
 */
export function listArtifactFiles(dir: string): string[] {
  const moduleFolders = new Map<string, boolean>();
  const isModuleFolder = (folder: string) => {
    if (!moduleFolders.has(folder)) moduleFolders.set(folder, holdsManifest(join(dir, folder, 'manifest.json')));
    return moduleFolders.get(folder) as boolean;
  };
  return listFiles(dir).filter((path) => {
    if (ARTIFACT_PATH.test(path)) return true;
    const folder = MODULE_PATH.exec(path)?.[1];
    return folder !== undefined && isModuleFolder(folder);
  });
}

function holdsManifest(path: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { contractVersion?: unknown };
    return typeof manifest.contractVersion === 'string';
  } catch {
    return false;
  }
}
