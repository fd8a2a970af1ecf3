import type { ContractModule } from '../src/create-module.js';
import type { AnySchema } from '../src/route-spec.js';

/** One construct a target cannot express. */
export interface FidelityEntry {
  /** The schema (file stem) it sits in. */
  schema: string;
  /** Where, as a JSON pointer into the schema (`/` for the root) or a Zod path. */
  path: string;
  /** What it is: `refine`, `transform`, `allOf`, `format uri`... */
  construct: string;
  /** What cannot express it. */
  target: 'json-schema' | 'pydantic';
  reason: string;
}

/** Zod constructs of the modules' and extra schemas that JSON Schema cannot express. */
export function collectFidelity(modules: readonly ContractModule[], schemas: Readonly<Record<string, AnySchema>>): FidelityEntry[] {
  void modules;
  void schemas;
  return [];
}
