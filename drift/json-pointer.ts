/** Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901). */
export function pointerJoin(pointer: string, ...tokens: (string | number)[]): string {
  let out = pointer;
  for (const token of tokens) out += `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return out;
}

/** The value a JSON Pointer (without the leading `#`) points to in `root`, or `undefined`. */
export function pointerGet(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? root : (root as Record<string, unknown> | undefined)?.[''];
  if (!pointer.startsWith('/')) return undefined;
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
