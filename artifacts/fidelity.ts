import type { ContractModule } from '../src/create-module.js';
import type { AnySchema } from '../src/route-spec.js';
import { lossyConstructs } from '../src/describe/lossy-constructs.js';

/** One construct a target cannot express. */
export interface FidelityEntry {
  /** The schema (its file stem under `schemas/`). */
  schema: string;
  /** Where: a Zod value path (`.items[].email`, `` for the root) or, for Pydantic, a JSON pointer. */
  path: string;
  /** What it is: `refine`, `transform`, `coerce`, `Date`, `allOf`, `format uri`... */
  construct: string;
  /** What cannot express it: JSON Schema (and so every model made from it) or only Pydantic. */
  target: 'json-schema' | 'pydantic';
  reason: string;
  /** The Zod type that carries it, for JSON Schema entries. */
  zodType?: string;
}

const REASONS: Record<string, string> = {
  refine: 'a refinement runs code; JSON Schema keeps only the shape under it',
  custom: 'z.custom() runs code; JSON Schema accepts any value here',
  transform: 'a transform changes the value; JSON Schema describes the input only',
  preprocess: 'preprocessing changes the value before it is checked; JSON Schema describes the checked value',
  coerce: 'coercion accepts other types (a string for a number); JSON Schema describes the coerced value',
  pipe: 'a pipeline checks the value twice; JSON Schema describes the first schema only',
  catch: 'catch replaces an invalid value; JSON Schema refuses it',
  Date: 'a Date is not JSON; JSON Schema describes an ISO string',
  bigint: 'a bigint is not JSON',
  Map: 'a Map is not JSON',
  Set: 'a Set is not JSON; JSON Schema describes an array of unique items',
};

/** Zod constructs in the modules' and the extra schemas that JSON Schema cannot express, by schema and path. */
export function collectFidelity(modules: readonly ContractModule[], schemas: Readonly<Record<string, AnySchema>>): FidelityEntry[] {
  const bySchema = new Map<string, AnySchema>();
  for (const module of modules) for (const [name, schema] of Object.entries(module.schemas)) bySchema.set(name, schema);
  for (const [name, schema] of Object.entries(schemas)) if (!bySchema.has(name)) bySchema.set(name, schema);
  // Path, query and header values arrive as strings: coercing them is how they are read, not a loss.
  const stringInputs = new Set<string>();
  for (const module of modules) {
    for (const route of module.manifest.routes ?? []) for (const part of ['params', 'query', 'headers'] as const) if (route.input[part]) stringInputs.add(route.input[part].name);
    for (const view of module.manifest.views ?? []) if (view.params) stringInputs.add(view.params.name);
  }
  const out: FidelityEntry[] = [];
  for (const [name, schema] of [...bySchema].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const { path, construct, zodType } of lossyConstructs(schema)) {
      if (construct === 'coerce' && stringInputs.has(name)) continue;
      out.push({ schema: name, path: path || '/', construct, target: 'json-schema', reason: REASONS[construct] ?? 'not expressible in JSON', zodType });
    }
  }
  return out;
}

