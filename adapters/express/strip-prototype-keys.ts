/**
 * Removes `__proto__` keys, and `constructor` keys holding a `prototype`, from parsed JSON, in
 * place. `JSON.parse` makes them plain own properties, but a later merge or spread could turn
 * them into a prototype change. Iterative, so deep nesting cannot overflow the stack.
 */
export function stripPrototypeKeys<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const pending: object[] = [value];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, unknown> & { __proto__?: unknown; constructor?: unknown };
    if (Object.hasOwn(node, '__proto__')) delete node.__proto__;
    if (Object.hasOwn(node, 'constructor')) {
      const ctor = node.constructor;
      if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) delete node.constructor;
    }
    if (Array.isArray(node)) {
      // A parsed array holds only its items; an index loop is far cheaper than for...in over it.
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (typeof child === 'object' && child !== null) pending.push(child);
      }
      continue;
    }
    for (const key in node) {
      const child = node[key];
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return value;
}
