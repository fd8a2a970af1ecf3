import { z } from 'zod';

/**
 * Where a schema of the manifest lives. `name` is stable across builds: it is either the name
 * the module registered the schema under, or derived from the route name and the part
 * (`accounts.get.params`, `accounts.get.responses.200`).
 */
export interface SchemaReference {
  /** `zod`: a Zod schema of the module; `ts-rest`: taken from a ts-rest contract; `json-schema`: an external JSON Schema document. */
  kind: 'zod' | 'json-schema' | 'ts-rest';
  name: string;
  /** Where the schema comes from: a module name, a contract, or a JSON Schema URI. */
  source?: string;
}

export const SchemaReferenceSchema = z
  .object({
    kind: z.enum(['zod', 'json-schema', 'ts-rest']),
    name: z.string().min(1),
    source: z.string().min(1).optional(),
  })
  .strict();

/** Whether a value is a valid `SchemaReference`. */
export function isSchemaReference(value: unknown): value is SchemaReference {
  return SchemaReferenceSchema.safeParse(value).success;
}
