import { relative } from 'node:path';
import type { CommandIo } from './args.js';

/** Flags shared by `build`, `check` and `python`. */
export const ARTIFACT_FLAGS = {
  config: { type: 'string' },
  entry: { type: 'string' },
  out: { type: 'string' },
  draft: { type: 'string' },
} as const;

export const ARTIFACT_FLAG_HELP = [
  '  --config <file>  the configuration (default: module-contract.config.{json,js,mjs,ts}, else "webstir.contracts" in package.json)',
  '  --entry <file>   a module entry (.ts or .js) instead of the configured modules',
  '  --out <dir>      the output folder instead of the configured one',
  '  --draft <07|2020-12>  JSON Schema dialect of schemas/*.schema.json (default 2020-12)',
];

/** `[build] ...` lines on stderr, in colour only on a terminal without NO_COLOR. */
export function paint(text: string, colour: 'green' | 'red' | 'yellow' | 'dim'): string {
  const enabled = process.stderr.isTTY === true && !process.env.NO_COLOR;
  if (!enabled) return text;
  const codes = { green: 32, red: 31, yellow: 33, dim: 2 } as const;
  return `\u001b[${codes[colour]}m${text}\u001b[0m`;
}

/**
 * Progress for builds that take more than a second: each part as it starts, and how long a part
 * that took more than a second ran.
 */
export function progress(io: CommandIo, tag: string): (stage: string) => void {
  const started = Date.now();
  let current: { stage: string; at: number } | undefined;
  return (stage) => {
    const now = Date.now();
    if (current && now - current.at > 1000) io.err(paint(`[${tag}] ${current.stage}: ${((now - current.at) / 1000).toFixed(1)} s`, 'dim'));
    if (now - started > 1000) io.err(paint(`[${tag}] ${stage}...`, 'dim'));
    current = { stage, at: now };
  };
}

export function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
