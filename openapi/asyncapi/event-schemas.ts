import type { ContractModule } from '../../src/create-module.js';
import { moduleJsonSchemas, type JsonSchema } from '../json-schema.js';

/**
 * One JSON Schema document per event version the module emits or consumes, keyed by
 * `<type>.v<N>.schema.json` and titled `<type>.v<N>`. Each is the module's own JSON Schema of that
 * payload (as `moduleJsonSchemas` writes it), under the event's name, so consumers in other languages
 * find a version's schema by the envelope's `type` and `v` alone.
 */
export function eventJsonSchemas(module: ContractModule): Record<string, JsonSchema> {
  const bySchemaName = moduleJsonSchemas(module);
  const out: Record<string, JsonSchema> = {};
  for (const event of module.manifest.events ?? []) {
    for (const { v, payload } of event.versions) {
      const name = `${event.type}.v${v}`;
      const document = bySchemaName[`${payload.name}.schema.json`];
      if (!document || `${name}.schema.json` in out) continue;
      const renamed: JsonSchema = { ...document, title: name };
      if ('$id' in renamed) renamed.$id = `${name}.schema.json`;
      out[`${name}.schema.json`] = renamed;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
