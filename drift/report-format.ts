import type { ChangeSubjectKind, ContractChange, ContractDiff } from './contract-change.js';
import type { IgnoreEntry } from './ignore-file.js';
import { severityRank } from './rules.js';
import type { SemverGateResult } from './semver-gate.js';

/** Everything a drift report shows. */
export interface DriftReport {
  base: { label: string; version: string };
  head: { label: string; version: string };
  /** The package the changesets are read for, named in the fix hint. */
  packageName?: string;
  gate: SemverGateResult;
  diff: ContractDiff;
  unusedIgnores: IgnoreEntry[];
}

export type ReportFormat = 'text' | 'markdown' | 'json';

const KIND_TITLES: Record<ChangeSubjectKind, string> = { operation: 'Operations', event: 'Events', view: 'Views', manifest: 'Manifest', schema: 'Schema files' };

// Accepted breaks come after the breaks still open, before warnings.
const rank = (change: ContractChange) => severityRank(change.severity) - (change.accepted === undefined ? 0 : 0.5);

/** Changes by kind, then by subject; the worst first within a subject. */
export function groupChanges(changes: ContractChange[]): { kind: ChangeSubjectKind; title: string; subjects: { subject: string; changes: ContractChange[] }[] }[] {
  return (Object.keys(KIND_TITLES) as ChangeSubjectKind[])
    .map((kind) => {
      const subjects = new Map<string, ContractChange[]>();
      for (const change of changes.filter((c) => c.kind === kind)) subjects.set(change.subject, [...(subjects.get(change.subject) ?? []), change]);
      return {
        kind,
        title: KIND_TITLES[kind],
        subjects: [...subjects.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([subject, list]) => ({ subject, changes: [...list].sort((x, y) => rank(y) - rank(x) || x.path.localeCompare(y.path)) })),
      };
    })
    .filter((group) => group.subjects.length > 0);
}

function counts(diff: ContractDiff) {
  const breaking = diff.changes.filter((c) => c.severity === 'breaking' && !c.accepted).length;
  const accepted = diff.changes.filter((c) => c.accepted).length;
  const warnings = diff.changes.filter((c) => c.severity === 'warning').length;
  const info = diff.changes.filter((c) => c.severity === 'info').length;
  return { breaking, accepted, warnings, info, text: `${breaking} breaking, ${accepted} accepted, ${warnings} warning${warnings === 1 ? '' : 's'}, ${info} info` };
}

const label = (c: ContractChange) => (c.accepted ? 'ACCEPTED' : c.severity.toUpperCase());
const hint = (report: DriftReport) =>
  `add a changeset with a major bump${report.packageName ? ` ("${report.packageName}": major)` : ''}, or accept the break in the ignore file with a reason`;

/** A drift report as plain text (the CLI default), markdown (a pull-request comment) or JSON. */
export function formatReport(report: DriftReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify({ ...report, counts: counts(report.diff) }, null, 2)}\n`;
  return format === 'markdown' ? markdown(report) : text(report);
}

function text(report: DriftReport): string {
  const c = counts(report.diff);
  const lines = [
    `Contract drift: ${report.base.label} (${report.base.version}) → ${report.head.label} (${report.head.version})`,
    `${report.gate.ok ? 'PASS' : 'FAIL'}: ${report.gate.message}`,
  ];
  if (!report.gate.ok) lines.push(`  To release it: ${hint(report)}.`);
  for (const group of groupChanges(report.diff.changes)) {
    lines.push('', group.title);
    for (const { subject, changes } of group.subjects) {
      lines.push(`  ${subject}`);
      const width = Math.max(...changes.map((ch) => ch.rule.length));
      for (const change of changes) {
        lines.push(`    ${label(change).padEnd(8)}  ${change.rule.padEnd(width)}  ${change.path}`);
        lines.push(`    ${' '.repeat(8)}  ${change.message}${change.accepted ? ` (accepted: ${change.accepted})` : ''}`);
      }
    }
  }
  for (const entry of report.unusedIgnores) lines.push('', `Unused ignore entry: ${entry.rule} ${entry.path} (${entry.reason})`);
  lines.push('', `Summary: ${c.text}.`);
  return `${lines.join('\n')}\n`;
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdown(report: DriftReport): string {
  const c = counts(report.diff);
  const lines = [
    `## Contract drift: ${report.gate.ok ? '✅ pass' : '❌ fail'}`,
    '',
    `\`${report.base.label}\` (${report.base.version}) → \`${report.head.label}\` (${report.head.version}): ${report.gate.message}.`,
  ];
  if (!report.gate.ok) lines.push('', `To release it, ${hint(report)}.`);
  lines.push('', `**${c.text}**`);
  for (const group of groupChanges(report.diff.changes)) {
    lines.push('', `### ${group.title}`);
    for (const { subject, changes } of group.subjects) {
      lines.push('', `**${cell(subject)}**`, '', '| Severity | Rule | Path | Change |', '| --- | --- | --- | --- |');
      for (const change of changes) {
        lines.push(`| ${change.accepted ? 'accepted' : change.severity === 'breaking' ? '**breaking**' : change.severity} | \`${change.rule}\` | \`${cell(change.path)}\` | ${cell(change.message)}${change.accepted ? ` (accepted: ${cell(change.accepted)})` : ''} |`);
      }
    }
  }
  if (report.unusedIgnores.length) lines.push('', `Unused ignore entries: ${report.unusedIgnores.map((e) => `\`${e.rule} ${e.path}\``).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
