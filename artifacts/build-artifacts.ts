import { generateClient } from '../adapters/client/codegen/generate-client.js';
import { openApiToJson, openApiToYaml } from '../openapi/format-document.js';
import { generateOpenApi } from '../openapi/generate-openapi.js';
import { asyncApiToJson, asyncApiToYaml, generateAsyncApi } from '../openapi/asyncapi/generate-asyncapi.js';
import { formatJson, moduleJsonSchemas, type JsonSchema } from '../openapi/json-schema.js';
import type { GenerateOpenApiOptions } from '../openapi/openapi-options.js';
import { createModule, type ContractModule } from '../src/create-module.js';
import type { AnySchema } from '../src/route-spec.js';
import { collectFidelity, type FidelityEntry } from './fidelity.js';
import { ArtifactInputError } from './input-error.js';
import { schemaFileName, toSchemaFiles, type JsonSchemaDraft } from './json-schema-files.js';
import { generatePydantic } from './pydantic/generate-pydantic.js';

/** What an artifact set is built from. */
export interface ArtifactSources {
  /** One module writes `manifest.json` and `client.ts` at the top; several write them under `<module name>/`. */
  modules: readonly ContractModule[];
  /** Extra named schemas to publish (entities that no route uses). */
  schemas?: Readonly<Record<string, AnySchema>>;
  /** Docs options for `openapi.json` (info, servers, securitySchemes, tags, examples). */
  openapi?: GenerateOpenApiOptions;
}

export interface BuildArtifactsOptions {
  /** Dialect of `schemas/*.schema.json`; the Pydantic models are always made from 2020-12. @default '2020-12' */
  draft?: JsonSchemaDraft;
  /** Called as each part starts, so a long build can show progress. */
  onStage?: (stage: string) => void;
}

/** An artifact set in memory: file text by path relative to the output folder, in path order. */
export interface ArtifactSet {
  files: Map<string, string>;
  /** Constructs JSON Schema or Pydantic cannot express (also in `fidelity.json`). */
  fidelity: FidelityEntry[];
}

/**
 * Builds every artifact of a contract in memory: manifest, OpenAPI (JSON and YAML), one JSON Schema
 * file per named schema and event version, the standalone TypeScript client, Pydantic v2 models
 * and the fidelity report. The same sources give byte-identical files.
 * @example const { files } = await buildArtifacts({ modules: [accountsModule] });
 */
export async function buildArtifacts(sources: ArtifactSources, options: BuildArtifactsOptions = {}): Promise<ArtifactSet> {
  const stage = async (name: string) => {
    options.onStage?.(name);
    // Yield between parts so a progress timer can fire on long builds.
    await new Promise((resolve) => setImmediate(resolve));
  };
  const files = new Map<string, string>();
  const { modules } = sources;
  const several = modules.length > 1;

  for (const module of modules) {
    await stage(`manifest and client of ${module.manifest.name}`);
    const prefix = several ? `${module.manifest.name}/` : '';
    files.set(`${prefix}manifest.json`, formatJson(module.manifest));
    if (module.routes.length > 0) files.set(`${prefix}client.ts`, generateClient(module));
  }
  if (modules.length > 0) {
    await stage('OpenAPI document');
    const document = generateOpenApi(modules, sources.openapi as never);
    files.set('openapi.json', openApiToJson(document));
    files.set('openapi.yaml', openApiToYaml(document));
  }

  for (const module of modules) {
    if (!module.manifest.events?.length) continue;
    await stage(`AsyncAPI document of ${module.manifest.name}`);
    const prefix = several ? `${module.manifest.name}/` : '';
    const document = generateAsyncApi(module);
    files.set(`${prefix}asyncapi.json`, asyncApiToJson(document));
    files.set(`${prefix}asyncapi.yaml`, await asyncApiToYaml(document));
  }

  await stage('JSON Schema files');
  const documents = schemaDocuments(modules, sources.schemas ?? {});
  const draft = options.draft ?? '2020-12';
  const schemaFiles = withEventFiles(toSchemaFiles(documents, draft), modules);
  for (const [file, schema] of schemaFiles) files.set(`schemas/${file}`, formatJson(schema));

  await stage('Pydantic models');
  const modern = draft === '2020-12' ? schemaFiles : withEventFiles(toSchemaFiles(documents, '2020-12'), modules);
  const python = generatePydantic(modern);
  for (const [file, text] of python.files) files.set(`python/${file}`, text);

  await stage('fidelity report');
  const fidelity = [...collectFidelity(modules, sources.schemas ?? {}), ...python.lossy];
  files.set('fidelity.json', formatJson({ constructs: fidelity }));

  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), fidelity };
}

// Every module's schema documents and the extra schemas', merged; one name must mean one schema.
function schemaDocuments(modules: readonly ContractModule[], extra: Readonly<Record<string, AnySchema>>): Record<string, JsonSchema> {
  const documents: Record<string, JsonSchema> = {};
  const owners: Record<string, string> = {};
  const conflicts: string[] = [];
  const add = (owner: string, converted: Record<string, JsonSchema>) => {
    for (const [file, document] of Object.entries(converted)) {
      const existing = documents[file];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(document)) {
        conflicts.push(`${file}: ${owners[file]} and ${owner} define different schemas under this name`);
        continue;
      }
      documents[file] = document;
      owners[file] ??= owner;
    }
  };
  for (const module of modules) add(`module ${module.manifest.name}`, moduleJsonSchemas(module));
  if (Object.keys(extra).length > 0) {
    // A module of its own for the extra schemas, so they reference the modules' named schemas by name.
    const named: Record<string, AnySchema> = {};
    for (const module of modules) for (const name of module.namedSchemas) named[name] = module.schemas[name] as AnySchema;
    const holder = createModule({ manifest: { name: 'schemas', version: '0.0.0', kind: 'backend' }, schemas: { ...named, ...extra } });
    add('the configured schemas', moduleJsonSchemas(holder));
  }
  if (conflicts.length > 0) throw new ArtifactInputError(`schema names clash:\n${conflicts.map((c) => `  ${c}`).join('\n')}`);
  return documents;
}

// Event payloads are published as `<type>.v<N>.schema.json`, whether their schema is named or not.
function withEventFiles(files: Map<string, JsonSchema>, modules: readonly ContractModule[]): Map<string, JsonSchema> {
  const out = new Map(files);
  for (const module of modules) {
    for (const event of module.manifest.events ?? []) {
      for (const { v, payload } of event.versions) {
        // An unnamed payload is already `<type>.v<N>`; a named one gets a file that refers to it.
        const name = `${event.type}.v${v}`;
        if (payload.name === name || out.has(schemaFileName(name)) || !out.has(schemaFileName(payload.name))) continue;
        const { $schema } = out.get(schemaFileName(payload.name)) as JsonSchema;
        out.set(schemaFileName(name), { $schema, $id: schemaFileName(name), title: name, $ref: schemaFileName(payload.name) });
      }
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
