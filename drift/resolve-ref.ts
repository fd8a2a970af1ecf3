import { pointerGet } from './json-pointer.js';

/** A JSON Schema node: an object schema or a boolean schema. */
export type SchemaNode = Record<string, unknown> | boolean;

/**
 * Finds the document a cross-file `$ref` names. `ref` is the part before `#` (as written),
 * `fromDocId` the `$id` (or key) of the document that holds the `$ref`.
 */
export interface RefResolver {
  resolve(ref: string, fromDocId: string | undefined): SchemaNode | undefined;
}

/** A schema node together with the document it sits in, so its local `$ref`s can be followed. */
export interface SchemaLocation {
  schema: SchemaNode;
  root: unknown;
  docId?: string;
}

const BASE = 'https://drift.invalid/';

/** Resolves `ref` against `fromDocId` as URIs do (`a/b.json` + `c.json` → `a/c.json`). */
export function resolveUri(ref: string, fromDocId: string | undefined): string {
  try {
    const base = new URL(fromDocId ?? '', BASE);
    const resolved = new URL(ref, base).href;
    return resolved.startsWith(BASE) ? resolved.slice(BASE.length) : resolved;
  } catch {
    return ref;
  }
}

/**
 * A resolver over a set of documents, found by key, by `$id`, by the URI resolved against the
 * referring document, or by file name.
 *
 * @example
 * const resolver = createSchemaStore({ 'Account.schema.json': account, 'Page.schema.json': page });
 */
export function createSchemaStore(documents: Record<string, SchemaNode>): RefResolver {
  const byId = new Map<string, SchemaNode>();
  const add = (key: string, doc: SchemaNode) => {
    if (!byId.has(key)) byId.set(key, doc);
    const base = key.split('/').pop() as string;
    if (!byId.has(base)) byId.set(base, doc);
  };
  for (const [key, doc] of Object.entries(documents)) {
    if (typeof doc === 'object' && typeof doc.$id === 'string') add(doc.$id, doc);
    add(key, doc);
  }
  return {
    resolve(ref, fromDocId) {
      return byId.get(resolveUri(ref, fromDocId)) ?? byId.get(ref) ?? byId.get(ref.split('/').pop() as string);
    },
  };
}

/** Follows one `$ref`: a local pointer (`#/$defs/X`) in the same document, or another document through `resolver`. */
export function resolveRef(ref: string, from: SchemaLocation, resolver?: RefResolver): SchemaLocation | undefined {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let root = from.root;
  let docId = from.docId;
  if (file !== '') {
    const doc = resolver?.resolve(file, from.docId);
    if (doc === undefined) return undefined;
    root = doc;
    docId = typeof doc === 'object' && typeof doc.$id === 'string' ? doc.$id : resolveUri(file, from.docId);
  }
  const target = fragment.startsWith('/') || fragment === '' ? pointerGet(root, fragment) : findAnchor(root, fragment);
  if (typeof target !== 'boolean' && (target === null || typeof target !== 'object')) return undefined;
  return { schema: target as SchemaNode, root, ...(docId !== undefined ? { docId } : {}) };
}

function findAnchor(node: unknown, anchor: string): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  if ((node as Record<string, unknown>).$anchor === anchor) return node;
  for (const value of Object.values(node)) {
    const found = findAnchor(value, anchor);
    if (found !== undefined) return found;
  }
  return undefined;
}
