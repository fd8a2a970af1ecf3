import type { BumpLevel } from './changesets.js';

interface Version {
  major: number;
  minor: number;
  patch: number;
}

function parse(version: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!match) throw new Error(`"${version}" is not a semantic version`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** `version` bumped by `level`, the way Changesets versions a package. */
export function bumpVersion(version: string, level: BumpLevel): string {
  const v = parse(version);
  if (level === 'major') return `${v.major + 1}.0.0`;
  if (level === 'minor') return `${v.major}.${v.minor + 1}.0`;
  if (level === 'patch') return `${v.major}.${v.minor}.${v.patch + 1}`;
  return `${v.major}.${v.minor}.${v.patch}`;
}

/**
 * How far `to` is from `from`, as semver reads it for compatibility: below 1.0.0 a minor bump is a
 * breaking (major) release.
 */
export function releaseLevel(from: string, to: string): BumpLevel {
  const a = parse(from);
  const b = parse(to);
  if (b.major !== a.major) return b.major > a.major ? 'major' : 'none';
  if (b.minor !== a.minor) return b.minor > a.minor ? (a.major === 0 ? 'major' : 'minor') : 'none';
  return b.patch > a.patch ? 'patch' : 'none';
}

export interface SemverGateInput {
  /** The released version the base contract belongs to. */
  baseVersion: string;
  /** The head's package.json version. */
  headVersion: string;
  /** The bump the pending changesets will apply to the head. @default 'none' */
  pending?: BumpLevel;
  /** Whether a breaking change is left that no ignore entry accepts. */
  breaking: boolean;
}

export interface SemverGateResult {
  ok: boolean;
  /** The version the head will be released as: its version with the pending changesets applied. */
  nextVersion: string;
  /** The release level from base to next (below 1.0.0 a minor bump counts as major). */
  level: BumpLevel;
  required: 'major' | 'none';
  message: string;
}

/**
 * The gate: a breaking change needs the next release to be MAJOR against the base (below 1.0.0, a
 * minor bump is enough).
 *
 * @example
 * semverGate({ baseVersion: '1.2.0', headVersion: '1.2.0', pending: 'minor', breaking: true }).ok // false
 */
export function semverGate(input: SemverGateInput): SemverGateResult {
  const nextVersion = bumpVersion(input.headVersion, input.pending ?? 'none');
  const level = releaseLevel(input.baseVersion, nextVersion);
  const required = input.breaking ? 'major' : 'none';
  const ok = !input.breaking || level === 'major';
  const release = `${input.baseVersion} → ${nextVersion} (${level === 'none' ? 'no release' : `${level} release`})`;
  const message = ok
    ? input.breaking
      ? `breaking changes are covered by a major release: ${release}`
      : `no unaccepted breaking change: ${release}`
    : `breaking changes need a major release, but the next release is ${release}`;
  return { ok, nextVersion, level, required, message };
}
