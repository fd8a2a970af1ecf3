import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatJson } from '../format-json.js';
import { formatOf, parseFlags, UsageError, type Command } from '../args.js';
import { loadModule } from '../load-module.js';

const usage = [
  'Usage: module-contract asyncapi --module <file.js> [--out <file.json|file.yaml>] [--schemas <dir>]',
  '  --out      write the AsyncAPI 3.0 document to a file; its extension picks JSON or YAML (default: JSON on stdout)',
  '  --schemas  also write event-envelope.schema.json and one <type>.v<N>.schema.json per event version to <dir>',
].join('\n');

export const asyncapiCommand: Command = {
  name: 'asyncapi',
  summary: "print or write a module's AsyncAPI 3.0 document for its events, and their JSON Schemas",
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { module: { type: 'string' }, out: { type: 'string' }, schemas: { type: 'string' } }, usage);
    if (values.help) return io.out(usage);
    if (!values.module) throw new UsageError(`--module is required\n\n${usage}`);
    const format = values.out ? formatOf(values.out) : 'json';
    const module = await loadModule(values.module, io.cwd);
    if (!module.manifest.events?.length) throw new UsageError(`${values.module}: the module declares no events (give createModule events: [emits(...), consumes(...)])`);
    const { asyncApiToJson, asyncApiToYaml, generateAsyncApi } = await import('../../openapi/asyncapi/generate-asyncapi.js');
    const document = generateAsyncApi(module);
    const text = format === 'yaml' ? await asyncApiToYaml(document) : asyncApiToJson(document);
    if (values.schemas) {
      const { eventJsonSchemas } = await import('../../openapi/asyncapi/event-schemas.js');
      const { kitJsonSchemas } = await import('../../openapi/json-schema.js');
      const dir = resolve(io.cwd, values.schemas);
      mkdirSync(dir, { recursive: true });
      const files = { 'event-envelope.schema.json': kitJsonSchemas()['event-envelope.schema.json'], ...eventJsonSchemas(module) };
      for (const [file, schema] of Object.entries(files)) writeFileSync(join(dir, file), formatJson(schema));
      io.err(`[asyncapi] wrote ${Object.keys(files).length} schema files to ${values.schemas}`);
    }
    if (values.out) {
      writeFileSync(resolve(io.cwd, values.out), text);
      io.err(`[asyncapi] wrote ${values.out} (AsyncAPI 3.0.0, ${Object.keys(document.channels).length} channels)`);
    } else io.out(text.trimEnd());
  },
};
