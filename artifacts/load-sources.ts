import { resolve } from 'node:path';
import type { GenerateOpenApiOptions } from '../openapi/openapi-options.js';
import type { AnySchema } from '../src/route-spec.js';
import type { ArtifactSources } from './build-artifacts.js';
import { ArtifactInputError } from './input-error.js';
import type { LoadedConfig } from './load-config.js';
import { importEntry, loadModuleEntry, loadSchemaEntry } from './load-entry.js';

/** Loads what a configuration names: its modules, extra schemas and OpenAPI docs options. */
export async function loadSources({ config, baseDir }: LoadedConfig): Promise<ArtifactSources & { out: string }> {
  const modules = [];
  for (const { entry, export: name } of config.modules) modules.push(await loadModuleEntry(entry, name, baseDir));
  const schemas: Record<string, AnySchema> = {};
  for (const { entry, export: names } of config.schemas) Object.assign(schemas, await loadSchemaEntry(entry, names, baseDir));
  let openapi: GenerateOpenApiOptions | undefined;
  if (config.openapi) {
    const exports = await importEntry(config.openapi.entry, baseDir);
    const name = config.openapi.export;
    const value = name ? exports[name] : exports.default;
    if (typeof value !== 'object' || value === null) {
      throw new ArtifactInputError(`${config.openapi.entry}: ${name ? `export "${name}"` : 'the default export'} is not an OpenAPI options object`);
    }
    openapi = value as GenerateOpenApiOptions;
  }
  return { modules, schemas, ...(openapi ? { openapi } : {}), out: resolve(baseDir, config.out) };
}
