// Writes examples/events/generated/: the manifest, the AsyncAPI document and one JSON Schema per event version.
// Run with `npm run example:events:build`; a test checks the committed files against a fresh build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventArtifacts } from './artifacts.js';

const out = join(dirname(fileURLToPath(import.meta.url)), 'generated');
const files = await eventArtifacts();
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
}
console.log(`[example] events: wrote ${Object.keys(files).length} files to examples/events/generated/`);
