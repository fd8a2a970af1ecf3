import type { Command } from '../args.js';
import { asyncapiCommand } from './asyncapi.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { clientCommand } from './client.js';
import { diffCommand } from './diff.js';
import { discoverCommand } from './discover.js';
import { manifestCommand } from './manifest.js';
import { openapiCommand } from './openapi.js';
import { pythonCommand } from './python.js';
import { schemasCommand } from './schemas.js';
import { validateCommand } from './validate.js';

/** Every CLI command; add one line per new command. */
export const commands: Command[] = [clientCommand, manifestCommand, openapiCommand, schemasCommand, validateCommand];
commands.push(buildCommand, checkCommand, pythonCommand);
commands.push(diffCommand);
commands.push(asyncapiCommand);
commands.push(discoverCommand);
