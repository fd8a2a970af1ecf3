import type { ContractModule } from '@webstir-io/module-contract';
import { generateOpenApi, type OpenApi31Options } from '@webstir-io/module-contract/openapi';
import { createAvatarsModule } from './avatars-module.js';
import { MemoryAccountStore } from './store.js';

/** What the Avatars API's documentation says beyond the contract. */
export const avatarsOpenApiOptions = {
  info: {
    title: 'Avatars API',
    version: '1.0.0',
    description: 'The Avatars module of the Accounts example: one image per account, uploaded as multipart/form-data.',
  },
  tags: [{ name: 'avatars', description: 'Account avatars' }],
} satisfies Omit<OpenApi31Options, 'openapi'>;

/** The Avatars OpenAPI 3.1 document, served at `/docs/avatars` and written to `generated/avatars.openapi.{json,yaml}` by the build. */
export function avatarsOpenApi(module: ContractModule = createAvatarsModule(new MemoryAccountStore())) {
  return generateOpenApi(module, avatarsOpenApiOptions);
}
