import type { CachedChange, SchemaChange } from './diff-schemas.js';
import { pointerJoin } from './json-pointer.js';
import { matchBranches } from './match-branches.js';
import type { RefResolver, SchemaLocation, SchemaNode } from './resolve-ref.js';
import { BOUND_KEYWORDS, boundKind, boundRule, ruleSeverity, type ChangeSeverity, type DiffDirection, type RuleId } from './rules.js';
import { ANNOTATIONS, deref, fingerprint, jsonEqual, viewOf, type SchemaView } from './schema-view.js';

const HANDLED = new Set([
  'type', 'nullable', 'enum', 'const', ...BOUND_KEYWORDS, 'multipleOf', 'pattern', 'format', 'uniqueItems',
  'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'additionalItems',
  'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', 'default', 'deprecated',
]);

type Override = Partial<Record<'request' | 'response', ChangeSeverity>>;
type Openness = { mode: 'open' } | { mode: 'closed' } | { mode: 'schema'; schema: SchemaNode };

/** Values of `list` that `other` lacks; primitives through a set, so large enums stay linear. */
function missingFrom(list: unknown[], other: unknown[]): unknown[] {
  const primitives = new Set(other.filter((v) => v === null || typeof v !== 'object'));
  const objects = other.filter((v) => v !== null && typeof v === 'object');
  return list.filter((v) => (v === null || typeof v !== 'object' ? !primitives.has(v) : !objects.some((o) => jsonEqual(v, o))));
}

function pairSet<T>(map: Map<object, Map<object, T>> | WeakMap<object, Map<object, T>>, a: object, b: object, value: T): void {
  let inner = map.get(a);
  if (!inner) map.set(a, (inner = new Map()));
  inner.set(b, value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const show = (value: unknown) => JSON.stringify(value);

function openness(value: unknown): Openness {
  if (value === undefined || value === true) return { mode: 'open' };
  if (value === false) return { mode: 'closed' };
  if (isRecord(value) && Object.keys(value).every((key) => ANNOTATIONS.has(key))) return { mode: 'open' };
  return { mode: 'schema', schema: value as SchemaNode };
}

/** How often one pair may be compared again without a cached result (inside cycles) before it is cut. */
const MAX_REVISITS = 16;

/** Walks two schemas side by side and collects their changes; see `diffSchemas`. */
export class SchemaComparator {
  readonly changes: SchemaChange[] = [];
  /** Pairs being compared, with their depth: meeting one again is a cycle, assumed equal (co-induction). */
  private readonly stack = new Map<object, Map<object, number>>();
  private readonly revisits = new Map<object, Map<object, number>>();
  private depth = 0;
  /** The shallowest stack depth a cycle inside the current pair reached back to. */
  private lowestCut = Infinity;

  constructor(
    private readonly direction: DiffDirection,
    private readonly before: RefResolver | undefined,
    private readonly after: RefResolver | undefined,
    private readonly cache: WeakMap<object, Map<object, CachedChange[]>>,
  ) {}

  private report(rule: RuleId, path: string, message: string, override?: Override): void {
    this.changes.push({ rule, severity: ruleSeverity(rule, this.direction, override), path, message });
  }

  compare(beforeLocation: SchemaLocation, afterLocation: SchemaLocation, path: string): void {
    const b = deref(beforeLocation, this.before);
    const a = deref(afterLocation, this.after);
    if (b.unresolved || a.unresolved) {
      const refs = [b.unresolved, a.unresolved].filter(Boolean).map((ref) => `"${ref}"`).join(' and ');
      return this.report('ref-unresolved', path, `could not resolve ${refs}, so the schemas behind it were not compared`);
    }
    let bs = b.schema;
    let as = a.schema;
    if (bs === false || as === false) {
      if (bs === false && as !== false) this.report('schema-accepts-values', path, 'the schema was `false` (nothing allowed) and now accepts values');
      if (as === false && bs !== false) this.report('schema-rejects-all', path, 'the schema is now `false`: no value is accepted');
      return;
    }
    if (bs === true) bs = {};
    if (as === true) as = {};
    if (bs === as && b.root === a.root && this.before === this.after) return;
    // Keys are document nodes, so shared components are found again; an overlaid `$ref` is keyed by the `$ref` node.
    const bKey = b.overlaid || b.schema === true ? (beforeLocation.schema as object) : bs;
    const aKey = a.overlaid || a.schema === true ? (afterLocation.schema as object) : as;
    if (typeof bKey !== 'object' || typeof aKey !== 'object') return this.compareViews(viewOf({ ...b, schema: bs }, this.before), viewOf({ ...a, schema: as }, this.after), path);
    const cached = this.cache.get(bKey)?.get(aKey);
    if (cached) {
      for (const { suffix, ...change } of cached) this.changes.push({ ...change, path: path + suffix });
      return;
    }
    // Co-inductive: a pair already on the stack is assumed equal, which ends recursion.
    const onStack = this.stack.get(bKey)?.get(aKey);
    if (onStack !== undefined) {
      this.lowestCut = Math.min(this.lowestCut, onStack);
      return;
    }
    const revisits = this.revisits.get(bKey)?.get(aKey) ?? 0;
    if (revisits >= MAX_REVISITS) {
      // Reported often enough already; but nothing that contains this cut may be cached.
      this.lowestCut = -1;
      return;
    }
    pairSet(this.revisits, bKey, aKey, revisits + 1);
    const depth = this.depth++;
    pairSet(this.stack, bKey, aKey, depth);
    const start = this.changes.length;
    const outerCut = this.lowestCut;
    this.lowestCut = Infinity;
    this.compareViews(viewOf({ ...b, schema: bs }, this.before), viewOf({ ...a, schema: as }, this.after), path);
    const innerCut = this.lowestCut;
    this.stack.get(bKey)?.delete(aKey);
    this.depth--;
    // A result that leans on no pair outside itself holds wherever the pair appears again.
    if (innerCut >= depth) {
      const own = this.changes.slice(start).map(({ path: at, ...change }) => ({ ...change, suffix: at.slice(path.length) }));
      pairSet(this.cache, bKey, aKey, own);
    }
    this.lowestCut = Math.min(outerCut, innerCut);
  }

  private compareViews(b: SchemaView, a: SchemaView, path: string): void {
    if (Boolean(b.union) !== Boolean(a.union)) return this.compareWrapped(b, a, path);
    const composite = (v: SchemaView) => Boolean(v.union) || Array.isArray(v.schema.allOf);
    if (!(b.types === undefined && composite(b)) && !(a.types === undefined && composite(a))) this.compareTypes(b, a, path);
    this.compareNullable(b, a, path);
    this.compareValues(b, a, path);
    this.compareScalars(b.schema, a.schema, path);
    this.compareObjects(b, a, path);
    this.compareArrays(b, a, path);
    if (b.union && a.union) this.compareUnions(b, a, path);
    this.compareAllOf(b, a, path);
    this.compareOpaque(b, a, path);
    this.compareAnnotations(b.schema, a.schema, path);
    this.compareRest(b, a, path);
  }

  private compareTypes(b: SchemaView, a: SchemaView, path: string): void {
    if (b.types === undefined && a.types === undefined) return;
    const typeKey = pointerJoin(path, 'type');
    if (b.types === undefined) return this.report('type-narrowed', typeKey, `any type → ${[...(a.types as Set<string>)].join(' | ') || 'null'}`);
    if (a.types === undefined) return this.report('type-widened', typeKey, `${[...b.types].join(' | ') || 'null'} → any type`);
    const covered = (type: string, set: Set<string>) => set.has(type) || (type === 'integer' && set.has('number'));
    const removed = [...b.types].filter((t) => !covered(t, a.types as Set<string>));
    const added = [...a.types].filter((t) => !covered(t, b.types as Set<string>));
    const summary = `${[...b.types].join(' | ')} → ${[...a.types].join(' | ')}`;
    if (removed.length && added.length) this.report('type-changed', typeKey, `type changed: ${summary}`);
    else if (removed.length) this.report('type-narrowed', typeKey, `type narrowed: ${summary}`);
    else if (added.length) this.report('type-widened', typeKey, `type widened: ${summary}`);
  }

  private compareNullable(b: SchemaView, a: SchemaView, path: string): void {
    const acceptsNull = (v: SchemaView) => v.nullable || (v.types === undefined && v.values === undefined && !v.union && !Array.isArray(v.schema.allOf) && v.schema.not === undefined);
    const before = acceptsNull(b);
    const after = acceptsNull(a);
    if (!before && after) this.report('nullable-added', path, 'the value may now be null');
    if (before && !after) this.report('nullable-removed', path, 'the value may no longer be null');
  }

  private compareValues(b: SchemaView, a: SchemaView, path: string): void {
    const key = (v: SchemaView) => pointerJoin(path, v.valuesFrom ?? 'enum');
    if (b.values && a.values) {
      const removed = missingFrom(b.values, a.values);
      const added = missingFrom(a.values, b.values);
      if (b.valuesFrom === 'const' && a.valuesFrom === 'const') {
        if (removed.length) this.report('const-changed', key(a), `const ${show(b.values[0])} → ${show(a.values[0])}`);
        return;
      }
      if (removed.length) this.report('enum-value-removed', key(b), `enum values removed: ${removed.map(show).join(', ')}`);
      if (added.length) this.report('enum-value-added', key(a), `enum values added: ${added.map(show).join(', ')}`);
    } else if (b.values) {
      this.report(b.valuesFrom === 'const' ? 'const-removed' : 'enum-removed', key(b), `the value is no longer restricted to ${b.values.map(show).join(', ')}`);
    } else if (a.values) {
      this.report(a.valuesFrom === 'const' ? 'const-added' : 'enum-added', key(a), `the value is now restricted to ${a.values.map(show).join(', ')}`);
    }
  }

  private compareScalars(b: Record<string, unknown>, a: Record<string, unknown>, path: string): void {
    for (const keyword of BOUND_KEYWORDS) {
      const before = b[keyword];
      const after = a[keyword];
      if (before === undefined && after === undefined) continue;
      const at = pointerJoin(path, keyword);
      if ((before !== undefined && typeof before !== 'number') || (after !== undefined && typeof after !== 'number')) {
        if (!jsonEqual(before, after)) this.report('unknown-change', at, `\`${keyword}\` changed: ${show(before)} → ${show(after)}`);
        continue;
      }
      if (before === after) continue;
      const stricter = before === undefined ? true : after === undefined ? false : boundKind(keyword) === 'min' ? (after as number) > before : (after as number) < before;
      this.report(boundRule(keyword, stricter ? 'tightened' : 'loosened'), at, `\`${keyword}\` ${show(before ?? 'none')} → ${show(after ?? 'none')}`);
    }
    const mb = b.multipleOf as number | undefined;
    const ma = a.multipleOf as number | undefined;
    if (mb !== ma) {
      const at = pointerJoin(path, 'multipleOf');
      const divides = (x: number, y: number) => Number.isInteger(Math.round((x / y) * 1e9) / 1e9);
      const message = `\`multipleOf\` ${show(mb ?? 'none')} → ${show(ma ?? 'none')}`;
      if (mb === undefined || (ma !== undefined && divides(ma, mb))) this.report(boundRule('multipleOf', 'tightened'), at, message);
      else if (ma === undefined || divides(mb, ma)) this.report(boundRule('multipleOf', 'loosened'), at, message);
      else this.report('multiple-of-changed', at, message);
    }
    for (const keyword of ['pattern', 'format'] as const) {
      const before = b[keyword];
      const after = a[keyword];
      if (jsonEqual(before, after)) continue;
      const at = pointerJoin(path, keyword);
      if (before === undefined) this.report(`${keyword}-added`, at, `${keyword} ${show(after)} added`);
      else if (after === undefined) this.report(`${keyword}-removed`, at, `${keyword} ${show(before)} removed`);
      else this.report(`${keyword}-changed`, at, `${keyword} ${show(before)} → ${show(after)}`);
    }
    if (Boolean(b.uniqueItems) !== Boolean(a.uniqueItems)) {
      this.report(a.uniqueItems ? 'unique-items-added' : 'unique-items-removed', pointerJoin(path, 'uniqueItems'), a.uniqueItems ? 'items must now be unique' : 'items no longer need to be unique');
    }
  }

  private compareObjects(b: SchemaView, a: SchemaView, path: string): void {
    const bp = isRecord(b.schema.properties) ? (b.schema.properties as Record<string, SchemaNode>) : {};
    const ap = isRecord(a.schema.properties) ? (a.schema.properties as Record<string, SchemaNode>) : {};
    const br = new Set(Array.isArray(b.schema.required) ? (b.schema.required as string[]) : []);
    const ar = new Set(Array.isArray(a.schema.required) ? (a.schema.required as string[]) : []);
    const bAdditional = openness(b.schema.additionalProperties);
    const aAdditional = openness(a.schema.additionalProperties);
    const names = new Set([...Object.keys(bp), ...br, ...Object.keys(ap), ...ar]);
    for (const name of names) {
      const at = pointerJoin(path, 'properties', name);
      const inBefore = Object.hasOwn(bp, name) || br.has(name);
      const inAfter = Object.hasOwn(ap, name) || ar.has(name);
      if (inBefore && inAfter) {
        if (br.has(name) && !ar.has(name)) this.report('property-became-optional', at, `"${name}" is no longer required`);
        if (!br.has(name) && ar.has(name)) this.report('property-became-required', at, `"${name}" is now required`);
        // A name only listed in `required` on one side takes its value from that side's additionalProperties.
        const value = (props: Record<string, SchemaNode>, extra: Openness): SchemaNode =>
          Object.hasOwn(props, name) ? (props[name] as SchemaNode) : extra.mode === 'schema' ? extra.schema : extra.mode === 'open';
        if (Object.hasOwn(bp, name) || Object.hasOwn(ap, name)) this.compare({ ...b.location, schema: value(bp, bAdditional) }, { ...a.location, schema: value(ap, aAdditional) }, at);
      } else if (inBefore) {
        const closed = aAdditional.mode === 'closed';
        const why = closed ? ' and the object rejects unknown properties' : '';
        this.report(br.has(name) ? 'required-property-removed' : 'optional-property-removed', at, `${br.has(name) ? 'required' : 'optional'} property "${name}" removed${why}`, closed ? { request: 'breaking' } : undefined);
      } else {
        this.report(ar.has(name) ? 'required-property-added' : 'optional-property-added', at, `${ar.has(name) ? 'required' : 'optional'} property "${name}" added`);
      }
    }
    this.compareOpenness(bAdditional, aAdditional, b, a, pointerJoin(path, 'additionalProperties'), 'properties');
  }

  private compareOpenness(before: Openness, after: Openness, b: SchemaView, a: SchemaView, at: string, what: 'properties' | 'items'): void {
    if (before.mode === 'schema' && after.mode === 'schema') {
      return this.compare({ ...b.location, schema: before.schema }, { ...a.location, schema: after.schema }, at);
    }
    if (before.mode === after.mode) return;
    const change = `${before.mode} → ${after.mode}`;
    if (what === 'items') {
      const narrower = before.mode === 'open' || after.mode === 'closed';
      return this.report(narrower ? 'items-narrowed' : 'items-widened', at, `items: ${change}`);
    }
    if (after.mode === 'closed') this.report('additional-properties-closed', at, `unknown properties are now rejected (${change})`);
    else if (before.mode === 'closed') this.report('additional-properties-opened', at, `unknown properties are now allowed (${change})`);
    else if (after.mode === 'schema') this.report('additional-properties-constrained', at, `extra properties must now match a schema (${change})`);
    else this.report('additional-properties-unconstrained', at, `extra properties may now hold any value (${change})`);
  }

  private compareArrays(b: SchemaView, a: SchemaView, path: string): void {
    const form = (s: Record<string, unknown>) => {
      if (Array.isArray(s.prefixItems)) return { prefix: s.prefixItems as SchemaNode[], prefixKey: 'prefixItems', rest: s.items, restKey: 'items' };
      if (Array.isArray(s.items)) return { prefix: s.items as SchemaNode[], prefixKey: 'items', rest: s.additionalItems, restKey: 'additionalItems' };
      return { prefix: undefined, prefixKey: 'items', rest: s.items, restKey: 'items' };
    };
    const bf = form(b.schema);
    const af = form(a.schema);
    if (bf.prefix && af.prefix) {
      const common = Math.min(bf.prefix.length, af.prefix.length);
      for (let i = 0; i < common; i++) this.compare({ ...b.location, schema: bf.prefix[i] as SchemaNode }, { ...a.location, schema: af.prefix[i] as SchemaNode }, pointerJoin(path, bf.prefixKey, i));
      if (bf.prefix.length !== af.prefix.length) this.report('tuple-changed', pointerJoin(path, bf.prefixKey), `tuple length ${bf.prefix.length} → ${af.prefix.length}`);
    } else if (bf.prefix || af.prefix) {
      this.report('array-form-changed', pointerJoin(path, 'items'), bf.prefix ? 'a tuple became a list' : 'a list became a tuple');
      return;
    }
    this.compareOpenness(openness(bf.rest), openness(af.rest), b, a, pointerJoin(path, bf.restKey), 'items');
  }

  /** One side is a union and the other is not: the schema was wrapped in a union, or a union replaced by one branch. */
  private compareWrapped(b: SchemaView, a: SchemaView, path: string): void {
    const union = (b.union ?? a.union) as NonNullable<SchemaView['union']>;
    const single = b.union ? a : b;
    const unionSide = b.union ? b : a;
    const { pairs } = b.union
      ? matchBranches(union.branches, [single.location], this.before, this.after)
      : matchBranches([single.location], union.branches, this.before, this.after);
    const [bi, ai] = pairs[0] ?? [0, 0];
    const branchIndex = b.union ? bi : ai;
    const branchPath = pointerJoin(path, union.kind, union.pointer[branchIndex] as string);
    // Null is compared once, here; the single schema meets the branch without it.
    const withoutNull = (v: SchemaView): SchemaLocation => {
      if (!Array.isArray(v.schema.type) && v.schema.nullable === undefined) return v.location;
      const { nullable: _, ...rest } = v.schema;
      return { ...v.location, schema: Array.isArray(rest.type) ? { ...rest, type: (rest.type as unknown[]).filter((t) => t !== 'null') } : rest };
    };
    if (b.union) {
      this.report('unwrapped-from-union', path, `the ${union.kind} of ${union.branches.length} branches became one schema`);
      this.compare(union.branches[branchIndex] as SchemaLocation, withoutNull(a), branchPath);
    } else {
      this.report('wrapped-in-union', path, `the schema became one branch of an ${union.kind} of ${union.branches.length}`);
      this.compare(withoutNull(b), union.branches[branchIndex] as SchemaLocation, branchPath);
    }
    this.compareNullable(b, a, path);
    const extra = Object.keys(unionSide.schema).filter((key) => key !== union.kind && key !== 'discriminator' && !ANNOTATIONS.has(key) && !key.startsWith('x-'));
    if (extra.length) this.report('unknown-change', path, `keywords beside the ${union.kind} (${extra.join(', ')}) were not compared`);
  }

  private compareUnions(b: SchemaView, a: SchemaView, path: string): void {
    const bu = b.union as NonNullable<SchemaView['union']>;
    const au = a.union as NonNullable<SchemaView['union']>;
    if (bu.kind !== au.kind) this.report('union-kind-changed', path, `${bu.kind} → ${au.kind}`);
    const { pairs, removed, added } = matchBranches(bu.branches, au.branches, this.before, this.after);
    for (const [bi, ai] of pairs) this.compare(bu.branches[bi] as SchemaLocation, au.branches[ai] as SchemaLocation, pointerJoin(path, bu.kind, bu.pointer[bi] as string));
    for (const bi of removed) this.report('union-branch-removed', pointerJoin(path, bu.kind, bu.pointer[bi] as string), `${bu.kind} branch ${bu.pointer[bi]} removed`);
    for (const ai of added) this.report('union-branch-added', pointerJoin(path, au.kind, au.pointer[ai] as string), `${au.kind} branch added`);
  }

  private compareAllOf(b: SchemaView, a: SchemaView, path: string): void {
    const members = (v: SchemaView) => (Array.isArray(v.schema.allOf) ? (v.schema.allOf as SchemaNode[]).map((schema) => ({ ...v.location, schema })) : []);
    const bm = members(b);
    const am = members(a);
    if (bm.length === 0 && am.length === 0) return;
    const { pairs, removed, added } = matchBranches(bm, am, this.before, this.after);
    for (const [bi, ai] of pairs) this.compare(bm[bi] as SchemaLocation, am[ai] as SchemaLocation, pointerJoin(path, 'allOf', bi));
    for (const bi of removed) this.report('all-of-member-removed', pointerJoin(path, 'allOf', bi), `allOf member ${bi} removed`);
    for (const ai of added) this.report('all-of-member-added', pointerJoin(path, 'allOf', ai), `allOf member added`);
  }

  private same(b: SchemaView, a: SchemaView, keys: string[]): boolean {
    const pick = (v: SchemaView) => Object.fromEntries(keys.filter((k) => k in v.schema).map((k) => [k, v.schema[k]]));
    return fingerprint({ ...b.location, schema: pick(b) }, this.before) === fingerprint({ ...a.location, schema: pick(a) }, this.after);
  }

  private compareOpaque(b: SchemaView, a: SchemaView, path: string): void {
    const has = (...keys: string[]) => keys.some((key) => key in b.schema || key in a.schema);
    if (has('not') && !this.same(b, a, ['not'])) this.report('not-changed', pointerJoin(path, 'not'), 'the `not` schema changed');
    if (has('if', 'then', 'else') && !this.same(b, a, ['if', 'then', 'else'])) this.report('conditional-changed', pointerJoin(path, 'if'), 'the `if`/`then`/`else` schemas changed');
  }

  private compareAnnotations(b: Record<string, unknown>, a: Record<string, unknown>, path: string): void {
    if (!jsonEqual(b.default, a.default)) this.report('default-changed', pointerJoin(path, 'default'), `default ${show(b.default ?? 'none')} → ${show(a.default ?? 'none')}`);
    if (a.deprecated === true && b.deprecated !== true) this.report('deprecated', pointerJoin(path, 'deprecated'), 'marked deprecated');
  }

  /** Any other keyword that differs: no rule proves it compatible, so it is a warning. */
  private compareRest(b: SchemaView, a: SchemaView, path: string): void {
    const keys = new Set([...Object.keys(b.schema), ...Object.keys(a.schema)]);
    for (const key of keys) {
      if (HANDLED.has(key) || ANNOTATIONS.has(key) || key.startsWith('x-') || key === '$ref') continue;
      if (!this.same(b, a, [key])) this.report('unknown-change', pointerJoin(path, key), `\`${key}\` changed and no rule covers it: ${show(b.schema[key]) ?? 'none'} → ${show(a.schema[key]) ?? 'none'}`);
    }
  }
}
