import { describeSchema } from '../src/describe/describe-schema.js';
import type { SchemaDescription } from '../src/describe/schema-description.js';
import { emitJsonSchema, type JsonSchema } from '../src/json-schema/emit-json-schema.js';
import type { ProblemList } from '../src/problems.js';
import type { AnySchema } from '../src/route-spec.js';
import type { OpenApiVersion } from './openapi-options.js';

/** A schema in an OpenAPI document: JSON Schema (3.1) or the OpenAPI 3.0 subset. */
export type OpenApiSchema = JsonSchema;

/** Which side of a Zod schema to describe: what it accepts, or what it produces after defaults and transforms. */
export type SchemaIo = 'input' | 'output';

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

interface Claim {
  name: string;
  node: SchemaDescription;
  /** Who gave the name: `module accounts`, or the route that needed it. */
  owner: string;
}

/** What a conversion is for, to name its users in errors and its unnamed shared or recursive parts. */
export interface SchemaUse {
  /** `route accounts.get` */
  user: string;
  /** A name for unnamed parts that need one: `AccountsGetResponse200`. */
  hint: string;
}

/**
 * The schemas of `components.schemas`. Named schemas are referenced by identity wherever they
 * occur. A schema whose input and output differ (defaults, transforms) gets a second component,
 * `<Name>Input`, used by requests. Unnamed recursive schemas are named after where they occur.
 */
export class SchemaComponents {
  private readonly claims: Claim[] = [];
  private readonly nameOf = new Map<SchemaDescription, string>();
  private readonly byName = new Map<string, Claim>();
  private readonly conflicts: { name: string; first: Claim; second: Claim }[] = [];
  /** Component or route users of each named node that was referenced. */
  private readonly usedBy = new Map<SchemaDescription, Set<string>>();
  private readonly differs = new Map<string, boolean>();
  private readonly inputNeeded = new Set<string>();
  private readonly multipart = new Set<SchemaDescription>();

  constructor(
    private readonly version: OpenApiVersion,
    private readonly problems: ProblemList,
  ) {}

  /** Gives `schema` the component name `name`. A second, different schema under one name is a conflict. */
  claim(name: string, schema: AnySchema | SchemaDescription, owner: string): void {
    const node = 'kind' in schema ? schema : describeSchema(schema, { at: `${owner} schema "${name}"` });
    if (!COMPONENT_NAME.test(name)) {
      this.problems.add(`${owner} schema "${name}"`, 'is not a valid component name (letters, digits, ".", "-" and "_" only)');
      return;
    }
    const claim: Claim = { name, node, owner };
    const existing = this.byName.get(name);
    if (existing) {
      if (existing.node === node) return;
      this.conflicts.push({ name, first: existing, second: claim });
      // Referenced under the same name, so that the routes using it can be told apart in the error.
      if (!this.nameOf.has(node)) this.nameOf.set(node, name);
      return;
    }
    this.byName.set(name, claim);
    this.claims.push(claim);
    if (!this.nameOf.has(node)) this.nameOf.set(node, name);
  }

  /** Whether a node already has a component. */
  isNamed(node: SchemaDescription): boolean {
    return this.nameOf.has(node);
  }

  /** A free component name built from `base`. */
  freeName(base: string): string {
    const stem = base || 'Schema';
    let name = stem;
    for (let n = 2; this.byName.has(name); n++) name = `${stem}${n}`;
    return name;
  }

  /** `$ref` to a component, or an inline schema. `inline` forces the root inline even when it is named. */
  convert(node: SchemaDescription, io: SchemaIo, use: SchemaUse, inline = false, multipart = false): OpenApiSchema {
    // A named multipart body is emitted as one too: its file parts are binary strings.
    if (multipart) this.multipart.add(node);
    return this.emit(node, io, use, inline, true, undefined, multipart);
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
        const canonical = this.nameOf.get(claim.node) as string;
        out[claim.name] =
          canonical === claim.name
            ? this.emit(claim.node, 'output', { user: `component ${claim.name}`, hint: claim.name }, true, true, undefined, this.multipart.has(claim.node))
            : { $ref: `${SCHEMA_REF_PREFIX}${canonical}` };
      }
      for (const name of [...this.inputNeeded].filter((n) => !emittedInputs.has(n))) {
        emittedInputs.add(name);
        const claim = this.byName.get(name) as Claim;
        if (this.byName.has(inputName(name))) {
          this.problems.add(`component ${name}`, `reads differently as input, and its input form's name "${inputName(name)}" is taken`);
          continue;
        }
        out[inputName(name)] = this.emit(claim.node, 'input', { user: `component ${name}`, hint: name }, true, true, undefined, this.multipart.has(claim.node));
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
        const parsed = claim.node.schema.safeParse(value);
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
        const routes = this.routesUsing(claim.node);
        return `one from ${claim.owner}, ${routes.length > 0 ? `used by ${routes.join(', ')}` : 'used by no route'}`;
      };
      this.problems.add(
        `component ${name}`,
        `two different schemas claim this name: ${describe(first)}; ${describe(second)}. Give one of them another name`,
      );
    }
  }

  private routesUsing(node: SchemaDescription, seen = new Set<SchemaDescription>()): string[] {
    if (seen.has(node)) return [];
    seen.add(node);
    const routes = new Set<string>();
    for (const user of this.usedBy.get(node) ?? []) {
      if (user.startsWith('route ')) routes.add(user);
      else {
        const claim = this.byName.get(user.slice('component '.length));
        if (claim) for (const route of this.routesUsing(claim.node, seen)) routes.add(route);
      }
    }
    return [...routes];
  }

  /** Emits with component references; `record` says whether uses are recorded (false while probing). */
  private emit(node: SchemaDescription, io: SchemaIo, use: SchemaUse, inlineRoot: boolean, record: boolean, refs?: Set<string>, multipart = false): OpenApiSchema {
    return emitJsonSchema(node, {
      io,
      multipart,
      dialect: this.version === '3.0.3' ? 'openapi-3.0' : '2020-12',
      inlineRoot,
      refFor: (current) => {
        const name = this.nameOf.get(current);
        if (name === undefined) return undefined;
        if (!record) {
          refs?.add(name);
          return `${SCHEMA_REF_PREFIX}${name}`;
        }
        let users = this.usedBy.get(current);
        if (!users) this.usedBy.set(current, (users = new Set()));
        users.add(use.user);
        if (io === 'input' && this.inputDiffers(name)) {
          this.inputNeeded.add(name);
          return `${SCHEMA_REF_PREFIX}${inputName(name)}`;
        }
        return `${SCHEMA_REF_PREFIX}${name}`;
      },
      onRecursion: (current, path) => {
        const name = this.freeName(`${use.hint}${pascal(path.split('/').filter((_, i, all) => all[i - 1] === 'properties').join(' '))}`);
        this.claim(name, current, use.user);
        return `${SCHEMA_REF_PREFIX}${io === 'input' && record && this.inputDiffers(name) ? (this.inputNeeded.add(name), inputName(name)) : name}`;
      },
    });
  }

  /** Whether a named schema reads differently as input and as output, itself or through what it contains. */
  private inputDiffers(name: string): boolean {
    const known = this.differs.get(name);
    if (known !== undefined) return known;
    // Assume no while deciding, so that a schema that contains itself ends the walk.
    this.differs.set(name, false);
    const claim = this.byName.get(name) as Claim;
    const refs = new Set<string>();
    const use = { user: `component ${name}`, hint: name };
    const input = JSON.stringify(this.emit(claim.node, 'input', use, true, false, refs));
    const output = JSON.stringify(this.emit(claim.node, 'output', use, true, false, refs));
    refs.delete(name);
    const result = input !== output || [...refs].some((ref) => this.inputDiffers(ref));
    this.differs.set(name, result);
    return result;
  }
}

function inputName(name: string): string {
  return `${name}Input`;
}

/** `tree get response 200` → `TreeGetResponse200`. */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
