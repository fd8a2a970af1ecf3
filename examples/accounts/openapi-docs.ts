import type { ContractModule } from '@webstir-io/module-contract';
import { generateOpenApi, type OpenApi31Options } from '@webstir-io/module-contract/openapi';
import accountsModule from './module.js';

/**
 * What the Accounts API's documentation says beyond the contract. It lives here, on the server
 * side, so a frontend that imports the contract bundles none of it.
 */
export const accountsOpenApiOptions = {
  info: {
    title: 'Accounts API',
    version: '1.0.0',
    description: 'The Accounts example module: list, read, create and delete accounts.',
  },
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description: 'A demo token: `demo-admin` may delete accounts, `demo-reader` may not.',
    },
  },
  tags: [{ name: 'accounts', description: 'Accounts, by id' }],
  examples: {
    Account: [{ id: '3f1d2a9e-5c1b-4a8e-9d7f-2b6c8e4a1f00', email: 'ada@example.com', name: 'Ada Lovelace', createdAt: '2024-01-01T00:00:00.000Z' }],
    CreateAccount: [{ email: 'ada@example.com', name: 'Ada Lovelace' }],
  },
} satisfies Omit<OpenApi31Options, 'openapi'>;

/** The Accounts OpenAPI 3.1 document, served at `/docs` and written to `generated/` by the build. */
export function accountsOpenApi(module: ContractModule = accountsModule) {
  return generateOpenApi(module, accountsOpenApiOptions);
}
