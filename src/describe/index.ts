export { describeSchema, isZod3Schema, type DescribeOptions } from './describe-schema.js';
export { formatRule, zodFormatRegex, type FormatRule } from './format-rule.js';
export { portablePattern } from './portable-pattern.js';
export { acceptsOnlyUndefined, mayBeAbsent, mayBeNull, unwrapDescription } from './presence.js';
export type * from './schema-description.js';
export { isUncheckedSchema, uncheckedSchema, UNCHECKED_DESCRIPTION } from './unchecked.js';
export { lossyConstructs, type LossyConstruct } from './lossy-constructs.js';
