import { parseFlags, type Command } from '../args.js';
import { ARTIFACT_FLAG_HELP, ARTIFACT_FLAGS, paint, progress, shown } from '../artifact-options.js';

const usage = [
  'Usage: module-contract check [--config <file>] [--entry <file>] [--out <dir>] [--draft 07|2020-12]',
  '  Builds the artifact set in memory and compares it with the files on disk; exits 1 and lists',
  '  every stale, missing or extra file (with a short diff) when they differ. Writes nothing.',
  ...ARTIFACT_FLAG_HELP,
].join('\n');

export const checkCommand: Command = {
  name: 'check',
  summary: 'fail when the committed artifacts differ from a fresh build (for CI)',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, ARTIFACT_FLAGS, usage);
    if (values.help) return io.out(usage);
    // Loaded on use, so the other commands work without the generators' optional peers.
    const { buildArtifacts } = await import('../../artifacts/build-artifacts.js');
    const { checkArtifacts } = await import('../../artifacts/check-artifacts.js');
    const { loadConfig } = await import('../../artifacts/load-config.js');
    const { loadSources } = await import('../../artifacts/load-sources.js');
    const loaded = await loadConfig(io.cwd, values);
    const { out, ...sources } = await loadSources(loaded);
    const { files } = await buildArtifacts(sources, { draft: loaded.config.draft, onStage: progress(io, 'check') });
    const differences = checkArtifacts(out, files);
    const where = shown(out, io.cwd);
    if (differences.length === 0) {
      io.err(paint(`[check] ${files.size} files in ${where} are up to date`, 'green'));
      return;
    }
    for (const { path, status, diff } of differences) {
      io.err(paint(`  ${status.padEnd(7)} ${where}/${path}`, status === 'extra' ? 'yellow' : 'red'));
      if (diff) io.err(diff.split('\n').map((line) => `      ${line}`).join('\n'));
    }
    throw new Error(`${differences.length} file${differences.length === 1 ? '' : 's'} in ${where} differ from a fresh build; run \`module-contract build\``);
  },
};
