import type { RefResolver, SchemaLocation, SchemaNode } from './resolve-ref.js';
import type { ChangeSeverity, DiffDirection, RuleId } from './rules.js';
import { SchemaComparator } from './schema-comparator.js';

/** One difference between two schemas. `path` is a JSON Pointer into the schema (through `$ref`s, as the data nests). */
export interface SchemaChange {
  rule: RuleId;
  severity: ChangeSeverity;
  path: string;
  message: string;
}

export interface SchemaDiff {
  /** Whether any change is breaking for the direction. */
  breaking: boolean;
  changes: SchemaChange[];
}

export interface DiffSchemasOptions {
  /** `request`: data the consumer sends; `response`: data the consumer reads (event payloads too); `both`: either. */
  direction: DiffDirection;
  /** Resolves cross-file `$ref`s on both sides; `resolvers` sets each side on its own. */
  resolver?: RefResolver;
  resolvers?: { before?: RefResolver; after?: RefResolver };
  /** The documents the two schemas sit in, when they are nodes of a larger document (an OpenAPI document). @default the schemas */
  roots?: { before?: unknown; after?: unknown };
  /** Ids the documents' relative `$ref`s resolve against. @default their `$id` */
  ids?: { before?: string; after?: string };
  /** Prefix of every reported path. @default '' */
  path?: string;
  /**
   * Results to reuse across calls that compare nodes of the same two documents with the same
   * resolvers (`diffContracts` shares one per direction, as operations share components).
   */
  cache?: SchemaDiffCache;
}

/** A change of a cached pair, its path relative to the pair. */
export type CachedChange = Omit<SchemaChange, 'path'> & { suffix: string };

/** Results of compared node pairs, by direction; see `DiffSchemasOptions.cache`. */
export class SchemaDiffCache {
  private readonly byDirection = new Map<DiffDirection, WeakMap<object, Map<object, CachedChange[]>>>();

  /** @internal */
  for(direction: DiffDirection): WeakMap<object, Map<object, CachedChange[]>> {
    let entries = this.byDirection.get(direction);
    if (!entries) this.byDirection.set(direction, (entries = new WeakMap()));
    return entries;
  }
}

/**
 * Compares two JSON Schemas (draft 2020-12 or draft-07) and lists every change, each with a rule id
 * and the severity it has for `direction`. What it cannot prove compatible is a `warning`; it never
 * reports no change for a keyword it does not understand.
 *
 * @example
 * const { breaking, changes } = diffSchemas(before, after, { direction: 'response' });
 */
export function diffSchemas(before: SchemaNode, after: SchemaNode, options: DiffSchemasOptions): SchemaDiff {
  const cache = (options.cache ?? new SchemaDiffCache()).for(options.direction);
  const comparator = new SchemaComparator(options.direction, options.resolvers?.before ?? options.resolver, options.resolvers?.after ?? options.resolver, cache);
  const location = (schema: SchemaNode, root: unknown, id: string | undefined): SchemaLocation => {
    const docId = id ?? (typeof root === 'object' && root !== null && typeof (root as Record<string, unknown>).$id === 'string' ? ((root as Record<string, unknown>).$id as string) : undefined);
    return { schema, root, ...(docId !== undefined ? { docId } : {}) };
  };
  comparator.compare(location(before, options.roots?.before ?? before, options.ids?.before), location(after, options.roots?.after ?? after, options.ids?.after), options.path ?? '');
  return { breaking: comparator.changes.some((c) => c.severity === 'breaking'), changes: comparator.changes };
}
