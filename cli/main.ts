#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isUsageError, type CommandIo } from './args.js';
import { commands } from './commands/registry.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: module-contract <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `module-contract <command> --help` for its options.',
  ].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 failure, 2 bad input or usage). */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (isUsageError(error)) {
      io.err(`module-contract ${name}: ${error.message}`);
      return 2;
    }
    io.err(`module-contract ${name}: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}

// npm installs the bin as a symlink; import.meta.url is the resolved file, so compare real paths.
const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isEntry) {
  const code = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
