import type { SchemaDescription } from './schema-description.js';

/**
 * Whether a value described by `node` may be left out: on the input side (Zod accepts
 * `undefined`), or on the output side (the parsed object may lack the key).
 */
export function mayBeAbsent(node: SchemaDescription, io: 'input' | 'output', seen = new Set<SchemaDescription>()): boolean {
  if (seen.has(node)) return false;
  seen.add(node);
  switch (node.kind) {
    case 'optional':
    case 'undefined':
    case 'void':
    case 'any':
    case 'unknown':
      return true;
    case 'default':
      return io === 'input';
    case 'catch':
      return io === 'input' || mayBeAbsent(node.inner, io, seen);
    case 'literal':
      return node.value === undefined;
    case 'nullable':
    case 'readonly':
    case 'brand':
    case 'lazy':
      return mayBeAbsent(node.inner, io, seen);
    case 'effect':
      if (node.effect === 'preprocess' && io === 'input') return safeAccepts(node, undefined);
      // z.custom()/z.instanceof() decide for themselves whether undefined passes.
      if (node.effect === 'custom') return safeAccepts(node, undefined);
      return mayBeAbsent(node.inner, io, seen);
    case 'pipe':
      return mayBeAbsent(io === 'input' ? node.in : node.out, io, seen);
    case 'union':
      return node.options.some((option) => mayBeAbsent(option, io, new Set(seen)));
    default:
      return false;
  }
}

/** Whether `null` is accepted (input) or may come out (output). */
export function mayBeNull(node: SchemaDescription, io: 'input' | 'output', seen = new Set<SchemaDescription>()): boolean {
  if (seen.has(node)) return false;
  seen.add(node);
  switch (node.kind) {
    case 'nullable':
    case 'null':
    case 'any':
    case 'unknown':
      return true;
    case 'literal':
      return node.value === null;
    case 'optional':
    case 'readonly':
    case 'brand':
    case 'lazy':
    case 'default':
      return mayBeNull(node.inner, io, seen);
    case 'catch':
      return io === 'input' || mayBeNull(node.inner, io, seen);
    case 'effect':
      if (io === 'output' && (node.effect === 'transform' || node.effect === 'custom')) return true;
      return mayBeNull(node.inner, io, seen);
    case 'pipe':
      return mayBeNull(io === 'input' ? node.in : node.out, io, seen);
    case 'union':
      return node.options.some((option) => mayBeNull(option, io, new Set(seen)));
    default:
      return false;
  }
}

/** The node under wrappers that keep the wire shape (optional, nullable, default, readonly, brand, lazy, refine, the input of a pipe). */
export function unwrapDescription(node: SchemaDescription): SchemaDescription {
  let current = node;
  for (let depth = 0; depth < 64; depth++) {
    switch (current.kind) {
      case 'optional':
      case 'nullable':
      case 'readonly':
      case 'brand':
      case 'lazy':
      case 'default':
      case 'catch':
        current = current.inner;
        continue;
      case 'effect':
        if (current.effect === 'custom') return current;
        current = current.inner;
        continue;
      case 'pipe':
        current = current.in;
        continue;
      default:
        return current;
    }
  }
  return current;
}

/** Whether the node's only accepted value is `undefined`: a response with no content (`z.void()`, `z.undefined()`). */
export function acceptsOnlyUndefined(node: SchemaDescription): boolean {
  const core = unwrapDescription(node);
  return core.kind === 'void' || core.kind === 'undefined' || (core.kind === 'literal' && core.value === undefined);
}

function safeAccepts(node: SchemaDescription, value: unknown): boolean {
  try {
    return node.schema.safeParse(value).success;
  } catch {
    return true;
  }
}
