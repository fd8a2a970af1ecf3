import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { ArtifactInputError } from './input-error.js';
import { importEntry } from './load-entry.js';

const entry = z.string().min(1);
const ModuleEntrySchema = z.union([entry.transform((e): { entry: string; export?: string } => ({ entry: e })), z.object({ entry, export: z.string().min(1).optional() }).strict()]);
const SchemaEntrySchema = z.union([
  entry.transform((e): { entry: string; export?: string[] } => ({ entry: e })),
  z.object({ entry, export: z.union([z.string().min(1).transform((e) => [e]), z.array(z.string().min(1)).min(1)]).optional() }).strict(),
]);

/** What `module-contract.config.*` (or the `webstir.contracts` key of package.json) holds. */
export const ContractsConfigSchema = z
  .object({
    /** Module entries (TypeScript or JavaScript): a path, or `{ entry, export }`. */
    modules: z.array(ModuleEntrySchema).default([]),
    /** Extra Zod schemas to publish by export name (entities no route uses): a path, or `{ entry, export }`. */
    schemas: z.array(SchemaEntrySchema).default([]),
    /** A file exporting OpenAPI docs options (info, servers, securitySchemes, tags, examples). */
    openapi: z.object({ entry, export: z.string().min(1).optional() }).strict().optional(),
    /** Where the artifact set is written. */
    out: z.string().min(1),
    /** The JSON Schema dialect of `schemas/*.schema.json`. @default '2020-12' */
    draft: z.enum(['2020-12', '07']).default('2020-12'),
  })
  .strict();

export type ContractsConfig = z.output<typeof ContractsConfigSchema>;
export type ContractsConfigInput = z.input<typeof ContractsConfigSchema>;

/** A configuration, where it came from, and the folder its paths are relative to. */
export interface LoadedConfig {
  config: ContractsConfig;
  /** `module-contract.config.json`, `package.json#webstir.contracts`, or `command line`. */
  source: string;
  baseDir: string;
}

export const CONFIG_FILES = ['module-contract.config.json', 'module-contract.config.js', 'module-contract.config.mjs', 'module-contract.config.ts'] as const;

/** Overrides from the command line; `entry` replaces the configured modules. */
export interface ConfigOverrides {
  config?: string;
  entry?: string;
  out?: string;
  draft?: string;
}

/**
 * Finds and checks the configuration in `cwd`: `--config`, else the first of `CONFIG_FILES`, else
 * the `webstir.contracts` key of package.json. Flags override it; with `--entry` and `--out` none
 * is needed. Every problem names the file and the field.
 */
export async function loadConfig(cwd: string, overrides: ConfigOverrides = {}): Promise<LoadedConfig> {
  const found = overrides.config ? await readConfigFile(resolve(cwd, overrides.config), overrides.config) : await findConfig(cwd);
  const raw: Record<string, unknown> = { ...(found?.raw ?? {}) };
  if (overrides.entry !== undefined) raw.modules = [overrides.entry];
  if (overrides.out !== undefined) raw.out = overrides.out;
  if (overrides.draft !== undefined) raw.draft = overrides.draft === '7' ? '07' : overrides.draft;
  const source = found?.source ?? 'command line';
  if (!found && overrides.entry === undefined) {
    throw new ArtifactInputError(`no configuration found in ${cwd}: add ${CONFIG_FILES[0]} (or "webstir.contracts" in package.json), or pass --entry and --out`);
  }
  const parsed = ContractsConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const flags: Record<string, string | undefined> = { draft: overrides.draft, out: overrides.out, modules: overrides.entry };
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const where = flags[key] !== undefined ? `--${key === 'modules' ? 'entry' : key}` : issue.path.join('.') || '(root)';
      return `  ${where}: ${issue.message}`;
    });
    throw new ArtifactInputError(`${source}: invalid configuration\n${problems.join('\n')}`);
  }
  if (parsed.data.modules.length === 0 && parsed.data.schemas.length === 0) {
    throw new ArtifactInputError(`${source}: names no modules and no schemas`);
  }
  return { config: parsed.data, source, baseDir: found?.baseDir ?? cwd };
}

async function findConfig(cwd: string): Promise<{ raw: Record<string, unknown>; source: string; baseDir: string } | undefined> {
  for (const name of CONFIG_FILES) {
    const path = join(cwd, name);
    if (existsSync(path)) return readConfigFile(path, name);
  }
  const pkg = join(cwd, 'package.json');
  if (!existsSync(pkg)) return undefined;
  const contracts = (parseJson(pkg, 'package.json') as { webstir?: { contracts?: unknown } }).webstir?.contracts;
  if (contracts === undefined) return undefined;
  return { raw: asObject(contracts, 'package.json#webstir.contracts'), source: 'package.json#webstir.contracts', baseDir: cwd };
}

async function readConfigFile(path: string, shown: string): Promise<{ raw: Record<string, unknown>; source: string; baseDir: string }> {
  if (!existsSync(path)) throw new ArtifactInputError(`${shown}: file not found`);
  if (path.endsWith('.json')) return { raw: asObject(parseJson(path, shown), shown), source: basename(shown), baseDir: dirname(path) };
  const exports = await importEntry(path, dirname(path));
  return { raw: asObject(exports.default ?? exports.config, shown), source: basename(shown), baseDir: dirname(path) };
}

function parseJson(path: string, shown: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ArtifactInputError(`${shown}: is not valid JSON: ${(error as Error).message}`);
  }
}

function asObject(value: unknown, shown: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArtifactInputError(`${shown}: the configuration must be an object`);
  return value as Record<string, unknown>;
}
