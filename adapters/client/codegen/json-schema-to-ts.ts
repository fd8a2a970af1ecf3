import type { JsonSchema } from '../../../openapi/json-schema.js';

export interface PrintTypeOptions {
  /** Names the type a `#/definitions/<name>` reference stands for. @default the name itself */
  ref?: (name: string) => string;
  /** The document other references (`#/definitions/A/properties/b`, `#/properties/a`) point into. @default the schema */
  root?: unknown;
  /**
   * `output` types what a parse produces: a property with a `default` is then always present.
   * @default 'input'
   */
  io?: 'input' | 'output';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Prints the TypeScript type a JSON Schema (draft-07, as `toJsonSchema` writes it) describes.
 * Constraints (formats, lengths, minimums) have no type and are left out; anything it cannot
 * describe becomes `unknown`, never `any`.
 */
export function printType(schema: unknown, options: PrintTypeOptions = {}, indent = ''): string {
  const ref = options.ref ?? ((name: string) => name);
  const root = options.root ?? schema;
  const following = new Set<string>();
  const print = (node: unknown, depth: string): string => {
    if (node === true || node === undefined) return 'unknown';
    if (node === false) return 'never';
    if (!isObject(node)) return 'unknown';
    if (typeof node.$ref === 'string') {
      const pointer = node.$ref;
      const path = pointer.startsWith('#') ? pointer.slice(1).split('/').slice(1).map(unescape) : undefined;
      if (path?.length === 2 && (path[0] === 'definitions' || path[0] === '$defs')) return ref(path[1]!);
      // A schema used twice is a reference to where it was first seen: print it there again.
      const target = path?.reduce<unknown>((at, key) => (isObject(at) || Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined), root);
      if (!path || target === undefined || following.has(pointer)) return 'unknown';
      following.add(pointer);
      const printed = print(target, depth);
      following.delete(pointer);
      return printed;
    }
    if ('const' in node) return literal(node.const);
    if (Array.isArray(node.enum)) return union(node.enum.map(literal));
    if (Array.isArray(node.anyOf)) return union(node.anyOf.map((s) => print(s, depth)));
    if (Array.isArray(node.oneOf)) return union(node.oneOf.map((s) => print(s, depth)));
    if (Array.isArray(node.allOf)) return node.allOf.map((s) => wrap(print(s, depth))).join(' & ') || 'unknown';
    if (isObject(node.not) && Object.keys(node.not).length === 0) return 'never';
    const types = Array.isArray(node.type) ? node.type : typeof node.type === 'string' ? [node.type] : [];
    if (types.length === 0) return isObject(node.properties) ? printObject(node, depth) : 'unknown';
    return union(types.map((type) => (type === 'object' ? printObject(node, depth) : type === 'array' ? printArray(node, depth) : scalar(type))));
  };

  const printArray = (node: JsonSchema, depth: string): string => {
    const { items } = node;
    if (Array.isArray(items)) {
      const rest = node.additionalItems !== undefined && node.additionalItems !== false ? [`...${wrap(print(node.additionalItems, depth))}[]`] : [];
      return `[${[...items.map((item) => print(item, depth)), ...rest].join(', ')}]`;
    }
    return `${wrap(print(items, depth))}[]`;
  };

  const printObject = (node: JsonSchema, depth: string): string => {
    const properties = isObject(node.properties) ? node.properties : {};
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    const inner = `${depth}  `;
    const lines = Object.entries(properties).map(([key, value]) => {
      const doc = isObject(value) && typeof value.description === 'string' ? `${inner}/** ${value.description.replace(/\*\//g, '*\\/')} */\n` : '';
      const present = required.has(key) || (options.io === 'output' && isObject(value) && 'default' in value);
      return `${doc}${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}${present ? '' : '?'}: ${print(value, inner)};`;
    });
    const extra = node.additionalProperties;
    if (isObject(extra) && Object.keys(extra).length > 0) lines.push(`${inner}[key: string]: ${print(extra, inner)};`);
    else if (lines.length === 0 && extra !== false) return 'Record<string, unknown>';
    return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n${depth}}`;
  };

  return print(schema, indent);
}

function unescape(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

function scalar(type: unknown): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    default:
      return 'unknown';
  }
}

function literal(value: unknown): string {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? JSON.stringify(value) : 'unknown';
}

function union(members: string[]): string {
  const unique = [...new Set(members)].filter((member) => member !== 'never');
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

// Parenthesizes a union or intersection used as an operand (`(A | B)[]`).
function wrap(type: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < type.length; i++) {
    const char = type[i] as string;
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if ('{[(<'.includes(char)) depth++;
    else if ('}])>'.includes(char)) depth--;
    else if (depth === 0 && (char === '|' || char === '&')) return `(${type})`;
  }
  return type;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
