import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateOpenApi, openApiToJson, openApiToYaml, type OpenApiDocument } from '@webstir-io/module-contract/openapi';
import { accountsOpenApi, accountsOpenApiOptions } from '../examples/accounts/openapi-docs.js';
import { createAccountsModule } from './fixtures/accounts.js';

const generatedDir = join(import.meta.dirname, '..', 'examples', 'accounts', 'generated');

async function validate(document: OpenApiDocument): Promise<{ openapi?: string }> {
  return (await SwaggerParser.validate(structuredClone(document) as never)) as { openapi?: string };
}

/** Every `$ref` in a document, with how often it occurs. */
function refCounts(document: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') counts[inner] = (counts[inner] ?? 0) + 1;
        else walk(inner);
      }
    }
  };
  walk(document);
  return counts;
}

describe('the Accounts OpenAPI document', () => {
  const v31 = accountsOpenApi(createAccountsModule());
  const v30 = generateOpenApi(createAccountsModule(), { ...(accountsOpenApiOptions as object), openapi: '3.0.3' });

  it('is valid OpenAPI 3.1 and 3.0 for an independent validator', async () => {
    const checked31 = await validate(v31);
    expect(checked31.openapi).toBe('3.1.0');
    const checked30 = await validate(v30);
    expect(checked30.openapi).toBe('3.0.3');
    // The validator can fail: a response without its description is refused.
    const broken = structuredClone(v31) as any;
    delete broken.paths['/api/accounts'].get.responses['200'].description;
    await expect(validate(broken)).rejects.toThrow(/description/);
  });

  it('has one operation per route of the example, with unique operationIds', () => {
    const operations = Object.entries(v31.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId: string }>).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations).toEqual([
      'GET /api/accounts accountsList',
      'POST /api/accounts accountsCreate',
      'GET /api/accounts/{id} accountsGet',
      'DELETE /api/accounts/{id} accountsRemove',
    ]);
  });

  it('references named schemas instead of copying them, and the kit responses once each, holding ModuleError', () => {
    expect(refCounts(v31.paths)).toEqual({
      '#/components/schemas/AccountPage': 1,
      '#/components/schemas/Account': 2,
      '#/components/schemas/CreateAccount': 1,
      '#/components/schemas/ModuleError': 3,
      '#/components/responses/BadRequest': 4,
      '#/components/responses/Unauthorized': 1,
      '#/components/responses/Forbidden': 1,
      '#/components/responses/PayloadTooLarge': 1,
      '#/components/responses/UnsupportedMediaType': 1,
      '#/components/responses/InternalError': 4,
    });
    expect(refCounts(v31.components)).toEqual({ '#/components/schemas/Account': 2, '#/components/schemas/ModuleError': 6 });
    expect(JSON.stringify(v31.paths)).not.toContain('"createdAt"');
  });

  it('matches the committed files that `npm run build` writes', () => {
    expect(readFileSync(join(generatedDir, 'openapi.json'), 'utf8')).toBe(openApiToJson(v31));
    expect(readFileSync(join(generatedDir, 'openapi.yaml'), 'utf8')).toBe(openApiToYaml(v31));
    expect(parseYaml(openApiToYaml(v31))).toEqual(JSON.parse(openApiToJson(v31)));
  });

  it('keeps docs-only data out of the frontend bundle, which carries the contract', () => {
    const bundle = readFileSync(join(import.meta.dirname, '..', 'examples', 'accounts', 'web', 'dist', 'main.js'), 'utf8');
    expect(bundle).toContain('/accounts/:id');
    for (const docsOnly of ['Accounts, by id', accountsOpenApiOptions.examples.Account[0]!.id, 'securitySchemes', 'swagger']) {
      expect(bundle).not.toContain(docsOnly);
    }
  });

  it('writes examples the way each version wants', () => {
    expect(v31.components?.schemas?.Account).toHaveProperty('examples');
    expect(v30.components?.schemas?.Account).toHaveProperty('example');
    expect(v30.components?.schemas?.Account).not.toHaveProperty('examples');
  });

  it('reads as this YAML (3.1)', () => {
    expect(openApiToYaml(v31)).toMatchInlineSnapshot(`
      "openapi: 3.1.0
      info:
        title: Accounts API
        version: 1.0.0
        description: "The Accounts example module: list, read, create and delete accounts."
      tags:
        - name: accounts
          description: Accounts, by id
      paths:
        /api/accounts:
          get:
            operationId: accountsList
            tags:
              - accounts
            summary: List accounts, a page at a time
            parameters:
              - name: page
                in: query
                schema:
                  type: integer
                  minimum: 1
                  default: 1
              - name: limit
                in: query
                schema:
                  type: integer
                  minimum: 1
                  maximum: 100
                  default: 20
            responses:
              "200":
                description: OK
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/AccountPage"
              "400":
                $ref: "#/components/responses/BadRequest"
              "500":
                $ref: "#/components/responses/InternalError"
          post:
            operationId: accountsCreate
            tags:
              - accounts
            summary: Create an account
            description: Fails with 409 \`email_taken\` when the email is already registered.
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/CreateAccount"
            responses:
              "201":
                description: Created
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/Account"
              "400":
                $ref: "#/components/responses/BadRequest"
              "409":
                description: Conflict
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/ModuleError"
              "413":
                $ref: "#/components/responses/PayloadTooLarge"
              "415":
                $ref: "#/components/responses/UnsupportedMediaType"
              "500":
                $ref: "#/components/responses/InternalError"
        /api/accounts/{id}:
          get:
            operationId: accountsGet
            tags:
              - accounts
            summary: Get one account
            parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: string
                  format: uuid
                  pattern: ^[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}$
            responses:
              "200":
                description: OK
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/Account"
              "400":
                $ref: "#/components/responses/BadRequest"
              "404":
                description: Not Found
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/ModuleError"
              "500":
                $ref: "#/components/responses/InternalError"
          delete:
            operationId: accountsRemove
            tags:
              - accounts
            summary: Delete an account
            parameters:
              - name: id
                in: path
                required: true
                schema:
                  type: string
                  format: uuid
                  pattern: ^[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}$
            responses:
              "204":
                description: No Content
              "400":
                $ref: "#/components/responses/BadRequest"
              "401":
                $ref: "#/components/responses/Unauthorized"
              "403":
                $ref: "#/components/responses/Forbidden"
              "404":
                description: Not Found
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/ModuleError"
              "500":
                $ref: "#/components/responses/InternalError"
            security:
              - bearer:
                  - accounts:delete
            x-permissions:
              - accounts:delete
      components:
        schemas:
          Account:
            type: object
            properties:
              id:
                type: string
                format: uuid
                pattern: ^[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}$
              email:
                type: string
                pattern: ^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-\\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$
              name:
                type: string
                minLength: 1
                maxLength: 100
              createdAt:
                type: string
                pattern: ^(([0-9][0-9][2468][048]|[0-9][0-9][13579][26]|[0-9][0-9]0[48]|[02468][048]00|[13579][26]00)-02-29|[0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|(02)-(0[1-9]|1[0-9]|2[0-8])))T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?(Z)$
            required:
              - id
              - email
              - name
              - createdAt
            examples:
              - id: 3f1d2a9e-5c1b-4a8e-9d7f-2b6c8e4a1f00
                email: ada@example.com
                name: Ada Lovelace
                createdAt: 2024-01-01T00:00:00.000Z
          AccountPage:
            type: object
            properties:
              items:
                type: array
                items:
                  $ref: "#/components/schemas/Account"
              page:
                type: integer
                minimum: 1
              limit:
                type: integer
                minimum: 1
              total:
                type: integer
                minimum: 0
            required:
              - items
              - page
              - limit
              - total
          AccountProfile:
            type: object
            properties:
              account:
                $ref: "#/components/schemas/Account"
              title:
                type: string
            required:
              - account
              - title
          CreateAccount:
            type: object
            properties:
              email:
                type: string
                pattern: ^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-\\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$
              name:
                type: string
                minLength: 1
                maxLength: 100
            required:
              - email
              - name
            examples:
              - email: ada@example.com
                name: Ada Lovelace
          ModuleError:
            type: object
            properties:
              code:
                type: string
                minLength: 1
              message:
                type: string
              details: {}
              cause: {}
              correlationId:
                type: string
            required:
              - code
              - message
            additionalProperties: false
        responses:
          BadRequest:
            description: The request does not match the contract; \`details\` lists every issue.
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/ModuleError"
          Unauthorized:
            description: No valid session.
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/ModuleError"
          Forbidden:
            description: The session lacks a permission the route requires.
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/ModuleError"
          PayloadTooLarge:
            description: The request body is over the server's size limit.
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/ModuleError"
          UnsupportedMediaType:
            description: The request body is not of the content type the route takes.
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/ModuleError"
          InternalError:
            description: An unexpected error. The body carries a correlation id, never internals.
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/ModuleError"
        securitySchemes:
          bearer:
            type: http
            scheme: bearer
            description: "A demo token: \`demo-admin\` may delete accounts, \`demo-reader\` may not."
      "
    `);
  });

  it('differs in 3.0 only where the versions differ', () => {
    const diff = (a: any, b: any, at = ''): string[] => {
      if (JSON.stringify(a) === JSON.stringify(b)) return [];
      if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return [`${at}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`];
      return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => diff(a[key], b[key], `${at}/${key}`));
    };
    expect(diff(v31, v30)).toMatchInlineSnapshot(`
      [
        "/openapi: "3.1.0" → "3.0.3"",
        "/paths//api/accounts/{id}/delete/security/0/bearer/0: "accounts:delete" → undefined",
        "/components/schemas/Account/examples: [{"id":"3f1d2a9e-5c1b-4a8e-9d7f-2b6c8e4a1f00","email":"ada@example.com","name":"Ada Lovelace","createdAt":"2024-01-01T00:00:00.000Z"}] → undefined",
        "/components/schemas/Account/example: undefined → {"id":"3f1d2a9e-5c1b-4a8e-9d7f-2b6c8e4a1f00","email":"ada@example.com","name":"Ada Lovelace","createdAt":"2024-01-01T00:00:00.000Z"}",
        "/components/schemas/CreateAccount/examples: [{"email":"ada@example.com","name":"Ada Lovelace"}] → undefined",
        "/components/schemas/CreateAccount/example: undefined → {"email":"ada@example.com","name":"Ada Lovelace"}",
      ]
    `);
  });
});
