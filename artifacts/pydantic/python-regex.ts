// Regular expressions in the generated models: JSON Schema patterns are ECMA-262, Python's `re` differs.

/**
 * Rewrites an ECMA-262 pattern for Python's `re` (compiled with `re.ASCII`, used with `search`, as
 * JSON Schema does): `$` outside a class is the very end (`\Z`, not "before a final newline"),
 * and `(?<name>` is `(?P<name>`. Other syntax the two share is kept.
 */
export function toPythonRegex(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else if (char === '$') out += '\\Z';
    else if (source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      out += '(?P<';
      i += 2;
    } else out += char;
  }
  return out;
}

/**
 * What a string `format` means when the schema carries no `pattern` of its own: Zod's default
 * check for that format, so the model accepts what the TypeScript side accepts. Patterns are in
 * Python syntax, matched in full, case-insensitively where Zod's are.
 */
export const FORMAT_PATTERNS: Record<string, { pattern: string; ignoreCase?: boolean }> = {
  uuid: { pattern: '[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}', ignoreCase: true },
  email: { pattern: "(?!\\.)(?!.*\\.\\.)([A-Z0-9_'+\\-\\.]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9\\-]*\\.)+[A-Z]{2,}", ignoreCase: true },
  date: { pattern: DATE() },
  'date-time': { pattern: `${DATE()}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z)` },
  time: { pattern: '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?' },
  ipv4: { pattern: '(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])' },
};

function DATE(): string {
  return '((\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\\d|3[01])|(0[469]|11)-(0[1-9]|[12]\\d|30)|(02)-(0[1-9]|1\\d|2[0-8])))';
}
