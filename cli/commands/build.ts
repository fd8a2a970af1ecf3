import { parseFlags, type Command } from '../args.js';
import { ARTIFACT_FLAG_HELP, ARTIFACT_FLAGS, paint, progress, shown } from '../artifact-options.js';

const usage = [
  'Usage: module-contract build [--config <file>] [--entry <file>] [--out <dir>] [--draft 07|2020-12] [--json] [--strict]',
  '  Writes the artifact set: manifest.json, openapi.{json,yaml}, schemas/*.schema.json, client.ts,',
  '  python/ (Pydantic v2 models) and fidelity.json.',
  ...ARTIFACT_FLAG_HELP,
  '  --json           print what was written as JSON on stdout',
  '  --strict         fail (exit 1) when a construct cannot be expressed in JSON Schema or Pydantic',
].join('\n');

export const buildCommand: Command = {
  name: 'build',
  summary: 'write every artifact of the configured contract (manifest, OpenAPI, JSON Schema, client, Pydantic)',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { ...ARTIFACT_FLAGS, json: { type: 'boolean' }, strict: { type: 'boolean' } }, usage);
    if (values.help) return io.out(usage);
    // Loaded on use, so the other commands work without the generators' optional peers.
    const { buildArtifacts } = await import('../../artifacts/build-artifacts.js');
    const { loadConfig } = await import('../../artifacts/load-config.js');
    const { loadSources } = await import('../../artifacts/load-sources.js');
    const { writeArtifacts } = await import('../../artifacts/write-artifacts.js');
    const loaded = await loadConfig(io.cwd, values);
    const { out, ...sources } = await loadSources(loaded);
    const { files, fidelity } = await buildArtifacts(sources, { draft: loaded.config.draft, onStage: progress(io, 'build') });
    for (const entry of fidelity) {
      io.err(paint(`[fidelity] ${entry.schema} ${entry.path}: ${entry.construct} (${entry.target}): ${entry.reason}`, values.strict ? 'red' : 'yellow'));
    }
    if (values.strict && fidelity.length > 0) {
      throw new Error(`--strict: ${fidelity.length} construct${fidelity.length === 1 ? '' : 's'} cannot be expressed (listed above); nothing was written`);
    }
    const written = writeArtifacts(out, files);
    if (values.json) io.out(JSON.stringify({ out: shown(out, io.cwd), files: written, fidelity }, null, 2));
    io.err(paint(`[build] wrote ${written.length} files to ${shown(out, io.cwd)} (${fidelity.length} fidelity note${fidelity.length === 1 ? '' : 's'})`, 'green'));
  },
};
