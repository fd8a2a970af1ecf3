import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isContractModule, type ContractModule } from '../src/create-module.js';
import type { AnySchema } from '../src/route-spec.js';
import { ArtifactInputError } from './input-error.js';

const TYPESCRIPT = /\.(?:ts|mts|cts|tsx)$/;

/**
 * Imports an entry file. JavaScript is imported as is; TypeScript goes through `tsx`'s loader hooks
 * (an optional peer: install it to name `.ts` entries). A missing or broken file names itself.
 */
export async function importEntry(file: string, baseDir: string): Promise<Record<string, unknown>> {
  const path = resolve(baseDir, file);
  const shown = displayPath(path, baseDir);
  if (!existsSync(path)) throw new ArtifactInputError(`${shown}: file not found`);
  try {
    if (!TYPESCRIPT.test(path)) return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    await registerTsx(shown);
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ArtifactInputError) throw error;
    throw new ArtifactInputError(`${shown}: could not be loaded: ${firstLine(error)}`);
  }
}

/** The module an entry exports: the export named, else the default export or one named `module`. */
export async function loadModuleEntry(file: string, exportName: string | undefined, baseDir: string): Promise<ContractModule> {
  const exports = await importEntry(file, baseDir);
  const shown = displayPath(resolve(baseDir, file), baseDir);
  if (exportName !== undefined) {
    if (!(exportName in exports)) throw new ArtifactInputError(`${shown}: has no export "${exportName}" (exports: ${Object.keys(exports).join(', ') || 'none'})`);
    if (!isContractModule(exports[exportName])) throw new ArtifactInputError(`${shown}: export "${exportName}" is not a module (expected a createModule() result)`);
    return exports[exportName] as ContractModule;
  }
  const candidate = [exports.default, exports.module].find(isContractModule);
  if (!candidate) throw new ArtifactInputError(`${shown}: exports no module (expected a createModule() result as the default export, as "module", or named by "export")`);
  return candidate;
}

/**
 * Zod schemas an entry exports, by export name: the ones named, or every export that is a schema.
 */
export async function loadSchemaEntry(file: string, exportNames: readonly string[] | undefined, baseDir: string): Promise<Record<string, AnySchema>> {
  const exports = await importEntry(file, baseDir);
  const shown = displayPath(resolve(baseDir, file), baseDir);
  const out: Record<string, AnySchema> = {};
  if (exportNames) {
    for (const name of exportNames) {
      if (!(name in exports)) throw new ArtifactInputError(`${shown}: has no export "${name}"`);
      if (!isSchema(exports[name])) throw new ArtifactInputError(`${shown}: export "${name}" is not a Zod schema`);
      out[name] = exports[name] as AnySchema;
    }
    return out;
  }
  for (const [name, value] of Object.entries(exports)) if (name !== 'default' && isSchema(value)) out[name] = value;
  if (Object.keys(out).length === 0) throw new ArtifactInputError(`${shown}: exports no Zod schema`);
  return out;
}

function isSchema(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function';
}

let tsxRegistered: Promise<void> | undefined;

// tsx's hooks are registered once for the process (not `tsImport`'s private namespace), so an
// entry shares the module cache: the kit it imports is the same instance the generators use.
function registerTsx(shown: string): Promise<void> {
  tsxRegistered ??= import('tsx/esm/api').then(
    ({ register }) => void register(),
    () => {
      tsxRegistered = undefined;
      throw new ArtifactInputError(`${shown}: is TypeScript; install "tsx" to load it, or name the built JavaScript file`);
    },
  );
  return tsxRegistered;
}

function displayPath(path: string, baseDir: string): string {
  const shown = relative(baseDir, path);
  return shown.startsWith('..') ? path : shown;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
