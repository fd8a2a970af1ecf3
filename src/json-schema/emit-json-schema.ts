import { formatRule } from '../describe/format-rule.js';
import { portablePattern } from '../describe/portable-pattern.js';
import { mayBeAbsent } from '../describe/presence.js';
import type { NumberCheck, SchemaDescription, StringCheck } from '../describe/schema-description.js';

export type JsonSchema = Record<string, unknown>;

/** Which JSON Schema a document speaks: 2020-12 (also OpenAPI 3.1), draft-07, or OpenAPI 3.0's subset. */
export type JsonSchemaDialect = '2020-12' | 'draft-07' | 'openapi-3.0';

/** One place where the emitted schema cannot state exactly what Zod enforces. */
export interface LossyPart {
  /** JSON Pointer into the emitted schema. */
  path: string;
  /** `refine`, `transform`, `preprocess`, `custom`, `date`, `bigint`, `format`, ... */
  construct: string;
  message: string;
}

export interface EmitOptions {
  /** Describe what Zod accepts (`input`) or what a parse gives back (`output`). */
  io: 'input' | 'output';
  dialect: JsonSchemaDialect;
  /** A `$ref` for a node that has a name of its own (a component, another file), or `undefined` to inline it. */
  refFor?: (node: SchemaDescription) => string | undefined;
  /** Emit the root inline even when `refFor` names it. */
  inlineRoot?: boolean;
  /** An unnamed node that contains itself: return the `$ref` that reaches it. */
  onRecursion?: (node: SchemaDescription, path: string) => string;
  onLossy?: (part: LossyPart) => void;
  /**
   * The schema describes a `multipart/form-data` body: a part checked by a function
   * (`z.instanceof(File)`, `z.custom<File>()`) is a file, `{ type: 'string', format: 'binary' }`.
   */
  multipart?: boolean;
}

/**
 * Writes the JSON Schema of a described Zod schema. Where Zod and JSON Schema differ, the schema
 * states the rule Zod enforces in a form a validator checks (Zod's own expression as `pattern`
 * beside or instead of `format`); where no form exists, `onLossy` is told.
 */
export function emitJsonSchema(node: SchemaDescription, options: EmitOptions): JsonSchema {
  return new Emitter(options).emit(node, '', true);
}

class Emitter {
  private readonly stack = new Map<SchemaDescription, string>();

  constructor(private readonly options: EmitOptions) {}

  private get legacy(): boolean {
    return this.options.dialect === 'openapi-3.0';
  }

  private lossy(path: string, construct: string, message: string): void {
    this.options.onLossy?.({ path: path || '/', construct, message });
  }

  emit(node: SchemaDescription, path: string, root = false): JsonSchema {
    if (!(root && this.options.inlineRoot)) {
      const ref = this.options.refFor?.(node);
      if (ref !== undefined) return { $ref: ref };
    }
    const open = this.stack.get(node);
    if (open !== undefined) {
      const ref = this.options.onRecursion?.(node, open);
      if (ref !== undefined) return { $ref: ref };
      this.lossy(path, 'recursion', `recursive schema without a name; register it to describe it`);
      return {};
    }
    this.stack.set(node, path);
    try {
      const json = this.body(node, path);
      if (node.description !== undefined && json.description === undefined) {
        if (typeof json.$ref === 'string' && this.legacy) return { allOf: [json], description: node.description };
        return { ...json, description: node.description };
      }
      return json;
    } finally {
      this.stack.delete(node);
    }
  }

  private body(node: SchemaDescription, path: string): JsonSchema {
    const { io } = this.options;
    if (node.unchecked) {
      this.lossy(path, 'unchecked', 'no runtime schema (c.type<>()): not validated, documented as any value');
      return {};
    }
    switch (node.kind) {
      case 'string':
        if (node.coerce && io === 'input') this.lossy(path, 'coerce', 'z.coerce.string() accepts any value and converts it');
        return this.string(node.checks, path);
      case 'number':
        if (node.coerce && io === 'input') this.lossy(path, 'coerce', 'z.coerce.number() accepts any value that converts to a number');
        return this.number(node.checks);
      case 'bigint':
        this.lossy(path, 'bigint', 'a bigint has no JSON form; documented as an int64 integer');
        return { type: 'integer', format: 'int64' };
      case 'boolean':
        if (node.coerce && io === 'input') this.lossy(path, 'coerce', 'z.coerce.boolean() accepts any value and converts it');
        return { type: 'boolean' };
      case 'date':
        if (io === 'input' && !node.coerce) this.lossy(path, 'date', 'z.date() takes a Date object, which JSON cannot carry; documented as a date-time string');
        return { type: 'string', format: 'date-time' };
      case 'literal':
        return this.literal(node.value, path);
      case 'enum': {
        const types = [...new Set(node.values.map((v) => (typeof v === 'number' ? 'number' : 'string')))];
        return { type: types.length === 1 ? types[0] : types, enum: [...node.values] };
      }
      case 'null':
        return this.legacy ? { nullable: true, enum: [null] } : { type: 'null' };
      case 'any':
      case 'unknown':
        return {};
      case 'undefined':
      case 'void':
      case 'never':
        return { not: {} };
      case 'nan':
      case 'symbol':
      case 'function':
      case 'promise':
        this.lossy(path, node.kind, `z.${node.kind}() has no JSON form`);
        return { not: {} };
      case 'array':
        return {
          type: 'array',
          items: this.emit(node.items, `${path}/items`),
          ...(node.minItems !== undefined ? { minItems: node.minItems } : {}),
          ...(node.maxItems !== undefined ? { maxItems: node.maxItems } : {}),
        };
      case 'set':
        if (io === 'input') this.lossy(path, 'set', 'z.set() takes a Set, which JSON cannot carry; documented as an array of unique items');
        return {
          type: 'array',
          uniqueItems: true,
          items: this.emit(node.items, `${path}/items`),
          ...(node.minItems !== undefined ? { minItems: node.minItems } : {}),
          ...(node.maxItems !== undefined ? { maxItems: node.maxItems } : {}),
        };
      case 'tuple':
        return this.tuple(node, path);
      case 'object':
        return this.object(node, path);
      case 'record': {
        const json: JsonSchema = { type: 'object', additionalProperties: this.emit(node.values, `${path}/additionalProperties`) };
        if (!this.legacy) {
          const keys = this.emit(node.keys, `${path}/propertyNames`);
          const { type: _type, ...constraints } = keys;
          if (Object.keys(constraints).length > 0) json.propertyNames = constraints;
        }
        return json;
      }
      case 'map':
        this.lossy(path, 'map', 'z.map() takes a Map, which JSON cannot carry; documented as an array of [key, value] pairs');
        return { type: 'array', items: this.tupleOf([node.keys, node.values], undefined, `${path}/items`) };
      case 'union':
        return this.union(node, path);
      case 'intersection':
        return { allOf: [this.emit(node.left, `${path}/allOf/0`), this.emit(node.right, `${path}/allOf/1`)] };
      case 'optional':
      case 'readonly':
      case 'brand':
      case 'lazy':
        return this.emit(node.inner, path);
      case 'nullable':
        return this.nullable(this.emit(node.inner, path));
      case 'default': {
        const inner = this.emit(node.inner, path);
        const value = jsonValue(node.defaultValue);
        if (value === undefined) return inner;
        if (typeof inner.$ref === 'string') return this.legacy ? { allOf: [inner], default: value } : { ...inner, default: value };
        return { ...inner, default: value };
      }
      case 'catch':
        if (io === 'input') {
          this.lossy(path, 'catch', '.catch() accepts any value and replaces a failing one');
          return {};
        }
        return this.emit(node.inner, path);
      case 'effect':
        return this.effect(node, path);
      case 'pipe':
        return this.emit(io === 'input' ? node.in : node.out, path);
    }
  }

  private string(checks: readonly StringCheck[], path: string): JsonSchema {
    const json: JsonSchema = { type: 'string' };
    const patterns: string[] = [];
    let rewritten = false;
    for (const check of checks) {
      switch (check.kind) {
        case 'min':
          json.minLength = Math.max(check.value, (json.minLength as number | undefined) ?? 0);
          break;
        case 'max':
          json.maxLength = Math.min(check.value, (json.maxLength as number | undefined) ?? Infinity);
          break;
        case 'length':
          json.minLength = check.value;
          json.maxLength = check.value;
          break;
        case 'regex': {
          const pattern = portablePattern(check.source, check.flags);
          if (pattern !== undefined) patterns.push(pattern);
          else this.lossy(path, 'pattern', `the expression /${check.source}/${check.flags} has no portable JSON Schema form`);
          break;
        }
        case 'startsWith':
          patterns.push(`^${escape(check.value)}`);
          break;
        case 'endsWith':
          patterns.push(`${escape(check.value)}$`);
          break;
        case 'includes':
          patterns.push(escape(check.value));
          if (check.position !== undefined) this.lossy(path, 'includes', '.includes(value, { position }) is documented without its position');
          break;
        case 'format': {
          const rule = formatRule(check);
          if (rule.pattern !== undefined) patterns.push(rule.pattern);
          if (rule.format !== undefined && json.format === undefined) json.format = rule.format;
          if (rule.lossy !== undefined) this.lossy(path, 'format', rule.lossy);
          break;
        }
        case 'rewrite':
          rewritten = true;
          break;
      }
    }
    if (rewritten && this.options.io === 'input') this.lossy(path, 'transform', '.trim()/.toLowerCase()/.toUpperCase() change the value before the other checks run');
    if ((json.minLength !== undefined || json.maxLength !== undefined) && this.options.io === 'input') {
      this.lossy(path, 'length', 'Zod counts string length in UTF-16 code units, JSON Schema in code points: they differ for characters outside the Basic Multilingual Plane');
    }
    if (patterns.length > 0) json.pattern = patterns[0];
    if (patterns.length > 1) json.allOf = patterns.slice(1).map((pattern) => ({ pattern }));
    return json;
  }

  private number(checks: readonly NumberCheck[]): JsonSchema {
    const json: JsonSchema = { type: checks.some((c) => c.kind === 'int') ? 'integer' : 'number' };
    for (const check of checks) {
      if (check.kind === 'min') {
        if (check.inclusive) json.minimum = check.value;
        else if (this.legacy) Object.assign(json, { minimum: check.value, exclusiveMinimum: true });
        else json.exclusiveMinimum = check.value;
      } else if (check.kind === 'max') {
        if (check.inclusive) json.maximum = check.value;
        else if (this.legacy) Object.assign(json, { maximum: check.value, exclusiveMaximum: true });
        else json.exclusiveMaximum = check.value;
      } else if (check.kind === 'multipleOf') json.multipleOf = check.value;
    }
    return json;
  }

  private literal(value: unknown, path: string): JsonSchema {
    if (value === null) return this.legacy ? { nullable: true, enum: [null] } : { type: 'null' };
    if (value === undefined) return { not: {} };
    if (typeof value === 'bigint') {
      this.lossy(path, 'bigint', 'a bigint literal has no JSON form');
      return { type: 'integer', enum: [Number(value)] };
    }
    const type = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
    return this.legacy ? { type, enum: [value] } : { type, const: value };
  }

  private tuple(node: Extract<SchemaDescription, { kind: 'tuple' }>, path: string): JsonSchema {
    return this.tupleOf(node.items, node.rest, path);
  }

  private tupleOf(items: readonly SchemaDescription[], rest: SchemaDescription | undefined, path: string): JsonSchema {
    const length = items.length;
    const bounds = { minItems: length, ...(rest ? {} : { maxItems: length }) };
    if (this.options.dialect === '2020-12') {
      return {
        type: 'array',
        prefixItems: items.map((item, i) => this.emit(item, `${path}/prefixItems/${i}`)),
        // Without a rest element, `maxItems` already closes the tuple.
        ...(rest ? { items: this.emit(rest, `${path}/items`) } : {}),
        ...bounds,
      };
    }
    if (this.options.dialect === 'draft-07') {
      return {
        type: 'array',
        items: items.map((item, i) => this.emit(item, `${path}/items/${i}`)),
        ...(rest ? { additionalItems: this.emit(rest, `${path}/additionalItems`) } : {}),
        ...bounds,
      };
    }
    this.lossy(path, 'tuple', 'OpenAPI 3.0 cannot type each position of a tuple; documented as an array of any of its item types');
    const options = [...items, ...(rest ? [rest] : [])].map((item, i) => this.emit(item, `${path}/items/anyOf/${i}`));
    return { type: 'array', items: options.length === 1 ? options[0] : { anyOf: options }, ...bounds };
  }

  private object(node: Extract<SchemaDescription, { kind: 'object' }>, path: string): JsonSchema {
    const { io } = this.options;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [key, value] of Object.entries(node.shape)) {
      properties[key] = this.emit(value, `${path}/properties/${pointerEscape(key)}`);
      if (!mayBeAbsent(value, io)) required.push(key);
    }
    const json: JsonSchema = { type: 'object', properties };
    if (required.length > 0) json.required = required;
    if (node.catchall) json.additionalProperties = this.emit(node.catchall, `${path}/additionalProperties`);
    else if (node.unknownKeys === 'strict') json.additionalProperties = false;
    // Zod keeps unknown keys of a passthrough object: say so, for generators that drop them by default.
    else if (node.unknownKeys === 'passthrough') json.additionalProperties = true;
    return json;
  }

  private union(node: Extract<SchemaDescription, { kind: 'union' }>, path: string): JsonSchema {
    const nonNull = node.options.filter((option) => !isNullNode(option));
    const hasNull = nonNull.length < node.options.length;
    // A union of literals is an enum.
    const literals = nonNull.map((option) => (option.kind === 'literal' ? option.value : NOT_LITERAL));
    if (literals.length > 1 && literals.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')) {
      const types = [...new Set(literals.map((v) => (typeof v === 'number' ? 'number' : typeof v)))];
      const json: JsonSchema = { type: types.length === 1 ? types[0] : types, enum: literals };
      return hasNull ? this.nullable(json) : json;
    }
    const emitted = nonNull.map((option, i) => this.emit(option, `${path}/anyOf/${i}`));
    let json: JsonSchema;
    if (emitted.length === 1) json = emitted[0] as JsonSchema;
    else if (node.discriminator !== undefined && this.options.dialect !== 'draft-07') {
      json = { oneOf: emitted, discriminator: this.discriminator(node, emitted) };
    } else json = { anyOf: emitted };
    return hasNull ? this.nullable(json) : json;
  }

  private discriminator(node: Extract<SchemaDescription, { kind: 'union' }>, emitted: JsonSchema[]): JsonSchema {
    const key = node.discriminator as string;
    const mapping: Record<string, string> = {};
    node.options.forEach((option, index) => {
      const ref = emitted[index]?.$ref;
      const core = option.kind === 'object' ? option : undefined;
      const value = core?.shape[key];
      if (typeof ref === 'string' && value?.kind === 'literal' && typeof value.value === 'string') mapping[value.value] = ref;
    });
    return { propertyName: key, ...(Object.keys(mapping).length > 0 ? { mapping } : {}) };
  }

  private nullable(inner: JsonSchema): JsonSchema {
    if (this.legacy) {
      if (typeof inner.$ref === 'string') return { allOf: [inner], nullable: true };
      if (Object.keys(inner).length === 0) return inner;
      return { ...inner, nullable: true, ...(Array.isArray(inner.enum) && !inner.enum.includes(null) ? { enum: [...inner.enum, null] } : {}) };
    }
    if (Object.keys(inner).length === 0) return inner;
    const type = inner.type;
    if (typeof type === 'string' && inner.$ref === undefined && inner.anyOf === undefined && inner.oneOf === undefined && inner.allOf === undefined) {
      const json: JsonSchema = { ...inner, type: [type, 'null'] };
      if (Array.isArray(inner.enum) && !inner.enum.includes(null)) json.enum = [...inner.enum, null];
      if ('const' in inner) {
        delete json.const;
        json.enum = [inner.const, null];
      }
      return json;
    }
    if (Array.isArray(type) && inner.$ref === undefined && inner.anyOf === undefined) {
      return { ...inner, type: type.includes('null') ? type : [...type, 'null'], ...(Array.isArray(inner.enum) && !inner.enum.includes(null) ? { enum: [...inner.enum, null] } : {}) };
    }
    return { anyOf: [inner, { type: 'null' }] };
  }

  private effect(node: Extract<SchemaDescription, { kind: 'effect' }>, path: string): JsonSchema {
    const { io } = this.options;
    switch (node.effect) {
      case 'custom':
        if (this.options.multipart) return { type: 'string', format: 'binary' };
        this.lossy(path, 'custom', 'z.custom()/z.instanceof() run a function; documented as any value');
        return {};
      case 'refine':
        this.lossy(path, 'refine', '.refine()/.superRefine() run a function the schema cannot state');
        return this.emit(node.inner, path);
      case 'transform':
        if (io === 'output') {
          this.lossy(path, 'transform', '.transform() output cannot be read from the schema; documented as any value');
          return {};
        }
        return this.emit(node.inner, path);
      case 'preprocess':
        if (io === 'input') this.lossy(path, 'preprocess', 'z.preprocess() changes the value before it is checked; documented as the checked form');
        return this.emit(node.inner, path);
    }
  }
}

const NOT_LITERAL = Symbol('not a literal');

function isNullNode(node: SchemaDescription): boolean {
  return node.kind === 'null' || (node.kind === 'literal' && node.value === null);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A default value as JSON, or `undefined` when it has no JSON form. A fresh copy each time. */
function jsonValue(factory: () => unknown): unknown {
  try {
    const value = factory();
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  } catch {
    return undefined;
  }
}
