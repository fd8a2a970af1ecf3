import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiToJson, openApiToYaml } from '@webstir-io/module-contract/openapi';
import { avatarsOpenApi } from './avatars-openapi-docs.js';
import { accountsOpenApi } from './openapi-docs.js';

/** Writes `examples/accounts/generated/openapi.json` and `openapi.yaml` (run from `dist/` by the build). */
export async function writeAccountsOpenApi(): Promise<string> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const out = join(root, 'examples', 'accounts', 'generated');
  mkdirSync(out, { recursive: true });
  const document = accountsOpenApi();
  writeFileSync(join(out, 'openapi.json'), openApiToJson(document));
  writeFileSync(join(out, 'openapi.yaml'), openApiToYaml(document));
  const avatars = avatarsOpenApi();
  mkdirSync(join(out, 'avatars'), { recursive: true });
  writeFileSync(join(out, 'avatars', 'openapi.json'), openApiToJson(avatars));
  writeFileSync(join(out, 'avatars', 'openapi.yaml'), openApiToYaml(avatars));
  const operations = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
  return `OpenAPI ${document.openapi}, ${operations} operations, written to ${relative(root, out)}/openapi.{json,yaml} (and avatars/)`;
}
