import type { oas30, oas31 } from 'openapi3-ts';
import { OpenApiBuilder as OpenApiBuilder30 } from 'openapi3-ts/oas30';
import { OpenApiBuilder as OpenApiBuilder31 } from 'openapi3-ts/oas31';
import { isContractModule, type ContractModule } from '../src/create-module.js';
import { ModuleErrorSchema } from '../src/module-error.js';
import { ProblemList } from '../src/problems.js';
import { buildOperation } from './build-operation.js';
import type { GenerateOpenApiOptions, OpenApi30Options, OpenApi31Options, OpenApiDocument } from './openapi-options.js';
import { operationIdFor } from './operation-id.js';
import { openApiPath } from './parameters.js';
import { ERROR_COMPONENT, kitResponseComponents } from './responses.js';
import { SchemaComponents } from './schema-components.js';
import { DEFAULT_HEADER_SCHEME } from './security.js';
import { nameSharedSchemas } from './shared-schemas.js';

/**
 * Generates the OpenAPI document of one or more modules, from the same route specs the server
 * binds. OpenAPI 3.1.0 by default; pass `openapi: '3.0.3'` for 3.0.
 *
 * Schemas the module names (`createModule({ schemas })`) become `components.schemas` and are
 * referenced wherever they occur; errors use the one `ModuleError` component. Every problem across
 * routes is reported in one `ValidationError`, each line prefixed with its route.
 * @example
 * const document = generateOpenApi(accountsModule, {
 *   info: { title: 'Accounts', version: '1.0.0' },
 *   securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
 * });
 */
export function generateOpenApi(modules: ContractModule | readonly ContractModule[], options: OpenApi30Options): oas30.OpenAPIObject;
export function generateOpenApi(modules: ContractModule | readonly ContractModule[], options?: OpenApi31Options): oas31.OpenAPIObject;
export function generateOpenApi(modules: ContractModule | readonly ContractModule[], options: GenerateOpenApiOptions = {}): OpenApiDocument {
  const list: readonly ContractModule[] = isContractModule(modules) ? [modules] : modules;
  const version = options.openapi ?? '3.1.0';
  const problems = new ProblemList();
  const valid = list.filter((module, index) => {
    if (isContractModule(module)) return true;
    problems.add(`modules[${index}]`, 'is not a module: use createModule()');
    return false;
  });
  if (list.length === 0) problems.add('modules', 'no module given');
  const several = valid.length > 1;

  const components = new SchemaComponents(version, problems);
  components.claim(ERROR_COMPONENT, ModuleErrorSchema, 'the kit');
  for (const module of valid) {
    for (const name of module.namedSchemas) {
      const schema = module.schemas[name];
      if (schema) components.claim(name, schema, `module ${module.manifest.name}`);
    }
  }

  for (const module of valid) nameSharedSchemas(module.resolved, components);

  // Session routes list the schemes the options declare; the header scheme is added for emitting only.
  const configuredSchemes = { ...options.securitySchemes } as Record<string, { type?: string }>;
  const securitySchemes: Record<string, unknown> = { ...configuredSchemes };
  const headerScheme = options.authorizationHeaderScheme ?? DEFAULT_HEADER_SCHEME;
  const kitStatuses = new Set<number>();
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Map<string, string>();
  const endpoints = new Map<string, string>();
  const usedTags: string[] = [];
  for (const module of valid) {
    for (const route of module.resolved) {
      const at = `route ${route.name}${several ? ` (module ${module.manifest.name})` : ''}`;
      const operationId = operationIdFor(route.name);
      const path = openApiPath(route.path);
      const method = route.method.toLowerCase();
      const endpoint = `${route.method} ${path.replace(/\{[^}]+\}/g, '{}')}`;
      claimOnce(operationIds, operationId, at, problems, `operationId "${operationId}"`);
      claimOnce(endpoints, endpoint, at, problems, `${route.method} ${path}`);
      try {
        if (route.credentials?.kind === 'authorization-header' && !(headerScheme in securitySchemes)) {
          securitySchemes[headerScheme] = { type: 'http', scheme: 'bearer' };
        }
        const operation = buildOperation(route, { version, components, securitySchemes: configuredSchemes, headerScheme, problems, at, kitStatuses });
        (paths[path] ??= {})[method] = operation;
        for (const tag of route.tags ?? []) if (!usedTags.includes(tag)) usedTags.push(tag);
      } catch (error) {
        problems.add(at, `could not be described: ${(error as Error).message}`);
      }
    }
  }

  const schemas = components.components();
  components.reportConflicts();
  if (options.examples) components.addExamples(schemas, options.examples);
  const names = valid.map((m) => m.manifest.name);
  problems.throwIfAny('openapi', several ? `modules ${names.join(', ')}` : `module ${names[0] ?? '(none)'}`);

  const tags = [...(options.tags ?? [])];
  for (const name of usedTags) if (!tags.some((tag) => tag.name === name)) tags.push({ name });
  const base = {
    openapi: version,
    info: {
      title: names.join(', '),
      version: [...new Set(valid.map((m) => m.manifest.version))].join(', '),
      ...options.info,
    },
    ...(options.servers?.length ? { servers: [...options.servers] } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    paths: {},
  };
  const builder = version === '3.0.3' ? OpenApiBuilder30.create(base as oas30.OpenAPIObject) : OpenApiBuilder31.create(base as oas31.OpenAPIObject);
  for (const [path, item] of Object.entries(paths)) builder.addPath(path, item as never);
  for (const [name, schema] of Object.entries(schemas)) builder.addSchema(name, schema as never);
  for (const [name, response] of Object.entries(kitResponseComponents(kitStatuses))) builder.addResponse(name, response as never);
  for (const [name, scheme] of Object.entries(securitySchemes)) builder.addSecurityScheme(name, scheme as never);
  return builder.getSpec();
}

function claimOnce(seen: Map<string, string>, key: string, at: string, problems: ProblemList, what: string): void {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, at);
  else problems.add(at, `${what} is also used by ${first}`);
}
