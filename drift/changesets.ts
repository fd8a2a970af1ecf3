import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type BumpLevel = 'major' | 'minor' | 'patch' | 'none';

/** A pending Changesets file: the bump level of each package it releases. */
export interface PendingChangeset {
  file: string;
  releases: Record<string, BumpLevel>;
}

const LEVELS: BumpLevel[] = ['none', 'patch', 'minor', 'major'];
/** The higher of two bump levels. */
export const maxBump = (a: BumpLevel, b: BumpLevel): BumpLevel => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);

/** Reads the frontmatter of a changeset (`"pkg": major` lines between `---` fences). */
export function parseChangeset(text: string, file: string): PendingChangeset {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text.trimStart());
  if (!match) throw new Error(`${file}: no frontmatter (expected "---", one \`"package": major|minor|patch\` line per package, "---")`);
  const releases: Record<string, BumpLevel> = {};
  for (const line of (match[1] as string).split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const release = /^\s*(["']?)(.+?)\1\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (!release) throw new Error(`${file}: cannot read frontmatter line ${JSON.stringify(line)}`);
    releases[release[2] as string] = release[3] as BumpLevel;
  }
  return { file, releases };
}

/** Every pending changeset in a `.changeset` directory (its README.md and config are skipped). */
export function readChangesets(dir: string): PendingChangeset[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md')
    .sort()
    .map((file) => parseChangeset(readFileSync(join(dir, file), 'utf8'), join(dir, file)));
}

/** The bump the pending changesets give a package. */
export function pendingBump(changesets: PendingChangeset[], packageName: string): BumpLevel {
  return changesets.reduce<BumpLevel>((level, changeset) => maxBump(level, changeset.releases[packageName] ?? 'none'), 'none');
}
