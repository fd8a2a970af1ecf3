import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseFlags, UsageError, type Command, type CommandIo } from '../args.js';
import { resolveBase, resolveHead, type ResolvedSide } from '../drift/resolve-side.js';

const usage = [
  'Usage: module-contract diff --base <git-ref | dir | package.tgz> [--head <dir>] [options]',
  '',
  'Compares two artifact sets and fails (exit 1) when a breaking change is not covered by a MAJOR',
  'release: package.json version plus pending .changeset/*.md bumps (below 1.0.0 a minor bump counts).',
  '',
  '  --base        the released contract: a git ref (the --head folder read at that ref, or the module',
  '                built there with --entry), an artifact-set folder, or a package tarball',
  '  --head        the new artifact-set folder (default: build the working tree with --entry)',
  '  --entry       the module file to build when a side has to be built (default: the configuration,',
  '                module-contract.config.* or "webstir.contracts" in package.json, as `build` reads it)',
  '  --format      text (default), markdown (for a pull-request comment) or json',
  '  --ignore      accepted breaks, [{ "rule", "path", "reason" }] (default: .drift-ignore.json if present)',
  '  --package     the package.json holding the version (default: package.json)',
  '  --changesets  the folder of pending changesets (default: .changeset next to --package)',
  '  --base-version       the base version when the base carries no package.json (default: the head version)',
  '  --schemas-direction  how to read schema files no operation places: both (default), request, response',
  '  --out         also write the report to this file',
].join('\n');

const FORMATS = ['text', 'markdown', 'json'] as const;
const DIRECTIONS = ['both', 'request', 'response'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two artifact sets and fail when a breaking change lacks a MAJOR bump',
  usage,
  async run(argv, io) {
    const flags = {
      base: { type: 'string' },
      head: { type: 'string' },
      entry: { type: 'string' },
      format: { type: 'string' },
      ignore: { type: 'string' },
      package: { type: 'string' },
      changesets: { type: 'string' },
      'base-version': { type: 'string' },
      'schemas-direction': { type: 'string' },
      out: { type: 'string' },
    } as const;
    const { values } = parseFlags(argv, flags, usage);
    if (values.help) return io.out(usage);
    if (!values.base) throw new UsageError(`--base is required\n\n${usage}`);
    const format = values.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const direction = values['schemas-direction'] ?? 'both';
    if (!(DIRECTIONS as readonly string[]).includes(direction)) throw new UsageError(`--schemas-direction must be one of ${DIRECTIONS.join(', ')}, not "${direction}"`);
    const packageJson = values.package ?? 'package.json';
    const context = { cwd: io.cwd, packageJson, progress: io.err, ...(values.entry ? { entry: values.entry } : {}), ...(values.head ? { headDir: values.head } : {}) };

    const sides: ResolvedSide[] = [];
    try {
      const base = await resolveBase(values.base, context);
      sides.push(base);
      const head = await resolveHead(values.head, context);
      sides.push(head);
      const exitCode = await report(io, base, head, {
        format: format as (typeof FORMATS)[number],
        direction: direction as (typeof DIRECTIONS)[number],
        packageJson: resolve(io.cwd, packageJson),
        changesets: resolve(io.cwd, values.changesets ?? join(dirname(packageJson), '.changeset')),
        ignore: values.ignore,
        baseVersion: values['base-version'],
        out: values.out,
      });
      if (exitCode !== 0) throw new Error('breaking changes are not covered by a MAJOR release (see the report above)');
    } finally {
      for (const side of sides) side.cleanup();
    }
  },
};

interface ReportOptions {
  format: (typeof FORMATS)[number];
  direction: (typeof DIRECTIONS)[number];
  packageJson: string;
  changesets: string;
  ignore: string | undefined;
  baseVersion: string | undefined;
  out: string | undefined;
}

async function report(io: CommandIo, base: ResolvedSide, head: ResolvedSide, options: ReportOptions): Promise<number> {
  const drift = await import('../../drift/index.js');
  const read = (dir: string) => {
    try {
      return drift.readArtifactSet(dir);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const diff = drift.diffContracts(read(base.dir), read(head.dir), { schemasDirection: options.direction });
  const ignoreFile = options.ignore ? resolve(io.cwd, options.ignore) : resolve(io.cwd, '.drift-ignore.json');
  let entries: ReturnType<typeof drift.parseIgnoreEntries> = [];
  if (options.ignore || existsSync(ignoreFile)) {
    if (!existsSync(ignoreFile)) throw new UsageError(`${options.ignore}: file not found`);
    try {
      entries = drift.parseIgnoreEntries(JSON.parse(readFileSync(ignoreFile, 'utf8')), options.ignore ?? '.drift-ignore.json');
    } catch (error) {
      throw new UsageError(error instanceof SyntaxError ? `${options.ignore ?? '.drift-ignore.json'}: is not valid JSON (${error.message})` : (error as Error).message);
    }
  }
  const { diff: judged, unused } = drift.applyIgnores(diff, entries);
  const packageName = existsSync(options.packageJson) ? (JSON.parse(readFileSync(options.packageJson, 'utf8')) as { name?: string }).name : undefined;
  let pending: ReturnType<typeof drift.pendingBump> = 'none';
  try {
    pending = packageName ? drift.pendingBump(drift.readChangesets(options.changesets), packageName) : 'none';
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const headVersion = head.version ?? '0.0.0';
  const baseVersion = options.baseVersion ?? base.version ?? headVersion;
  let gate: ReturnType<typeof drift.semverGate>;
  try {
    gate = drift.semverGate({ baseVersion, headVersion, pending, breaking: judged.breaking });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = drift.formatReport(
    { base: { label: base.label, version: baseVersion }, head: { label: head.label, version: `${headVersion}${pending === 'none' ? '' : ` + ${pending} changeset → ${gate.nextVersion}`}` }, ...(packageName ? { packageName } : {}), gate, diff: judged, unusedIgnores: unused },
    options.format,
  );
  io.out(text.trimEnd());
  if (options.out) writeFileSync(resolve(io.cwd, options.out), text);
  return gate.ok ? 0 : 1;
}
