import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listArtifactFiles } from './write-artifacts.js';

/** How one file on disk differs from the fresh build. */
export interface ArtifactDifference {
  path: string;
  status: 'stale' | 'missing' | 'extra';
  /** For a stale file: the first differing lines, `-` on disk, `+` expected. */
  diff?: string;
}

/**
 * Compares a fresh in-memory artifact set with what `dir` holds. An empty list means the
 * committed artifacts are current.
 */
export function checkArtifacts(dir: string, files: ReadonlyMap<string, string>, options: { diffLines?: number } = {}): ArtifactDifference[] {
  const onDisk = new Set(listArtifactFiles(dir));
  const out: ArtifactDifference[] = [];
  for (const [path, expected] of files) {
    if (!onDisk.has(path)) {
      out.push({ path, status: 'missing' });
      continue;
    }
    const actual = readFileSync(join(dir, path), 'utf8');
    if (actual !== expected) out.push({ path, status: 'stale', diff: shortDiff(actual, expected, options.diffLines ?? 6) });
  }
  for (const path of onDisk) if (!files.has(path)) out.push({ path, status: 'extra' });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The lines around the first difference, as a small unified-style excerpt. */
export function shortDiff(actual: string, expected: string, limit: number): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA + 1);
  const added = b.slice(start, endB + 1);
  const lines = [`@@ line ${start + 1} @@`, ...removed.slice(0, limit).map((l) => `- ${l}`), ...(removed.length > limit ? [`  ... ${removed.length - limit} more`] : [])];
  lines.push(...added.slice(0, limit).map((l) => `+ ${l}`), ...(added.length > limit ? [`  ... ${added.length - limit} more`] : []));
  return lines.join('\n');
}
