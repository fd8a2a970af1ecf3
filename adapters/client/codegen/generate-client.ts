import type { ContractModule } from '../../../src/create-module.js';
import { ProblemList } from '../../../src/problems.js';
import type { ResolvedRoute } from '../../../src/resolve/resolved-route.js';
import type { AnySchema } from '../../../src/route-spec.js';
import { toJsonSchema, type JsonSchema } from '../../../openapi/json-schema.js';
import { pascal } from '../../../openapi/schema-components.js';
import { printType } from './json-schema-to-ts.js';
import { SUCCESS_STATUSES, standaloneRuntime } from './standalone-runtime.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// Names the runtime part of a generated client declares; a schema may not take them.
const RUNTIME_NAMES = [
  'KnownErrorCode', 'ErrorCode', 'ModuleError', 'HeaderRecord', 'ClientOptions', 'CallOptions', 'ClientFailureCode', 'ClientResponse',
  'ClientFailure', 'HttpStatus', 'Undeclared', 'AnyClientResult', 'SuccessBody', 'FailureBody', 'ContractClientError',
  'isContractClientError', 'unwrap', 'createClient',
];

type Io = 'input' | 'output';

/**
 * Writes a standalone TypeScript client for a module: its schemas as types, one typed call per
 * route, and a small `fetch`-based runtime, with no dependencies (no ts-rest, no Zod). Calls have
 * the shape and results of `createClient`'s. Every problem (a schema name that is not an
 * identifier, a non-JSON route) is reported in one error.
 * @example writeFileSync('accounts-client.ts', generateClient(accountsModule));
 */
export function generateClient(module: ContractModule): string {
  const problems = new ProblemList();
  const named = module.namedSchemas.map((name) => [name, module.schemas[name] as AnySchema] as const);
  const isErrorName = (name: string) => name === 'ModuleError';

  // Named schemas: their output type, and their input type when it differs (defaults, coercion).
  const inputNames = new Set<string>();
  const typeDecls: string[] = [];
  const jsonOf = (schema: AnySchema, io: Io) => toJsonSchema(schema, { io, definitions: Object.fromEntries(named), allDefinitions: true });
  // Converted together, so that a named schema inside another is a `$ref` to its own definition.
  const documents = { output: named.length ? jsonOf(named[0]![1], 'output') : {}, input: named.length ? jsonOf(named[0]![1], 'input') : {} };
  const outputs = (documents.output.definitions ?? {}) as Record<string, JsonSchema>;
  const inputs = (documents.input.definitions ?? {}) as Record<string, JsonSchema>;
  for (const [name] of named) {
    if (isErrorName(name)) continue;
    if (!IDENTIFIER.test(name)) problems.add(`schemas.${name}`, 'is not a TypeScript identifier, so it cannot name a type');
    else if (RUNTIME_NAMES.includes(name) || name.endsWith('Args') || name.endsWith('Result') || name.endsWith('Client'))
      problems.add(`schemas.${name}`, 'clashes with a name the generated client declares; rename the schema');
    const output = outputs[name] ?? {};
    const input = inputs[name] ?? {};
    if (JSON.stringify(input) !== JSON.stringify(output)) inputNames.add(name);
    typeDecls.push(declare(name, output, 'output', module.manifest.name));
    if (inputNames.has(name)) typeDecls.push(declare(`${name}Input`, input, 'input'));
  }
  function refName(io: Io) {
    return (name: string) => (isErrorName(name) ? 'ModuleError' : io === 'input' && inputNames.has(name) ? `${name}Input` : name);
  }
  function declare(name: string, schema: JsonSchema, io: Io, owner?: string): string {
    const type = printType(schema, { ref: refName(io), root: documents[io], io });
    const doc = typeof schema.description === 'string' ? schema.description : owner ? `The \`${name}\` schema of the ${owner} module.` : `What \`${name.slice(0, -'Input'.length)}\` accepts as input.`;
    return `/** ${doc} */\n${type.startsWith('{') ? `export interface ${name} ${type}` : `export type ${name} = ${type};`}`;
  }
  const typeOf = (schema: AnySchema, io: Io, indent: string): string => {
    const name = named.find(([, candidate]) => candidate === schema)?.[0];
    if (name) return refName(io)(name);
    // Named schemas inside are references to the declarations above: their definitions are not needed again.
    const document = toJsonSchema(schema, { io, definitions: Object.fromEntries(named), refsOnly: true });
    const { $schema: _schema, ...rest } = document;
    return printType(rest, { ref: refName(io), root: document, io }, indent);
  };

  // Routes: argument and result types, and the client's nested shape.
  const routeDecls: string[] = [];
  const tree: Tree = new Map();
  const names = new Set<string>();
  module.resolved.forEach((route, index) => {
    const at = `routes[${index}] ${route.name}`;
    const segments = route.name.split('.');
    if (!segments.every((segment) => IDENTIFIER.test(segment))) {
      problems.add(at, 'every dot-separated part of the route name must be a TypeScript identifier');
      return;
    }
    if (route.contentType && route.contentType !== 'application/json') {
      problems.add(at, `request content type ${route.contentType} is not supported by the generated client; use createClient`);
      return;
    }
    const typeName = segments.map((s) => s[0]!.toUpperCase() + s.slice(1)).join('');
    if (names.has(typeName)) problems.add(at, `its type name ${typeName} is taken by another route`);
    names.add(typeName);
    routeDecls.push(routeTypes(route, typeName, typeOf, hasErrorShape((schema) => toJsonSchema(schema, { io: 'output', definitions: Object.fromEntries(named), refsOnly: true }), outputs)));
    const clash = insert(tree, segments, { route, typeName });
    if (clash) problems.add(at, clash);
  });
  problems.throwIfAny('client', `module ${module.manifest.name}`);

  const clientName = `${pascal(module.manifest.name)}Client`;
  return [
    `// Client for the ${module.manifest.name} module ${module.manifest.version}, generated by \`module-contract client\`. Do not edit; regenerate.`,
    '// Standalone: types and fetch, no dependencies.',
    '/* eslint-disable */',
    '',
    '// ---- Schemas',
    '',
    ...typeDecls.flatMap((decl) => [decl, '']),
    '// ---- Routes',
    '',
    ...routeDecls.flatMap((decl) => [decl, '']),
    `/** The ${module.manifest.name} module's routes, shaped like its contract. */`,
    `export interface ${clientName} ${printTree(tree, '', (leaf, indent) => method(leaf, indent))}`,
    '',
    `/** Creates a client for the ${module.manifest.name} module; \`baseUrl\` \`''\` calls the page's own origin. */`,
    `export function createClient(options: ClientOptions): ${clientName} {`,
    `  return ${printTree(tree, '  ', (leaf) => `route(options, '${leaf.route.method}', ${JSON.stringify(leaf.route.path)}, [${statuses(leaf.route).join(', ')}])`, ',')};`,
    '}',
    '',
    '// ---- Runtime',
    '',
    standaloneRuntime().trimEnd(),
    '',
  ].join('\n');
}

interface Leaf {
  route: ResolvedRoute;
  typeName: string;
}
type Tree = Map<string, Tree | Leaf>;

function insert(tree: Tree, [head, ...rest]: string[], leaf: Leaf): string | undefined {
  const existing = tree.get(head!);
  if (rest.length === 0) {
    if (existing) return 'its name is already taken by another route or a group of routes';
    tree.set(head!, leaf);
    return undefined;
  }
  if (existing && !(existing instanceof Map)) return `its group ${head} is already a route`;
  const child: Tree = existing ?? new Map();
  tree.set(head!, child);
  return insert(child, rest, leaf);
}

function printTree(tree: Tree, indent: string, leaf: (leaf: Leaf, indent: string) => string, separator = ''): string {
  const inner = `${indent}  `;
  const lines = [...tree].map(([key, node]) =>
    node instanceof Map ? `${inner}${key}: ${printTree(node, inner, leaf, separator)}${separator || ';'}` : `${separator ? `${inner}${key}: ` : ''}${leaf(node, inner)}${separator}`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function method({ route, typeName }: Leaf, indent: string): string {
  const doc = [route.summary, route.description, route.deprecated ? '@deprecated' : undefined].filter(Boolean).join('\n');
  const comment = doc ? `${indent}/**\n${doc.split('\n').map((line) => `${indent} * ${line.replace(/\*\//g, '*\\/')}`).join('\n')}\n${indent} */\n` : '';
  const optional = argsOptional(route) ? '?' : '';
  return `${comment}${indent}${route.name.split('.').at(-1)}(args${optional}: ${typeName}Args): Promise<${typeName}Result>;`;
}

function statuses(route: ResolvedRoute): number[] {
  return route.responses.map((response) => response.status);
}

function argsOptional(route: ResolvedRoute): boolean {
  return partsOf(route).every((part) => part.optional);
}

interface Part {
  key: 'params' | 'query' | 'body' | 'headers';
  schema: AnySchema | undefined;
  optional: boolean;
}

function partsOf(route: ResolvedRoute): Part[] {
  const parts: Part[] = [];
  const { input } = route;
  if (input.params || route.pathParams.length > 0) parts.push({ key: 'params', schema: input.params?.schema, optional: false });
  for (const key of ['query', 'body', 'headers'] as const) {
    const schema = input[key]?.schema;
    // An empty query or header set is `{}` on the wire; an omitted body is no body at all.
    if (schema) parts.push({ key, schema, optional: schema.safeParse(key === 'body' ? undefined : {}).success });
  }
  return parts;
}

function routeTypes(
  route: ResolvedRoute,
  typeName: string,
  typeOf: (schema: AnySchema, io: Io, indent: string) => string,
  isErrorShape: (schema: AnySchema) => boolean,
): string {
  const fields = partsOf(route).map(({ key, schema, optional }) => {
    const type = schema ? typeOf(schema, 'input', '  ') : `{ ${route.pathParams.map((name) => `${name}: string`).join('; ')} }`;
    return `  ${key}${optional ? '?' : ''}: ${type};`;
  });
  const args = fields.length ? `export interface ${typeName}Args extends CallOptions {\n${fields.join('\n')}\n}` : `export type ${typeName}Args = CallOptions;`;
  const declared = statuses(route);
  const variants = route.responses.map(({ status, body: response }) => {
    const schema = response?.schema;
    const ok = (SUCCESS_STATUSES as readonly number[]).includes(status);
    const body = !schema ? 'undefined' : !ok && isErrorShape(schema) ? 'ModuleError' : typeOf(schema, 'output', '  ');
    return `  | ClientResponse<${status}, ${body}, ${ok}>`;
  });
  const result = [`export type ${typeName}Result =`, ...variants, `  | Undeclared<${declared.join(' | ') || 'never'}>`, '  | ClientFailure;'].join('\n');
  return `/** What \`${route.name}\` takes. */\n${args}\n\n/** Every outcome of \`${route.name}\` (${route.method} ${route.path}). */\n${result}`;
}

// Like createClient's typing: an error body with a string `code` and `message` is a ModuleError.
function hasErrorShape(jsonOf: (schema: AnySchema) => JsonSchema, definitions: Record<string, JsonSchema>) {
  return (schema: AnySchema): boolean => {
    const json = jsonOf(schema);
    const resolved = typeof json.$ref === 'string' ? definitions[json.$ref.split('/').at(-1)!] : json;
    const properties = resolved?.properties as Record<string, JsonSchema> | undefined;
    const required = (resolved?.required as string[] | undefined) ?? [];
    return ['code', 'message'].every((key) => properties?.[key]?.type === 'string' && required.includes(key));
  };
}

