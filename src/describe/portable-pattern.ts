/**
 * Rewrites a JavaScript regular expression as a JSON Schema `pattern` that means the same in
 * every validator: no flags (an `i` flag becomes explicit letter cases), and `\d`/`\w` spelled as
 * ASCII classes, since Python's `re` reads `\d` as any Unicode digit. Returns `undefined` when the
 * expression cannot be carried over (`m` or `s` flags, Unicode property escapes).
 */
export function portablePattern(source: string, flags = ''): string | undefined {
  if (/[ms]/.test(flags)) return undefined;
  // Unicode property and code point escapes need the u flag, which Python's re does not know.
  if (/\\[pP]\{|\\u\{/.test(source)) return undefined;
  const caseless = flags.includes('i');
  let out = '';
  let inClass = false;
  let classBody = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 'd') out += inClass ? '0-9' : '[0-9]';
      else if (next === 'w') out += inClass ? 'A-Za-z0-9_' : '[A-Za-z0-9_]';
      else out += `\\${next}`;
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        out += char;
        continue;
      }
      if (caseless && /[A-Za-z]/.test(char)) {
        // a-z → a-zA-Z inside a class.
        if (source[i + 1] === '-' && /[A-Za-z]/.test(source[i + 2] ?? '')) {
          const end = source[i + 2] as string;
          const other = `${swapCase(char)}-${swapCase(end)}`;
          // A class that already lists the other case (`[a-fA-F]`) needs nothing added.
          out += classBody.includes(other) ? `${char}-${end}` : `${char}-${end}${other}`;
          i += 2;
        } else out += classBody.includes(swapCase(char)) ? char : `${char}${swapCase(char)}`;
        continue;
      }
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      classBody = source.slice(i + 1, source.indexOf(']', i + 1));
      out += char;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    if (caseless && /[A-Za-z]/.test(char) && !isQuantifierContext(source, i)) out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
    else out += char;
  }
  return out;
}

function swapCase(char: string): string {
  return char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
}

// Letters inside `(?<name>` group names or `{n,m}` never appear in the kit's patterns; `(?!`
// and `(?:` have no letters. Only group names need guarding.
function isQuantifierContext(source: string, index: number): boolean {
  const before = source.lastIndexOf('(?<', index);
  return before !== -1 && source.indexOf('>', before) > index && !/[=!]/.test(source[before + 3] ?? '');
}
