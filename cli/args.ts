import { extname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A CLI failure the user can fix: printed without a stack, exit code 2. */
export class UsageError extends Error {
  readonly usage = true;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Structural check, so a UsageError from a second copy of the package is still recognised. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && (error as { usage?: unknown }).usage === true;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIo): Promise<void>;
}

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: false }>;

export interface ParsedFlags<T extends FlagSpec> {
  values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string } & { help?: boolean };
  positionals: string[];
}

/** `node:util` parseArgs that throws `UsageError` with the command's usage on bad flags. `--help` is always accepted. */
export function parseFlags<T extends FlagSpec>(argv: string[], options: T, usage: string): ParsedFlags<T> {
  try {
    const config: ParseArgsConfig = { args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true };
    return parseArgs(config) as unknown as ParsedFlags<T>;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** The document format an `--out` file asks for, by its extension. */
export function formatOf(file: string): 'json' | 'yaml' {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  throw new UsageError(`${file}: --out must end in .json, .yaml or .yml`);
}
