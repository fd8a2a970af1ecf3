import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isContractModule, type ContractModule } from '../../src/create-module.js';
import { UsageError } from '../args.js';
import { formatJson } from '../format-json.js';

export interface BuildArtifactSetOptions {
  /** The checkout to build (the working tree, or a temporary worktree of the base ref). */
  root: string;
  /** The module entry, relative to `root`. */
  entry: string;
  /** Where to write the artifact set. */
  outDir: string;
}

/**
 * Builds the artifact set of one checkout: the single place the drift guard builds, so it can
 * call the `build` command's function instead once that exists. Writes `manifest.json`,
 * `openapi.json` and `schemas/<Name>.schema.json` (each with `$id`).
 */
export async function buildArtifactSet({ root, entry, outDir }: BuildArtifactSetOptions): Promise<void> {
  const module = await importModule(resolve(root, entry), entry);
  const { generateOpenApi } = await import('../../openapi/generate-openapi.js');
  const { moduleJsonSchemas } = await import('../../openapi/json-schema.js');
  mkdirSync(join(outDir, 'schemas'), { recursive: true });
  writeFileSync(join(outDir, 'manifest.json'), formatJson(module.manifest));
  writeFileSync(join(outDir, 'openapi.json'), formatJson(generateOpenApi(module)));
  for (const [file, schema] of Object.entries(moduleJsonSchemas(module))) writeFileSync(join(outDir, 'schemas', file), formatJson({ $id: file, ...schema }));
}

/**
 * The first module entry configured in `root`: `modules[0]` of `module-contract.config.json`, else of
 * the `webstir.contracts` key of package.json (a path, or `{ entry }`).
 */
export function configuredEntry(root: string): string | undefined {
  const read = (file: string) => {
    try {
      return JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`${file}: is not valid JSON (${(error as Error).message})`);
    }
  };
  const config = existsSync(join(root, 'module-contract.config.json'))
    ? read('module-contract.config.json')
    : existsSync(join(root, 'package.json'))
      ? ((read('package.json').webstir as { contracts?: Record<string, unknown> } | undefined)?.contracts ?? undefined)
      : undefined;
  const first = (config?.modules as unknown[] | undefined)?.[0];
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as { entry?: unknown }).entry === 'string') return (first as { entry: string }).entry;
  return undefined;
}

async function importModule(path: string, entry: string): Promise<ContractModule> {
  let exports: Record<string, unknown>;
  try {
    const url = pathToFileURL(path).href;
    const isTypeScript = ['.ts', '.mts', '.cts', '.tsx'].includes(extname(path));
    // A TypeScript entry is loaded with tsx unless a loader is already registered in this process.
    exports = isTypeScript && !process.execArgv.some((a) => a.includes('tsx')) ? await tsImport(url) : ((await import(url)) as Record<string, unknown>);
  } catch (error) {
    if (isUsageErrorLike(error)) throw error;
    throw new UsageError(`${entry}: could not be loaded: ${(error as Error).message}`);
  }
  const candidate = [exports.default, exports.module].find(isContractModule);
  if (!candidate) throw new UsageError(`${entry}: exports no module (expected a createModule() result as the default export or as "module")`);
  return candidate;
}

async function tsImport(url: string): Promise<Record<string, unknown>> {
  let api: { tsImport: (specifier: string, parent: string) => Promise<Record<string, unknown>> };
  try {
    api = (await import('tsx/esm/api')) as never;
  } catch {
    throw new UsageError(`${url}: a TypeScript entry needs tsx installed (npm i -D tsx), or point --entry at built JavaScript`);
  }
  return api.tsImport(url, import.meta.url);
}

const isUsageErrorLike = (error: unknown) => error instanceof Error && (error as { usage?: unknown }).usage === true;
