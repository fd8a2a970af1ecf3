import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJson, kitJsonSchemas } from '../openapi/json-schema.js';

/** Writes schema/*.schema.json from the kit's Zod schemas. Run by `npm run build`. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'schema');
mkdirSync(out, { recursive: true });
const schemas = kitJsonSchemas();
for (const [file, schema] of Object.entries(schemas)) writeFileSync(join(out, file), formatJson(schema));
console.log(`[schemas] wrote ${Object.keys(schemas).length} files to schema/`);
