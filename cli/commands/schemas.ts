import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatJson } from '../format-json.js';
import { parseFlags, UsageError, type Command } from '../args.js';
import { loadModule } from '../load-module.js';

const usage = 'Usage: module-contract schemas --module <file.js> --out <dir>';

export const schemasCommand: Command = {
  name: 'schemas',
  summary: "write one JSON Schema file per schema of a module (for Python/Pydantic and other languages)",
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { module: { type: 'string' }, out: { type: 'string' } }, usage);
    if (values.help) return io.out(usage);
    if (!values.module || !values.out) throw new UsageError(`--module and --out are required\n\n${usage}`);
    const module = await loadModule(values.module, io.cwd);
    const dir = resolve(io.cwd, values.out);
    mkdirSync(dir, { recursive: true });
    const { moduleJsonSchemas } = await import('../../openapi/json-schema.js');
    const files = moduleJsonSchemas(module);
    for (const [file, schema] of Object.entries(files)) writeFileSync(join(dir, file), formatJson(schema));
    io.err(`[schemas] wrote ${Object.keys(files).length} files to ${values.out}`);
  },
};
