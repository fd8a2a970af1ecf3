import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiToJson, openApiToYaml, type OpenApiDocument } from '@webstir-io/module-contract/openapi';
import { avatarsOpenApi } from './avatars-openapi-docs.js';
import { accountsOpenApi } from './openapi-docs.js';

/** The files of `examples/accounts/generated/`, by name, as the build writes them. */
export function accountsOpenApiFiles(document: OpenApiDocument = accountsOpenApi()): Record<string, string> {
  const avatars = avatarsOpenApi();
  return {
    'openapi.json': openApiToJson(document),
    'openapi.yaml': openApiToYaml(document),
    'avatars/openapi.json': openApiToJson(avatars),
    'avatars/openapi.yaml': openApiToYaml(avatars),
  };
}

/** Writes `examples/accounts/generated/openapi.json` and `openapi.yaml` (run from `dist/` by the build). */
export async function writeAccountsOpenApi(): Promise<string> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const out = join(root, 'examples', 'accounts', 'generated');
  mkdirSync(out, { recursive: true });
  const document = accountsOpenApi();
  for (const [file, text] of Object.entries(accountsOpenApiFiles(document))) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  const operations = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
  return `OpenAPI ${document.openapi}, ${operations} operations, written to ${relative(root, out)}/openapi.{json,yaml} (and avatars/)`;
}
