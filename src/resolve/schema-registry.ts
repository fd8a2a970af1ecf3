import type { ProblemList } from '../problems.js';
import type { AnySchema } from '../route-spec.js';
import type { SchemaReference } from '../schema-reference.js';

/** Gives every schema a stable name: its registered name, or one derived from where it is used. */
export class SchemaRegistry {
  readonly byName: Record<string, AnySchema> = {};
  private readonly names = new Map<AnySchema, string>();

  constructor(
    private readonly source: string,
    named: Record<string, AnySchema>,
    problems: ProblemList,
  ) {
    for (const [name, schema] of Object.entries(named)) {
      if (!schema || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') {
        problems.add(`schemas.${name}`, 'is not a Zod schema');
        continue;
      }
      this.byName[name] = schema;
      if (!this.names.has(schema)) this.names.set(schema, name);
    }
  }

  reference(schema: AnySchema, derivedName: string, kind: SchemaReference['kind']): SchemaReference {
    const named = this.names.get(schema);
    if (named) return { kind: 'zod', name: named, source: this.source };
    this.byName[derivedName] = schema;
    return { kind, name: derivedName, source: this.source };
  }
}
