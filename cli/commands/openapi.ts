import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GenerateOpenApiOptions } from '../../openapi/openapi-options.js';
import { formatOf, parseFlags, UsageError, type Command } from '../args.js';
import { importFile, loadModule } from '../load-module.js';

const usage = [
  'Usage: module-contract openapi --module <file.js> [--out <file.json|file.yaml>] [--openapi 3.1.0|3.0.3] [--options <file.js>]',
  '  --out      write to a file; its extension picks JSON or YAML (default: JSON on stdout)',
  '  --openapi  the OpenAPI version (default 3.1.0)',
  '  --options  a file whose default export (or one `...OpenApiOptions` export) holds info, servers, securitySchemes, tags, examples',
].join('\n');

const VERSIONS = ['3.1.0', '3.0.3'] as const;

export const openapiCommand: Command = {
  name: 'openapi',
  summary: "print or write a module's OpenAPI document (JSON or YAML)",
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { module: { type: 'string' }, out: { type: 'string' }, openapi: { type: 'string' }, options: { type: 'string' } }, usage);
    if (values.help) return io.out(usage);
    if (!values.module) throw new UsageError(`--module is required\n\n${usage}`);
    const version = values.openapi ?? '3.1.0';
    if (!(VERSIONS as readonly string[]).includes(version)) throw new UsageError(`--openapi must be one of ${VERSIONS.join(', ')}, not "${version}"`);
    const format = values.out ? formatOf(values.out) : 'json';
    const module = await loadModule(values.module, io.cwd);
    const options = values.options ? await loadOptions(values.options, io.cwd) : {};
    // Loaded on use, so commands that need no OpenAPI work without its optional peers installed.
    const { generateOpenApi } = await import('../../openapi/generate-openapi.js');
    const { openApiToJson, openApiToYaml } = await import('../../openapi/format-document.js');
    const document = generateOpenApi(module, { ...options, openapi: version } as never);
    const text = format === 'yaml' ? openApiToYaml(document) : openApiToJson(document);
    if (values.out) {
      writeFileSync(resolve(io.cwd, values.out), text);
      io.err(`[openapi] wrote ${values.out} (OpenAPI ${version})`);
    } else io.out(text.trimEnd());
  },
};

async function loadOptions(file: string, cwd: string): Promise<Omit<GenerateOpenApiOptions, 'openapi'>> {
  const exports = await importFile(file, cwd);
  const named = Object.keys(exports).filter((key) => /OpenApiOptions$/i.test(key));
  const options = exports.default ?? (named.length === 1 ? exports[named[0] as string] : undefined);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new UsageError(`${file}: exports no options object (expected a default export, or one export named "...OpenApiOptions")`);
  }
  return options as Omit<GenerateOpenApiOptions, 'openapi'>;
}
