import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isContractModule, type ContractModule } from '../src/create-module.js';
import { UsageError } from './args.js';

/** Imports a JavaScript file given on the command line; a missing or broken file is a UsageError naming it. */
export async function importFile(file: string, cwd: string): Promise<Record<string, unknown>> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(`${file}: file not found`);
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${file}: could not be loaded: ${(error as Error).message}`);
  }
}

/**
 * Imports a module file (built JavaScript) and returns its module: the default export, or an export
 * named `module`. Errors name the file.
 */
export async function loadModule(file: string, cwd: string): Promise<ContractModule> {
  const exports = await importFile(file, cwd);
  const candidate = [exports.default, exports.module].find(isContractModule);
  if (!candidate) throw new UsageError(`${file}: exports no module (expected a createModule() result as the default export or as "module")`);
  return candidate;
}
