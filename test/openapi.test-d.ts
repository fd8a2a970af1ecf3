import express from 'express';
import type { oas30, oas31 } from 'openapi3-ts';
import { expectTypeOf } from 'vitest';
import { generateOpenApi, serveDocs, type OpenApiDocument } from '@webstir-io/module-contract/openapi';
import { createAccountsModule } from './fixtures/accounts.js';

const module = createAccountsModule();

// The version option picks the document type.
expectTypeOf(generateOpenApi(module)).toEqualTypeOf<oas31.OpenAPIObject>();
expectTypeOf(generateOpenApi([module, module], { openapi: '3.1.0' })).toEqualTypeOf<oas31.OpenAPIObject>();
expectTypeOf(generateOpenApi(module, { openapi: '3.0.3' })).toEqualTypeOf<oas30.OpenAPIObject>();
expectTypeOf(generateOpenApi(module)).toMatchTypeOf<OpenApiDocument>();

// Docs options are typed by the OpenAPI model of the version.
generateOpenApi(module, {
  info: { title: 'Accounts', description: 'Title and version default to the manifest' },
  servers: [{ url: 'https://api.example.com' }],
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  tags: [{ name: 'accounts', description: 'Accounts, by id' }],
  examples: { Account: [{ id: '1' }] },
});

// @ts-expect-error - only 3.1.0 and 3.0.3 are written
generateOpenApi(module, { openapi: '2.0' });

// @ts-expect-error - a title is text
generateOpenApi(module, { openapi: '3.0.3', info: { title: 42 } });

// @ts-expect-error - route specs are not a module: wrap them with createModule()
generateOpenApi(module.routes);

// @ts-expect-error - a security scheme needs its type
generateOpenApi(module, { securitySchemes: { bearer: { scheme: 'bearer' } } });

// serveDocs takes an Express app or router, and nothing without get().
serveDocs(express(), generateOpenApi(module), { path: '/docs' });
serveDocs(express.Router(), generateOpenApi(module, { openapi: '3.0.3' }));

// @ts-expect-error - serveDocs needs an app or router with get()
serveDocs({}, generateOpenApi(module));

// @ts-expect-error - the path is a string
serveDocs(express(), generateOpenApi(module), { path: 42 });
