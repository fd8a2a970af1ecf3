// Python identifiers for schema names and object keys.

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

// Names the generated module uses in annotations, and BaseModel's own attributes: a field may not shadow them.
const RESERVED = new Set([
  ...'Annotated Any AfterValidator BeforeValidator BaseModel ClassVar ConfigDict ContractModel Field Literal RootModel Union model_serializer re str int float bool list dict tuple object'.split(' '),
  ...'copy dict json schema schema_json construct validate fields parse_obj parse_raw parse_file from_orm update_forward_refs'.split(' '),
]);

/** `accounts.list.query` → `AccountsListQuery`; a valid, non-reserved Python class name. */
export function className(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let out = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Model';
  if (/^[0-9]/.test(out)) out = `M${out}`;
  if (KEYWORDS.has(out) || RESERVED.has(out)) out = `${out}Model`;
  return out;
}

/** A Python attribute for a JSON key, or undefined when the key can be used as it is. */
export function fieldName(key: string, taken: ReadonlySet<string>): string | undefined {
  const plain = /^[A-Za-z][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key) && !RESERVED.has(key) && !key.startsWith('model_') && !taken.has(key);
  if (plain) return undefined;
  let base = key.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+/, '');
  if (!base || /^[0-9]/.test(base)) base = `f_${base}`;
  if (base.startsWith('model_')) base = `f_${base}`;
  const usable = (name: string) => !KEYWORDS.has(name) && !RESERVED.has(name) && !taken.has(name);
  if (usable(base)) return base;
  let candidate = `${base}_`;
  for (let i = 2; !usable(candidate); i++) candidate = `${base}_${i}`;
  return candidate;
}

/** A Python literal for a JSON value. */
export function pyLiteral(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `float(${JSON.stringify(String(value))})`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyLiteral(v)}`).join(', ')}}`;
  return 'None';
}
