import { datetimeRegex } from 'zod';
import { portablePattern } from './portable-pattern.js';
import type { StringCheck } from './schema-description.js';

/**
 * What a Zod string format check enforces, in JSON Schema terms:
 * - `pattern`: Zod's own regular expression, rewritten to mean the same everywhere;
 * - `format`: the JSON Schema format, only where it accepts at least what the pattern accepts,
 *   so that the two together state exactly Zod's rule;
 * - `lossy`: why the rule cannot be stated (Zod runs code, or the expression is not portable).
 */
export interface FormatRule {
  pattern?: string;
  format?: string;
  lossy?: string;
}

// Zod 3.25's expressions for the checks that have one (zod/v3 types.js); a test holds them to
// Zod's behaviour on samples, so an upgrade that changes them fails there.
const ZOD_REGEX: Partial<Record<string, RegExp>> = {
  email: /^(?!\.)(?!.*\.\.)([A-Z0-9_'+\-\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\-]*\.)+[A-Z]{2,}$/i,
  uuid: /^[0-9a-fA-F]{8}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{12}$/i,
  nanoid: /^[a-z0-9_-]{21}$/i,
  cuid: /^c[^\s-]{8,}$/i,
  cuid2: /^[0-9a-z]+$/,
  ulid: /^[0-9A-HJKMNP-TV-Z]{26}$/i,
  duration:
    /^[-+]?P(?!$)(?:(?:[-+]?\d+Y)|(?:[-+]?\d+[.,]\d+Y$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:(?:[-+]?\d+W)|(?:[-+]?\d+[.,]\d+W$))?(?:(?:[-+]?\d+D)|(?:[-+]?\d+[.,]\d+D$))?(?:T(?=[\d+-])(?:(?:[-+]?\d+H)|(?:[-+]?\d+[.,]\d+H$))?(?:(?:[-+]?\d+M)|(?:[-+]?\d+[.,]\d+M$))?(?:[-+]?\d+(?:[.,]\d+)?S)?)??$/,
  ipv4: /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/,
  ipv4Cidr: /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/(3[0-2]|[12]?[0-9])$/,
  base64: /^([0-9a-zA-Z+/]{4})*(([0-9a-zA-Z+/]{2}==)|([0-9a-zA-Z+/]{3}=))?$/,
  base64url: /^([0-9a-zA-Z-_]{4})*(([0-9a-zA-Z-_]{2}(==)?)|([0-9a-zA-Z-_]{3}(=)?))?$/,
  jwt: /^[A-Za-z0-9-_]+\.[A-Za-z0-9-_]+\.[A-Za-z0-9-_]*$/,
};

/** Zod's expression for a format check, where it has one (for tests and for the rule below). */
export function zodFormatRegex(check: Extract<StringCheck, { kind: 'format' }>): RegExp | undefined {
  const { format, options } = check;
  switch (format) {
    case 'datetime':
      return datetimeRegex(options as Parameters<typeof datetimeRegex>[0]);
    case 'date':
      return new RegExp(`^${datePart()}$`);
    case 'time': {
      // Zod's time expression is its datetime one without the date and the zone.
      const source = datetimeRegex({ precision: options.precision as number | null, local: true }).source;
      return new RegExp(`^${source.slice(datePart().length + 2, -'(Z?)$'.length)}$`);
    }
    case 'ip':
      return options.version === 'v4' ? ZOD_REGEX.ipv4 : undefined;
    case 'cidr':
      return options.version === 'v4' ? ZOD_REGEX.ipv4Cidr : undefined;
    default:
      return ZOD_REGEX[format];
  }
}

function datePart(): string {
  const source = datetimeRegex({ precision: null, local: true }).source;
  return source.slice(1, source.lastIndexOf('T([01]'));
}

/** The JSON Schema form of one Zod string format check. */
export function formatRule(check: Extract<StringCheck, { kind: 'format' }>): FormatRule {
  const { format, options } = check;
  if (format === 'url') return { format: 'uri', lossy: 'z.string().url() is checked with the URL parser, documented as format: uri' };
  if (format === 'emoji') return { lossy: 'z.string().emoji() uses Unicode property classes that JSON Schema validators do not share' };
  if ((format === 'ip' || format === 'cidr') && options.version !== 'v4') {
    return { lossy: `z.string().${format}() for IPv6 accepts zone ids the ${format === 'ip' ? 'ipv6' : 'CIDR'} format refuses; documented without a pattern` };
  }
  if (format === 'jwt') {
    return { ...patternOf(check), lossy: 'z.string().jwt() decodes the header (and compares its alg when given); the pattern states the shape only' };
  }
  const rule = patternOf(check);
  // Formats that accept a superset of Zod's pattern, so both may stand together.
  if (format === 'uuid') rule.format = 'uuid';
  if (format === 'date') rule.format = 'date';
  return rule;
}

function patternOf(check: Extract<StringCheck, { kind: 'format' }>): FormatRule {
  const regex = zodFormatRegex(check);
  const pattern = regex ? portablePattern(regex.source, regex.flags) : undefined;
  return pattern ? { pattern } : { lossy: `z.string().${check.format}() has no portable pattern` };
}
