import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseFlags, UsageError, type Command } from '../args.js';
import { loadModule } from '../load-module.js';

const usage = 'Usage: module-contract client --module <file.js> --out <client.ts>';

export const clientCommand: Command = {
  name: 'client',
  summary: 'write a standalone TypeScript client for a module (types and fetch, no dependencies)',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, { module: { type: 'string' }, out: { type: 'string' } }, usage);
    if (values.help) return io.out(usage);
    if (!values.module || !values.out) throw new UsageError(`--module and --out are required\n\n${usage}`);
    if (!values.out.endsWith('.ts')) throw new UsageError(`${values.out}: the client is TypeScript; name a .ts file\n\n${usage}`);
    const module = await loadModule(values.module, io.cwd);
    // Loaded on use, so the other commands work without this one's dependencies.
    const { generateClient } = await import('../../adapters/client/codegen/generate-client.js');
    let source: string;
    try {
      source = generateClient(module);
    } catch (error) {
      throw new UsageError(`${values.module}: ${(error as Error).message}`);
    }
    const out = resolve(io.cwd, values.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, source);
    io.err(`[client] wrote ${values.out} (${module.routes.length} routes)`);
  },
};
