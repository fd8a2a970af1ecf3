import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DiscoveryReport } from '../../discovery/discovery-report.js';
import { formatJson } from '../format-json.js';
import { parseFlags, UsageError, type Command } from '../args.js';

const usage = [
  'Usage: module-contract discover [--root <dir>] [--json] [--strict]',
  '',
  'Lists the module packages under <dir> (default: the current folder): its package.json, its',
  'workspaces and its node_modules, scoped packages included.',
  '',
  '  --root <dir>  the folder to search',
  '  --json        print the report as JSON',
  '  --strict      exit 1 when any package was refused',
].join('\n');

export const discoverCommand: Command = {
  name: 'discover',
  summary: 'list the module packages in a workspace and node_modules, and why any were refused',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { root: { type: 'string' }, json: { type: 'boolean' }, strict: { type: 'boolean' } }, usage);
    if (values.help) return io.out(usage);
    const root = resolve(io.cwd, values.root ?? '.');
    if (!existsSync(join(root, 'package.json'))) throw new UsageError(`${join(values.root ?? '.', 'package.json')}: file not found`);
    const started = performance.now();
    let report: DiscoveryReport;
    try {
      // Loaded on use, like the other commands' modules, so the CLI starts without it.
      const { discoverModules } = await import('../../discovery/discover-modules.js');
      report = await discoverModules({ root });
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/^\[discovery\] /, ''));
    }
    const ms = Math.round(performance.now() - started);
    io.err(`[discover] read ${report.scanned} package.json files in ${ms} ms: ${report.modules.length} modules, ${report.refused.length} refused`);
    io.out(values.json ? formatJson(toJson(report)).trimEnd() : formatTable(report));
    if (values.strict && report.refused.length > 0) {
      throw new Error(`${report.refused.length} package${report.refused.length === 1 ? '' : 's'} refused (--strict)`);
    }
  },
};

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}

/** The report without the imported modules: names, counts and relative paths. */
export function toJson(report: DiscoveryReport) {
  return {
    modules: report.modules.map((m) => ({
      name: m.manifest.name,
      version: m.manifest.version,
      kind: m.kind,
      contractVersion: m.manifest.contractVersion,
      routes: m.manifest.routes?.length ?? 0,
      views: m.manifest.views?.length ?? 0,
      events: m.manifest.events?.length ?? 0,
      package: m.package,
      source: m.source,
      dir: rel(report.root, m.dir),
      entry: rel(report.root, m.entry),
    })),
    refused: report.refused.map((r) => ({
      package: r.package,
      source: r.source,
      dir: rel(report.root, r.dir),
      reason: r.reason,
      message: r.message,
      ...(r.problems ? { problems: r.problems } : {}),
    })),
    scanned: report.scanned,
  };
}

/** Two plain-text tables: accepted modules, then refused packages. */
export function formatTable(report: DiscoveryReport): string {
  const { modules, refused } = toJson(report);
  const lines = [`Modules (${modules.length})`];
  if (modules.length === 0) lines.push('  (none)');
  else {
    lines.push(
      ...table(
        ['NAME', 'VERSION', 'KIND', 'ROUTES', 'VIEWS', 'EVENTS', 'PACKAGE'],
        modules.map((m) => [m.name, m.version, m.kind, String(m.routes), String(m.views), String(m.events), label(m)]),
      ),
    );
  }
  lines.push('', `Refused (${refused.length})`);
  if (refused.length === 0) lines.push('  (none)');
  else lines.push(...table(['PACKAGE', 'REASON', 'MESSAGE'], refused.map((r) => [label(r), r.reason, r.message])));
  return lines.join('\n');
}

function label(p: { package: string; dir: string }): string {
  return p.package === p.dir ? p.package : `${p.package} (${p.dir})`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = new Set(['ROUTES', 'VIEWS', 'EVENTS']);
  const line = (cells: string[]) =>
    `  ${cells
      .map((cell, i) => (i === cells.length - 1 ? cell : numeric.has(header[i] ?? '') ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')}`;
  return [line(header), ...rows.map(line)];
}
