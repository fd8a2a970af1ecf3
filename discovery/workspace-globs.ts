import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git']);

/**
 * The package folders a `workspaces` list names, as npm reads it: literal paths and globs (`*`, `?`,
 * `**`), with `!pattern` excluding. Only folders holding a package.json count; `**` never enters
 * `node_modules` or dot-folders.
 */
export function expandWorkspaces(root: string, patterns: readonly string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith('!')).map(normalize);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globRegExp(normalize(p.slice(1))));
  const found = new Set<string>();
  for (const pattern of include) {
    for (const dir of expand(root, pattern.split('/').filter(Boolean))) {
      const rel = relative(root, dir).split(sep).join('/');
      if (exclude.some((re) => re.test(rel))) continue;
      if (existsSync(join(dir, 'package.json'))) found.add(dir);
    }
  }
  return [...found].sort();
}

function normalize(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function expand(base: string, segments: readonly string[]): string[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return [base];
  if (segment === '**') return [base, ...subdirectories(base, true)].flatMap((dir) => expand(dir, rest));
  if (!/[*?]/.test(segment)) return existsSync(join(base, segment)) ? expand(join(base, segment), rest) : [];
  const re = globRegExp(segment);
  return subdirectories(base, false)
    .filter((dir) => re.test(dir.slice(base.length + 1)))
    .flatMap((dir) => expand(dir, rest));
}

function subdirectories(dir: string, deep: boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (!(entry.isDirectory() || entry.isSymbolicLink()) || entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const child = join(dir, entry.name);
    out.push(child);
    if (deep && entry.isDirectory()) out.push(...subdirectories(child, true));
  }
  return out.sort();
}

/** A glob as a regular expression over a `/`-separated relative path. */
function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
