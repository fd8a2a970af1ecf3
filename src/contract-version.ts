/**
 * The version of the manifest format this package reads and writes.
 * A manifest is compatible when it has the same MAJOR and a MINOR no newer than this one.
 */
export const CONTRACT_VERSION = '1.0.0';

const VERSION_PATTERN = /^(\d+)\.(\d+|x)(?:\.(\d+|x))?$/;

/** Accepts `1.0.0`, `1.2` and `1.x`. */
export const CONTRACT_VERSION_PATTERN = VERSION_PATTERN;

function parse(version: string): { major: number; minor: number | 'x' } | undefined {
  const match = VERSION_PATTERN.exec(version);
  if (!match) return undefined;
  const minor = match[2] === 'x' ? 'x' : Number(match[2]);
  return { major: Number(match[1]), minor };
}

/**
 * Whether a manifest written against `manifest.contractVersion` can be read by this package.
 * @example isCompatibleContractVersion({ contractVersion: '1.x' }) // true
 */
export function isCompatibleContractVersion(
  manifest: { readonly contractVersion: string },
  supported: string = CONTRACT_VERSION,
): boolean {
  const theirs = parse(manifest.contractVersion);
  const ours = parse(supported);
  if (!theirs || !ours || theirs.major !== ours.major) return false;
  if (theirs.minor === 'x' || ours.minor === 'x') return true;
  return theirs.minor <= ours.minor;
}
