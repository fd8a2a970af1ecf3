export interface BuildArtifactSetOptions {
  /** The checkout to build (the working tree, or a temporary worktree of the base ref). */
  root: string;
  /** A module entry relative to `root`; without one, the configuration found in `root` decides. */
  entry?: string;
  /** Where to write the artifact set. */
  outDir: string;
}

/**
 * Builds the artifact set of one checkout with the `build` command's own functions, so a base is
 * built exactly as its release was: the configuration (`module-contract.config.*`, or
 * `webstir.contracts` in package.json) found in `root`, or `entry` in its place. A missing or broken
 * configuration or entry is an input error naming the file (exit 2).
 */
export async function buildArtifactSet({ root, entry, outDir }: BuildArtifactSetOptions): Promise<void> {
  const { buildArtifacts } = await import('../../artifacts/build-artifacts.js');
  const { loadConfig } = await import('../../artifacts/load-config.js');
  const { loadSources } = await import('../../artifacts/load-sources.js');
  const { writeArtifacts } = await import('../../artifacts/write-artifacts.js');
  const loaded = await loadConfig(root, { ...(entry ? { entry } : {}), out: outDir });
  const { out, ...sources } = await loadSources(loaded);
  const { files } = await buildArtifacts(sources, { draft: loaded.config.draft });
  writeArtifacts(out, files);
}
