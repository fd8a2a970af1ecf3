import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatJson } from '../format-json.js';
import { parseFlags, UsageError, type Command } from '../args.js';
import { loadModule } from '../load-module.js';

const usage = 'Usage: module-contract manifest --module <file.js> [--out <manifest.json>]';

export const manifestCommand: Command = {
  name: 'manifest',
  summary: "print or write a module's manifest JSON",
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { module: { type: 'string' }, out: { type: 'string' } }, usage);
    if (values.help) return io.out(usage);
    if (!values.module) throw new UsageError(`--module is required\n\n${usage}`);
    const module = await loadModule(values.module, io.cwd);
    const text = formatJson(module.manifest);
    if (values.out) {
      writeFileSync(resolve(io.cwd, values.out), text);
      io.err(`[manifest] wrote ${values.out}`);
    } else io.out(text.trimEnd());
  },
};
