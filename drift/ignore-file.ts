import type { ContractDiff } from './contract-change.js';

/** One break accepted on purpose. `path` matches a change's path exactly, or with `*` (one segment) and `**` (any depth). */
export interface IgnoreEntry {
  rule: string;
  path: string;
  reason: string;
}

/** Checks an ignore file's parsed JSON; every problem is listed, each with its index. */
export function parseIgnoreEntries(value: unknown, file: string): IgnoreEntry[] {
  if (!Array.isArray(value)) throw new Error(`${file}: must be a JSON array of { rule, path, reason }`);
  const problems: string[] = [];
  value.forEach((entry, index) => {
    for (const key of ['rule', 'path', 'reason'] as const) {
      if (typeof entry?.[key] !== 'string' || entry[key] === '') problems.push(`[${index}].${key} must be a non-empty string`);
    }
  });
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return value as IgnoreEntry[];
}

function matcher(pattern: string): RegExp {
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/**
 * Marks breaking changes an ignore entry accepts (`accepted` holds its reason) and recomputes
 * `breaking`. Accepted changes stay in the list so reports still show them. Returns the entries
 * that matched nothing, so stale ones can be reported.
 */
export function applyIgnores(diff: ContractDiff, entries: IgnoreEntry[]): { diff: ContractDiff; unused: IgnoreEntry[] } {
  const used = new Set<IgnoreEntry>();
  const compiled = entries.map((entry) => ({ entry, path: matcher(entry.path) }));
  const changes = diff.changes.map((change) => {
    if (change.severity !== 'breaking') return change;
    const hit = compiled.find(({ entry, path }) => entry.rule === change.rule && path.test(change.path));
    if (!hit) return change;
    used.add(hit.entry);
    return { ...change, accepted: hit.entry.reason };
  });
  return {
    diff: { breaking: changes.some((c) => c.severity === 'breaking' && c.accepted === undefined), changes },
    unused: entries.filter((e) => !used.has(e)),
  };
}
