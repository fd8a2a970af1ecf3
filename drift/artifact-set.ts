import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaNode } from './resolve-ref.js';

/** The parts of a module manifest the drift guard compares. */
export interface ManifestLike {
  name?: string;
  version?: string;
  kind?: string;
  contractVersion?: string;
  routes?: { name: string; method: string; path: string; deprecated?: boolean }[];
  views?: { name: string; path: string; data?: { name: string }; params?: { name: string } }[];
  /** Versioned events (`{ type, versions: [{ v, payload }] }`), or one entry per version (`{ name, version, payload }`). */
  events?: ManifestEvent[];
  capabilities?: string[];
}

/** An event of a manifest, in either of the shapes the drift guard reads. */
export type ManifestEvent =
  | { type: string; direction?: 'emit' | 'consume'; versions: { v: number; payload?: { name: string }; deprecated?: boolean }[]; deprecated?: boolean }
  | { name: string; version: number; direction?: 'emit' | 'consume'; payload?: { name: string }; deprecated?: boolean };

/** One event version, as the drift guard compares them. */
export interface EventVersionEntry {
  name: string;
  version: number;
  direction?: 'emit' | 'consume';
  payload?: { name: string };
  deprecated?: boolean;
}

/** Every event version of a manifest, one entry each. */
export function eventVersions(manifest: ManifestLike | undefined): EventVersionEntry[] {
  return (manifest?.events ?? []).flatMap((event): EventVersionEntry[] =>
    'versions' in event
      ? event.versions.map((version) => ({
          name: event.type,
          version: version.v,
          ...(event.direction ? { direction: event.direction } : {}),
          ...(version.payload ? { payload: version.payload } : {}),
          ...(version.deprecated || event.deprecated ? { deprecated: true } : {}),
        }))
      : [event],
  );
}

/** An artifact set, as `module-contract build --out <dir>` writes it; every part is optional. */
export interface ContractArtifacts {
  manifest?: ManifestLike;
  /** An OpenAPI 3.x document. */
  openapi?: Record<string, unknown>;
  /** JSON Schema documents by file name (`Account.schema.json`). */
  schemas: Record<string, SchemaNode>;
}

/** A file of an artifact set that is missing or not valid JSON; `file` names it. */
export class ArtifactSetError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ArtifactSetError';
    this.file = file;
  }
}

/**
 * Reads an artifact set from a directory: `manifest.json`, `openapi.json` and `schemas/*.schema.json`.
 * A directory with none of those but JSON Schema files of its own (`*.schema.json`) is read as a
 * set of schemas alone.
 */
export function readArtifactSet(dir: string): ContractArtifacts {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ArtifactSetError(dir, 'not a directory');
  const read = (file: string): unknown => {
    const path = join(dir, file);
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ArtifactSetError(path, `is not valid JSON (${(error as Error).message})`);
    }
  };
  const set: ContractArtifacts = { schemas: {} };
  if (existsSync(join(dir, 'manifest.json'))) set.manifest = read('manifest.json') as ManifestLike;
  else {
    // A set of several modules keeps one manifest per module folder: compare them as one.
    const manifests = readdirSync(dir)
      .filter((entry) => existsSync(join(dir, entry, 'manifest.json')))
      .sort()
      .map((entry) => read(join(entry, 'manifest.json')) as ManifestLike)
      .filter((manifest) => typeof manifest?.contractVersion === 'string');
    if (manifests.length > 0) set.manifest = combineManifests(manifests);
  }
  if (existsSync(join(dir, 'openapi.json'))) set.openapi = read('openapi.json') as Record<string, unknown>;
  const schemaDir = existsSync(join(dir, 'schemas')) ? 'schemas' : set.manifest || set.openapi ? undefined : '.';
  if (schemaDir) {
    for (const file of readdirSync(join(dir, schemaDir)).filter((f) => f.endsWith('.json')).sort()) {
      set.schemas[file] = read(join(schemaDir, file)) as SchemaNode;
    }
  }
  if (!set.manifest && !set.openapi && Object.keys(set.schemas).length === 0) {
    throw new ArtifactSetError(dir, 'holds no manifest.json, openapi.json or *.schema.json files');
  }
  return set;
}

/** The manifests of several modules as one: their routes, views, events and capabilities together. */
function combineManifests(manifests: readonly ManifestLike[]): ManifestLike {
  if (manifests.length === 1) return manifests[0] as ManifestLike;
  return {
    name: manifests.map((m) => m.name).join(', '),
    contractVersion: manifests[0]?.contractVersion,
    routes: manifests.flatMap((m) => m.routes ?? []),
    views: manifests.flatMap((m) => m.views ?? []),
    events: manifests.flatMap((m) => m.events ?? []),
    capabilities: [...new Set(manifests.flatMap((m) => m.capabilities ?? []))].sort(),
  };
}
