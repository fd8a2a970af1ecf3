import type { ProblemList } from '../src/problems.js';
import type { AnySchema } from '../src/route-spec.js';
import type { OpenApiVersion } from './openapi-options.js';
import { SCHEMA_REF_PREFIX, zodToOpenApiSchema, type OpenApiSchema, type SchemaIo, type ZodDef } from './zod-to-openapi.js';

const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

interface Claim {
  name: string;
  schema: AnySchema;
  /** Who gave the name: `module accounts`, or the route that needed it. */
  owner: string;
}

/** What a conversion is for, to name its users in errors and its recursive parts. */
export interface SchemaUse {
  /** `route accounts.get` */
  user: string;
  /** A name for unnamed recursive parts: `TreeGetResponse200`. */
  hint: string;
}

/**
 * The schemas of `components.schemas`. Named Zod schemas are referenced by identity wherever they
 * occur. A schema whose input and output differ (defaults, transforms) gets a second component,
 * `<Name>Input`, used by requests. Unnamed recursive schemas are named after where they occur.
 */
export class SchemaComponents {
  private readonly claims: Claim[] = [];
  private readonly nameOf = new Map<ZodDef, string>();
  private readonly byName = new Map<string, Claim>();
  private readonly conflicts: { name: string; first: Claim; second: Claim }[] = [];
  /** Component or route users of each definition that was referenced. */
  private readonly usedBy = new Map<ZodDef, Set<string>>();
  private readonly differs = new Map<string, boolean>();
  private readonly selfDiff = new Map<string, { differs: boolean; refs: Set<string> }>();
  private readonly inputNeeded = new Set<string>();

  constructor(
    private readonly version: OpenApiVersion,
    private readonly problems: ProblemList,
  ) {}

  /** Gives `schema` the component name `name`. A second, different schema under one name is a conflict. */
  claim(name: string, schema: AnySchema, owner: string): void {
    if (!COMPONENT_NAME.test(name)) {
      this.problems.add(`${owner} schema "${name}"`, 'is not a valid component name (letters, digits, ".", "-" and "_" only)');
      return;
    }
    const claim: Claim = { name, schema, owner };
    const def = schema._def as ZodDef;
    const existing = this.byName.get(name);
    if (existing) {
      if (existing.schema === schema) return;
      this.conflicts.push({ name, first: existing, second: claim });
      // Referenced under the same name, so that the routes using it can be told apart in the error.
      if (!this.nameOf.has(def)) this.nameOf.set(def, name);
      return;
    }
    this.byName.set(name, claim);
    this.claims.push(claim);
    if (!this.nameOf.has(def)) this.nameOf.set(def, name);
  }

  private defsOf(claim: Claim): ZodDef {
    return claim.schema._def as ZodDef;
  }

  /** `$ref` to a component, or an inline schema. `inline` forces the root inline even when it is named. */
  convert(schema: AnySchema, io: SchemaIo, use: SchemaUse, inline = false): OpenApiSchema {
    return this.run(schema, io, use, inline ? (schema._def as ZodDef) : undefined, 'final');
  }

  /** Every component, sorted by name: output forms, and the input forms that requests refer to. */
  components(): Record<string, OpenApiSchema> {
    const out: Record<string, OpenApiSchema> = {};
    const emittedInputs = new Set<string>();
    let emitted = 0;
    // Emitting can name more recursive parts and need more input forms: go on until nothing is left.
    while (emitted < this.claims.length || [...this.inputNeeded].some((n) => !emittedInputs.has(n))) {
      for (; emitted < this.claims.length; emitted++) {
        const claim = this.claims[emitted] as Claim;
        const def = this.defsOf(claim);
        const canonical = this.nameOf.get(def) as string;
        out[claim.name] =
          canonical === claim.name
            ? this.run(claim.schema, 'output', { user: `component ${claim.name}`, hint: claim.name }, def, 'final')
            : { $ref: `${SCHEMA_REF_PREFIX}${canonical}` };
      }
      for (const name of [...this.inputNeeded].filter((n) => !emittedInputs.has(n))) {
        emittedInputs.add(name);
        const claim = this.byName.get(name) as Claim;
        if (this.byName.has(this.inputName(name))) {
          this.problems.add(`component ${name}`, `reads differently as input, and its input form's name "${this.inputName(name)}" is taken`);
          continue;
        }
        out[this.inputName(name)] = this.run(claim.schema, 'input', { user: `component ${name}`, hint: name }, this.defsOf(claim), 'final');
      }
    }
    return Object.fromEntries(Object.keys(out).sort().map((name) => [name, out[name] as OpenApiSchema]));
  }

  /** Adds `examples` (3.1) or `example` (3.0) to a component after checking them against its schema. */
  addExamples(components: Record<string, OpenApiSchema>, examples: Record<string, readonly unknown[]>): void {
    for (const [name, values] of Object.entries(examples)) {
      const claim = this.byName.get(name);
      const component = components[name];
      if (!claim || !component) {
        this.problems.add(`examples.${name}`, `there is no component "${name}"; components: ${Object.keys(components).join(', ')}`);
        continue;
      }
      values.forEach((value, index) => {
        const parsed = claim.schema.safeParse(value);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
          this.problems.add(`examples.${name}[${index}]`, `does not match the schema: ${issues}`);
        }
      });
      if (values.length === 0) continue;
      if (this.version === '3.1.0') component.examples = [...values];
      else component.example = values[0];
    }
  }

  /** Reports every name that two different schemas claim, with the routes that use each. */
  reportConflicts(): void {
    for (const { name, first, second } of this.conflicts) {
      const describe = (claim: Claim) => {
        const routes = this.routesUsing(this.defsOf(claim));
        return `one from ${claim.owner}, ${routes.length > 0 ? `used by ${routes.join(', ')}` : 'used by no route'}`;
      };
      this.problems.add(
        `component ${name}`,
        `two different schemas claim this name: ${describe(first)}; ${describe(second)}. Give one of them another name`,
      );
    }
  }

  private routesUsing(def: ZodDef, seen = new Set<ZodDef>()): string[] {
    if (seen.has(def)) return [];
    seen.add(def);
    const routes = new Set<string>();
    for (const user of this.usedBy.get(def) ?? []) {
      if (user.startsWith('route ')) routes.add(user);
      else {
        const claim = this.byName.get(user.slice('component '.length));
        if (claim) for (const route of this.routesUsing(this.defsOf(claim), seen)) routes.add(route);
      }
    }
    return [...routes];
  }

  private inputName(name: string): string {
    return `${name}Input`;
  }

  /** Converts, naming unnamed recursive definitions and converting again until none is left. */
  private run(schema: AnySchema, io: SchemaIo, use: SchemaUse, inlineRoot: ZodDef | undefined, mode: 'final' | 'probe', refs?: Set<string>): OpenApiSchema {
    for (;;) {
      const recursive: { def: ZodDef; path: readonly string[] }[] = [];
      const converted = zodToOpenApiSchema(schema, {
        version: this.version,
        io,
        ...(inlineRoot ? { inlineRoot } : {}),
        refFor: (def) => {
          const name = this.nameOf.get(def);
          if (name === undefined) return undefined;
          if (mode === 'probe') {
            refs?.add(name);
            return name;
          }
          let users = this.usedBy.get(def);
          if (!users) this.usedBy.set(def, (users = new Set()));
          users.add(use.user);
          if (io === 'input' && this.inputDiffers(name)) {
            this.inputNeeded.add(name);
            return this.inputName(name);
          }
          return name;
        },
        onRecursion: (def, path) => recursive.push({ def, path }),
      });
      const fresh = recursive.filter(({ def }) => !this.nameOf.has(def));
      if (fresh.length === 0) return converted;
      for (const { def, path } of fresh) {
        if (this.nameOf.has(def)) continue;
        const found = findSchema(schema, def);
        const name = this.freeName(`${use.hint}${pascal(path.filter((_, i) => path[i - 1] === 'properties').join(' '))}`);
        if (found) this.claim(name, found, use.user);
        if (!this.nameOf.has(def)) {
          this.problems.add(use.user, `a recursive schema at ${path.join('/')} could not be named: register it in createModule({ schemas })`);
          return converted;
        }
      }
    }
  }

  /** Whether a named schema reads differently as input and as output, itself or through what it contains. */
  private inputDiffers(name: string): boolean {
    const known = this.differs.get(name);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    const visit = (current: string): boolean => {
      if (seen.has(current)) return false;
      seen.add(current);
      const info = this.selfInfo(current);
      return info.differs || [...info.refs].some(visit);
    };
    const result = visit(name);
    this.differs.set(name, result);
    return result;
  }

  private selfInfo(name: string): { differs: boolean; refs: Set<string> } {
    const known = this.selfDiff.get(name);
    if (known) return known;
    const claim = this.byName.get(name) as Claim;
    const refs = new Set<string>();
    const def = this.defsOf(claim);
    const use = { user: `component ${name}`, hint: name };
    const input = JSON.stringify(this.run(claim.schema, 'input', use, def, 'probe', refs));
    const output = JSON.stringify(this.run(claim.schema, 'output', use, def, 'probe', refs));
    refs.delete(name);
    const info = { differs: input !== output, refs };
    this.selfDiff.set(name, info);
    return info;
  }

  private freeName(base: string): string {
    const stem = base || 'Schema';
    let name = stem;
    for (let n = 2; this.byName.has(name); n++) name = `${stem}${n}`;
    return name;
  }
}

/** Finds the schema object that owns `def` inside `schema` (for the recursive parts that get a name). */
function findSchema(schema: AnySchema, def: ZodDef, seen = new Set<unknown>()): AnySchema | undefined {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return undefined;
  seen.add(schema);
  if (schema._def === (def as unknown)) return schema;
  const current = schema._def as ZodDef;
  const children: unknown[] = [];
  for (const value of Object.values(current)) children.push(...(Array.isArray(value) ? value : [value]));
  if (typeof current.shape === 'function') children.push(...Object.values((current.shape as () => Record<string, unknown>)()));
  if (typeof current.getter === 'function') children.push((current.getter as () => unknown)());
  if (current.options instanceof Map) children.push(...current.options.values());
  for (const child of children) {
    if (isZodSchema(child)) {
      const found = findSchema(child, def, seen);
      if (found) return found;
    }
  }
  return undefined;
}

function isZodSchema(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function' && typeof (value as { _def?: unknown })._def === 'object';
}

/** `tree get response 200` → `TreeGetResponse200`. */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
