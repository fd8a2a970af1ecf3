import type { SchemaDescription } from '../src/describe/schema-description.js';
import type { ResolvedRoute } from '../src/resolve/resolved-route.js';
import { operationIdFor } from './operation-id.js';
import { pascal, type SchemaComponents } from './schema-components.js';

/** Kinds worth a component of their own when one instance is used in more than one place. */
const SHAREABLE = new Set<SchemaDescription['kind']>(['object', 'union', 'intersection', 'tuple', 'record', 'array', 'lazy']);

/**
 * Names every unnamed schema instance that the routes use in more than one place, so the document
 * holds it once and refers to it. The name is derived from its first use (`AccountsGetResponse200`);
 * registering a name in `createModule({ schemas })` overrides it.
 */
export function nameSharedSchemas(routes: readonly ResolvedRoute[], components: SchemaComponents): void {
  const uses = new Map<SchemaDescription, { count: number; hint: string; owner: string }>();
  const visit = (node: SchemaDescription, hint: string, owner: string, entered: Set<SchemaDescription>): void => {
    const seen = uses.get(node);
    if (seen) {
      seen.count++;
      return;
    }
    uses.set(node, { count: 1, hint, owner });
    if (entered.has(node)) return;
    entered.add(node);
    for (const [key, child] of children(node)) visit(child, `${hint}${pascal(key)}`, owner, entered);
  };
  for (const route of routes) {
    const hint = pascal(operationIdFor(route.name));
    const owner = `route ${route.name}`;
    const entered = new Set<SchemaDescription>();
    const { body } = route.input;
    if (body) visit(body.described, `${hint}Body`, owner, entered);
    for (const query of route.query) visit(query.described, `${hint}Query${pascal(query.name)}`, owner, entered);
    for (const response of route.responses) if (response.body) visit(response.body.described, `${hint}Response${response.status}`, owner, entered);
  }
  for (const [node, { count, hint, owner }] of uses) {
    if (count < 2 || components.isNamed(node) || !SHAREABLE.has(node.kind)) continue;
    components.claim(components.freeName(hint), node, owner);
  }
}

function children(node: SchemaDescription): [string, SchemaDescription][] {
  switch (node.kind) {
    case 'object':
      return [...Object.entries(node.shape), ...(node.catchall ? [['additional', node.catchall] as [string, SchemaDescription]] : [])];
    case 'array':
    case 'set':
      return [['item', node.items]];
    case 'tuple':
      return node.items.map((item, index) => [`item ${index}`, item] as [string, SchemaDescription]);
    case 'record':
    case 'map':
      return [['values', node.values]];
    case 'union':
      return node.options.map((option, index) => [`option ${index}`, option] as [string, SchemaDescription]);
    case 'intersection':
      return [['left', node.left], ['right', node.right]];
    case 'pipe':
      return [['', node.in], ['', node.out]];
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'brand':
    case 'lazy':
    case 'default':
    case 'catch':
    case 'effect':
      return [['', node.inner]];
    default:
      return [];
  }
}
