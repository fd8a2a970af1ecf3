import { resolve } from 'node:path';
import { parseFlags, UsageError, type Command } from '../args.js';
import { ARTIFACT_FLAG_HELP, ARTIFACT_FLAGS, paint, shown } from '../artifact-options.js';

const usage = [
  'Usage: module-contract python --out <dir> [--config <file>] [--entry <file>]',
  '  Writes only the Pydantic v2 package (__init__.py, models.py) into <dir>.',
  ...ARTIFACT_FLAG_HELP.filter((line) => !line.includes('--out') && !line.includes('--draft')),
].join('\n');

export const pythonCommand: Command = {
  name: 'python',
  summary: 'write Pydantic v2 models for the configured contract (no Python needed)',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { config: ARTIFACT_FLAGS.config, entry: ARTIFACT_FLAGS.entry, out: ARTIFACT_FLAGS.out }, usage);
    if (values.help) return io.out(usage);
    // Loaded on use, so the other commands work without the generators' optional peers.
    const { buildArtifacts } = await import('../../artifacts/build-artifacts.js');
    const { loadConfig } = await import('../../artifacts/load-config.js');
    const { loadSources } = await import('../../artifacts/load-sources.js');
    const { writeArtifacts } = await import('../../artifacts/write-artifacts.js');
    if (!values.out) throw new UsageError(`--out is required\n\n${usage}`);
    const loaded = await loadConfig(io.cwd, { ...values, out: values.out });
    const { out: _, ...sources } = await loadSources(loaded);
    const { files } = await buildArtifacts(sources);
    const python = new Map([...files].filter(([path]) => path.startsWith('python/')).map(([path, text]) => [path.slice('python/'.length), text]));
    const dir = resolve(io.cwd, values.out);
    // The package's own files, directly in <dir>; nothing else there is touched.
    writeArtifacts(dir, python, { prune: false });
    io.err(paint(`[python] wrote ${[...python.keys()].join(', ')} to ${shown(dir, io.cwd)}`, 'green'));
  },
};
