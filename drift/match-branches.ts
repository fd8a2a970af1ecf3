import type { RefResolver, SchemaLocation } from './resolve-ref.js';
import { deref, fingerprint, viewOf } from './schema-view.js';

export interface BranchMatch {
  /** `[beforeIndex, afterIndex]` pairs to compare. */
  pairs: [number, number][];
  removed: number[];
  added: number[];
}

/**
 * Pairs the branches of two unions (or `allOf` lists): same shape first (whatever the `$ref`
 * names), then same kind (types and constant discriminators) in order, then a lone leftover on
 * each side. Pairing only chooses what is compared, so a poor pairing can only over-report.
 */
export function matchBranches(before: SchemaLocation[], after: SchemaLocation[], beforeResolver?: RefResolver, afterResolver?: RefResolver): BranchMatch {
  const pairs: [number, number][] = [];
  const leftBefore = new Set(before.keys());
  const leftAfter = new Set(after.keys());
  const pairBy = (keyOf: (loc: SchemaLocation, resolver?: RefResolver) => string) => {
    const afterKeys = new Map<number, string>([...leftAfter].map((i) => [i, keyOf(after[i] as SchemaLocation, afterResolver)]));
    for (const bi of [...leftBefore]) {
      const key = keyOf(before[bi] as SchemaLocation, beforeResolver);
      const ai = [...leftAfter].find((i) => afterKeys.get(i) === key);
      if (ai === undefined) continue;
      pairs.push([bi, ai]);
      leftBefore.delete(bi);
      leftAfter.delete(ai);
    }
  };
  pairBy(fingerprint);
  pairBy(kindKey);
  if (leftBefore.size === 1 && leftAfter.size === 1) {
    pairs.push([[...leftBefore][0] as number, [...leftAfter][0] as number]);
    leftBefore.clear();
    leftAfter.clear();
  }
  return { pairs: pairs.sort((x, y) => x[0] - y[0]), removed: [...leftBefore], added: [...leftAfter] };
}

function kindKey(location: SchemaLocation, resolver?: RefResolver): string {
  const target = deref(location, resolver);
  if (typeof target.schema !== 'object') return String(target.schema);
  const view = viewOf(target, resolver);
  const types = view.types ? [...view.types].sort().join('|') : '*';
  const properties = view.schema.properties;
  const discriminators: string[] = [];
  if (properties && typeof properties === 'object') {
    for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
      const property = deref({ ...target, schema: raw as never }, resolver).schema;
      if (typeof property !== 'object') continue;
      if ('const' in property) discriminators.push(`${name}=${JSON.stringify(property.const)}`);
      else if (Array.isArray(property.enum) && property.enum.length === 1) discriminators.push(`${name}=${JSON.stringify(property.enum[0])}`);
    }
  }
  return `${types}${view.union ? `|${view.union.kind}` : ''}|${discriminators.sort().join(',')}`;
}
