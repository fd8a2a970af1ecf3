import type { Command } from '../args.js';
import { asyncapiCommand } from './asyncapi.js';
import { clientCommand } from './client.js';
import { manifestCommand } from './manifest.js';
import { openapiCommand } from './openapi.js';
import { schemasCommand } from './schemas.js';
import { validateCommand } from './validate.js';

/** Every CLI command; add one line per new command. */
export const commands: Command[] = [asyncapiCommand, clientCommand, manifestCommand, openapiCommand, schemasCommand, validateCommand];
