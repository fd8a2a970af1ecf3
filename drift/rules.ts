/** Which side of the wire a schema describes. */
export type DiffDirection = 'request' | 'response' | 'both';

export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/**
 * How a change moves the set of values a schema accepts. A request must keep accepting everything
 * it accepted (narrowing breaks senders); a response must not produce what old readers reject
 * (widening breaks readers).
 */
export type ChangeEffect = 'narrows' | 'widens' | 'changes' | 'unknown' | 'neutral';

export interface RuleInfo {
  summary: string;
  effect: ChangeEffect;
  /** Severity for requests when it does not follow from `effect`. */
  request?: ChangeSeverity;
  /** Severity for responses when it does not follow from `effect`. */
  response?: ChangeSeverity;
}

const BOUNDS = {
  minimum: 'min',
  exclusiveMinimum: 'min',
  minLength: 'min',
  minItems: 'min',
  minProperties: 'min',
  maximum: 'max',
  exclusiveMaximum: 'max',
  maxLength: 'max',
  maxItems: 'max',
  maxProperties: 'max',
} as const;
export type BoundKeyword = keyof typeof BOUNDS;
export const BOUND_KEYWORDS = Object.keys(BOUNDS) as BoundKeyword[];
/** Whether a larger value of the keyword accepts less (`min`) or more (`max`). */
export const boundKind = (keyword: BoundKeyword): 'min' | 'max' => BOUNDS[keyword];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** The rule id of a bound keyword that became stricter or looser: `min-length-tightened`. */
export const boundRule = (keyword: BoundKeyword | 'multipleOf', how: 'tightened' | 'loosened') => `${kebab(keyword)}-${how}` as RuleId;

const boundRules = Object.fromEntries(
  [...BOUND_KEYWORDS, 'multipleOf' as const].flatMap((keyword) => [
    [boundRule(keyword, 'tightened'), { summary: `\`${keyword}\` added or made stricter`, effect: 'narrows' }],
    [boundRule(keyword, 'loosened'), { summary: `\`${keyword}\` removed or relaxed`, effect: 'widens' }],
  ]),
) as Record<string, RuleInfo>;

/** Every rule `diffSchemas` reports, by stable id. */
export const SCHEMA_RULES = {
  'optional-property-added': { summary: 'an optional property was added (MINOR: readers ignore unknown fields)', effect: 'neutral', request: 'info', response: 'info' },
  'required-property-added': { summary: 'a required property was added', effect: 'narrows', response: 'info' },
  'optional-property-removed': { summary: 'an optional property was removed (breaking for requests when the object is closed)', effect: 'widens', request: 'warning', response: 'warning' },
  'required-property-removed': { summary: 'a required property was removed (breaking for requests when the object is closed)', effect: 'widens', request: 'warning', response: 'breaking' },
  'property-became-required': { summary: 'an optional property became required', effect: 'narrows' },
  'property-became-optional': { summary: 'a required property became optional', effect: 'widens' },
  'type-narrowed': { summary: 'the type accepts fewer kinds of value (a type removed, or number → integer)', effect: 'narrows' },
  'type-widened': { summary: 'the type accepts more kinds of value (a type added, or integer → number)', effect: 'widens' },
  'type-changed': { summary: 'the type was replaced by an unrelated one', effect: 'changes' },
  'nullable-added': { summary: 'the value may now be null', effect: 'widens' },
  'nullable-removed': { summary: 'the value may no longer be null', effect: 'narrows' },
  'enum-value-added': { summary: 'an enum value was added', effect: 'widens' },
  'enum-value-removed': { summary: 'an enum value was removed', effect: 'narrows' },
  'enum-added': { summary: 'the value was restricted to an enum', effect: 'narrows' },
  'enum-removed': { summary: 'the enum restriction was removed', effect: 'widens' },
  'const-added': { summary: 'the value was restricted to a constant', effect: 'narrows' },
  'const-removed': { summary: 'the constant restriction was removed', effect: 'widens' },
  'const-changed': { summary: 'the constant changed', effect: 'changes' },
  ...boundRules,
  'multiple-of-changed': { summary: '`multipleOf` changed to a value that neither divides nor is divided by the old one', effect: 'changes' },
  'pattern-added': { summary: 'a `pattern` was added', effect: 'narrows' },
  'pattern-removed': { summary: 'the `pattern` was removed', effect: 'widens' },
  'pattern-changed': { summary: 'the `pattern` changed; whether it accepts more or less cannot be proven', effect: 'unknown' },
  'format-added': { summary: 'a `format` was added', effect: 'narrows' },
  'format-removed': { summary: 'the `format` was removed', effect: 'widens' },
  'format-changed': { summary: 'the `format` changed', effect: 'changes' },
  'unique-items-added': { summary: 'array items must now be unique', effect: 'narrows' },
  'unique-items-removed': { summary: 'array items no longer need to be unique', effect: 'widens' },
  'additional-properties-closed': { summary: 'unknown properties are now rejected (`additionalProperties: false`)', effect: 'narrows' },
  'additional-properties-opened': { summary: 'unknown properties are now allowed (MINOR for responses: readers ignore unknown fields)', effect: 'widens', response: 'info' },
  'additional-properties-constrained': { summary: 'extra properties must now match a schema', effect: 'narrows' },
  'additional-properties-unconstrained': { summary: 'extra properties no longer need to match a schema', effect: 'widens' },
  'union-branch-added': { summary: 'a `oneOf`/`anyOf` branch was added', effect: 'widens' },
  'union-branch-removed': { summary: 'a `oneOf`/`anyOf` branch was removed', effect: 'narrows' },
  'wrapped-in-union': { summary: 'the schema became one branch of a union', effect: 'widens' },
  'unwrapped-from-union': { summary: 'a union was replaced by one of its branches', effect: 'narrows' },
  'union-kind-changed': { summary: '`oneOf` became `anyOf` or the reverse', effect: 'unknown' },
  'all-of-member-added': { summary: 'an `allOf` member was added', effect: 'narrows' },
  'all-of-member-removed': { summary: 'an `allOf` member was removed', effect: 'widens' },
  'tuple-changed': { summary: 'the tuple items (`prefixItems` / array `items`) changed length', effect: 'unknown' },
  'array-form-changed': { summary: 'an array changed between list and tuple form', effect: 'unknown' },
  'items-narrowed': { summary: 'array items (or items past the tuple) were constrained or forbidden', effect: 'narrows' },
  'items-widened': { summary: 'array items (or items past the tuple) were unconstrained or allowed', effect: 'widens' },
  'not-changed': { summary: 'a `not` schema changed; compatibility cannot be proven', effect: 'unknown' },
  'conditional-changed': { summary: '`if`/`then`/`else` changed; compatibility cannot be proven', effect: 'unknown' },
  'schema-rejects-all': { summary: 'the schema became `false` (accepts nothing)', effect: 'narrows' },
  'schema-accepts-values': { summary: 'a `false` schema now accepts values', effect: 'widens' },
  'ref-unresolved': { summary: 'a `$ref` could not be resolved, so what it points to was not compared', effect: 'unknown' },
  'default-changed': { summary: 'the `default` changed (what an omitted value means)', effect: 'neutral', request: 'warning', response: 'info' },
  'deprecated': { summary: 'the schema was marked deprecated', effect: 'neutral' },
  'unknown-change': { summary: 'a keyword with no rule changed; compatibility cannot be proven', effect: 'unknown' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof SCHEMA_RULES | `${string}-${'tightened' | 'loosened'}`;

/** The severity of a change with `effect` for a schema read in `direction`. */
export function severityFor(effect: ChangeEffect, direction: Exclude<DiffDirection, 'both'>): ChangeSeverity {
  switch (effect) {
    case 'narrows':
      return direction === 'request' ? 'breaking' : 'info';
    case 'widens':
      return direction === 'response' ? 'breaking' : 'info';
    case 'changes':
      return 'breaking';
    case 'unknown':
      return 'warning';
    case 'neutral':
      return 'info';
  }
}

const RANK: Record<ChangeSeverity, number> = { info: 0, warning: 1, breaking: 2 };
/** The more severe of two severities. */
export const maxSeverity = (a: ChangeSeverity, b: ChangeSeverity): ChangeSeverity => (RANK[a] >= RANK[b] ? a : b);
export const severityRank = (severity: ChangeSeverity): number => RANK[severity];

/** The severity of `rule` in `direction` (`both` takes the worse of the two); `override` replaces the catalogue's per-direction severities. */
export function ruleSeverity(rule: RuleId, direction: DiffDirection, override?: Partial<Record<'request' | 'response', ChangeSeverity>>): ChangeSeverity {
  const info = (SCHEMA_RULES as Record<string, RuleInfo>)[rule];
  const one = (side: 'request' | 'response'): ChangeSeverity => override?.[side] ?? info?.[side] ?? severityFor(info?.effect ?? 'unknown', side);
  return direction === 'both' ? maxSeverity(one('request'), one('response')) : one(direction);
}
