import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiToJson, openApiToYaml, type OpenApiDocument } from '@webstir-io/module-contract/openapi';
import { avatarsOpenApi } from './avatars-openapi-docs.js';

/** Where the Avatars module's document is committed; the Accounts artifact set is `generated/`. */
export const AVATARS_GENERATED_DIR = 'examples/accounts/avatars-generated';

/** The files of the Avatars document, by name, as the build writes them. */
export function avatarsOpenApiFiles(document: OpenApiDocument = avatarsOpenApi()): Record<string, string> {
  return { 'openapi.json': openApiToJson(document), 'openapi.yaml': openApiToYaml(document) };
}

/** Writes the Avatars document (run from `dist/` by the build). */
export async function writeAvatarsOpenApi(): Promise<string> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const out = join(root, AVATARS_GENERATED_DIR);
  mkdirSync(out, { recursive: true });
  const document = avatarsOpenApi();
  for (const [file, text] of Object.entries(avatarsOpenApiFiles(document))) writeFileSync(join(out, file), text);
  return `OpenAPI ${document.openapi} written to ${relative(root, out)}/openapi.{json,yaml}`;
}
