import { normalizeAuthRequirement } from './auth-requirement.js';
import { CONTRACT_VERSION } from './contract-version.js';
import { warnOnConsole, type Diagnostic, type DiagnosticHandler } from './diagnostic.js';
import { isEventContract } from './events/define-event.js';
import { isModuleEvent, type ModuleEvent } from './events/module-event.js';
import { isHttpMethod } from './http-method.js';
import { ModuleManifestSchema, type JobDefinition, type ModuleManifest, type ServiceDependency } from './module-manifest.js';
import { ProblemList } from './problems.js';
import type { z } from 'zod';
import { RouteDefinitionSchema, type RouteDefinition } from './route-definition.js';
import { resolveRoute } from './resolve/resolve-route.js';
import type { ResolvedRoute } from './resolve/resolved-route.js';
import { SchemaRegistry } from './resolve/schema-registry.js';
import { isRouteSpec, type AnyRouteSpec, type AnySchema } from './route-spec.js';
import { ViewDefinitionSchema, type ViewDefinition } from './view-definition.js';
import { isViewSpec, type AnyViewSpec } from './view-spec.js';
import type { Capability } from './capabilities.js';

/** The parts of the manifest a module states itself; routes, views and events are derived. */
export interface ModuleIdentity {
  name: string;
  version: string;
  kind: 'frontend' | 'backend';
  capabilities?: Capability[];
  jobs?: JobDefinition[];
  services?: ServiceDependency[];
  /** @default CONTRACT_VERSION */
  contractVersion?: string;
}

export interface CreateModuleOptions {
  /** Name, version, kind, capabilities, jobs and services; routes, views and events are derived. */
  manifest: ModuleIdentity;
  /** From `defineRoute` or `fromTsRestRouter`. */
  routes?: readonly AnyRouteSpec[];
  /** From `defineView`. */
  views?: readonly AnyViewSpec[];
  /** From `emits(event)` and `consumes(event)`; each event type once per direction. */
  events?: readonly ModuleEvent[];
  /**
   * Schemas to publish under a name of their own. Wherever one of them is used (by identity),
   * the manifest refers to it by this name and generators emit it once and reference it.
   */
  schemas?: Record<string, AnySchema>;
  /**
   * Turn findings that do not stop the module into errors: a contract part with no runtime schema
   * (`c.type<>()`) is refused instead of accepted unchecked.
   * @default false
   */
  strict?: boolean;
  /** Receives each finding that does not stop the module. @default a warning on stderr */
  onDiagnostic?: DiagnosticHandler;
  /** Runs once before the first request is served. */
  init?: () => void | Promise<void>;
  /** Runs once when the host stops. */
  dispose?: () => void | Promise<void>;
}

/** A module: its serializable manifest, and beside it the specs, schemas and hooks it was made from. */
export interface ContractModule {
  readonly type: 'module';
  readonly manifest: ModuleManifest;
  readonly routes: readonly AnyRouteSpec[];
  /** Every route resolved once: what the binding, the generators and the clients read. */
  readonly resolved: readonly ResolvedRoute[];
  /** Findings that did not stop the module, such as parts with no runtime schema. */
  readonly diagnostics: readonly Diagnostic[];
  readonly views: readonly AnyViewSpec[];
  readonly events: readonly ModuleEvent[];
  /** Every schema a `SchemaReference` of the manifest names, by that name. */
  readonly schemas: Readonly<Record<string, AnySchema>>;
  /** The names given in `CreateModuleOptions.schemas`, the ones meant to be shared components. */
  readonly namedSchemas: readonly string[];
  readonly init?: () => void | Promise<void>;
  readonly dispose?: () => void | Promise<void>;
}

/**
 * Builds a module from its specs: derives the manifest (route and view definitions with stable
 * `SchemaReference`s), checks it, and throws one `ValidationError` listing every problem.
 */
export function createModule(options: CreateModuleOptions): ContractModule {
  const problems = new ProblemList();
  const registry = new SchemaRegistry(options.manifest.name, options.schemas ?? {}, problems);
  const routes = options.routes ?? [];
  const views = options.views ?? [];
  const events = options.events ?? [];

  checkRoutes(routes, problems);

  // Each definition is checked where it was built, so a problem names the spec's own index.
  let reported = new Set(problems.items.map((p) => /^((?:routes|views)\[\d+\])/.exec(p.at)?.[1]));
  const check = (at: string, label: string, schema: z.ZodTypeAny, value: unknown) => {
    const result = schema.safeParse(value);
    if (!result.success && !reported.has(at)) problems.addZodIssues(`${at} (${label})`, result.error.issues);
  };
  const routeDefinitions: RouteDefinition[] = [];
  const resolved: ResolvedRoute[] = [];
  const diagnostics: Diagnostic[] = [];
  routes.forEach((route, index) => {
    if (!isRouteSpec(route)) return;
    const at = `routes[${index}]${typeof route.name === 'string' && route.name ? ` (${route.name})` : ''}`;
    const resolvedRoute = resolveRoute(route, registry, problems, at, { diagnostics, strict: options.strict === true });
    if (!resolvedRoute) return;
    const definition = toRouteDefinition(resolvedRoute);
    check(`routes[${index}]`, route.name, RouteDefinitionSchema, definition);
    routeDefinitions.push(definition);
    resolved.push(resolvedRoute);
  });
  checkViews(views, problems);
  reported = new Set(problems.items.map((p) => /^((?:routes|views)\[\d+\])/.exec(p.at)?.[1]));
  const viewDefinitions: ViewDefinition[] = [];
  views.forEach((view, index) => {
    if (!isViewSpec(view)) return;
    const definition = describeView(view, registry);
    check(`views[${index}]`, view.name, ViewDefinitionSchema, definition);
    viewDefinitions.push(definition);
  });

  const { contractVersion, ...identity } = options.manifest;
  const manifest: ModuleManifest = { ...identity, contractVersion: contractVersion ?? CONTRACT_VERSION };
  if (routeDefinitions.length > 0) manifest.routes = routeDefinitions;
  if (viewDefinitions.length > 0) manifest.views = viewDefinitions;
  if (events.length > 0) {
    const definitions: NonNullable<ModuleManifest['events']> = [];
    events.forEach((use, index) => {
      if (!isModuleEvent(use) || !isEventContract(use.event)) return problems.add(`events[${index}]`, 'is not an event use: use emits(event) or consumes(event)');
      const { event } = use;
      const unknown = use.versions.filter((v) => !event.versionNumbers.includes(v));
      if (unknown.length > 0) return problems.add(`events[${index}] (${event.type})`, `versions ${unknown.join(', ')} are not versions of the event (it has ${event.versionNumbers.join(', ')})`);
      definitions.push({
        type: event.type,
        direction: use.direction,
        versions: use.versions.map((v) => ({ v, payload: registry.reference(event.versions[v] as AnySchema, `${event.type}.v${v}`, 'zod') })),
        ...(event.description ? { description: event.description } : {}),
      });
    });
    manifest.events = definitions;
    const valid = events.filter(isModuleEvent);
    checkDuplicates(valid.map((e) => `${e.direction} ${e.event?.type}`), 'events', 'event', problems);
  }
  if (options.init) manifest.init = true;
  if (options.dispose) manifest.dispose = true;

  // Routes and views were checked one by one above; the rest of the manifest is checked here.
  const { routes: _routes, views: _views, ...rest } = manifest;
  const parsed = ModuleManifestSchema.omit({ routes: true, views: true }).safeParse(rest);
  if (!parsed.success) problems.addZodIssues('manifest', parsed.error.issues);
  problems.throwIfAny('module', options.manifest.name || '(unnamed module)');
  const report = options.onDiagnostic ?? warnOnConsole('module');
  for (const diagnostic of diagnostics) report(diagnostic);

  return {
    type: 'module',
    manifest,
    routes,
    resolved,
    diagnostics,
    views,
    events,
    schemas: registry.byName,
    namedSchemas: Object.keys(options.schemas ?? {}),
    ...(options.init ? { init: options.init } : {}),
    ...(options.dispose ? { dispose: options.dispose } : {}),
  };
}

/** Structural check for a `createModule` result, safe across two installed copies of the package. */
export function isContractModule(value: unknown): value is ContractModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'module' &&
    typeof (value as { manifest?: unknown }).manifest === 'object'
  );
}

function describeView(view: AnyViewSpec, registry: SchemaRegistry): ViewDefinition {
  const definition: ViewDefinition = { name: view.name, path: view.path, data: registry.reference(view.data, `views.${view.name}.data`, 'zod') };
  if (view.params) definition.params = registry.reference(view.params, `views.${view.name}.params`, 'zod');
  if (view.renderMode) definition.renderMode = view.renderMode;
  if (view.staticPaths) definition.staticPaths = [...view.staticPaths];
  return definition;
}

/** The manifest's plain-JSON form of a resolved route. */
export function toRouteDefinition(route: ResolvedRoute): RouteDefinition {
  const input: RouteDefinition['input'] = {};
  for (const part of ['params', 'query', 'headers', 'body'] as const) {
    const resolved = route.input[part];
    if (resolved) input[part] = resolved.reference;
  }
  const responses: RouteDefinition['responses'] = {};
  for (const response of route.responses) responses[String(response.status)] = response.body?.reference ?? null;
  const definition: RouteDefinition = { name: route.name, method: route.method, path: route.path, input, responses };
  if (route.summary !== undefined) definition.summary = route.summary;
  if (route.description !== undefined) definition.description = route.description;
  if (route.tags?.length) definition.tags = [...route.tags];
  if (route.deprecated) definition.deprecated = true;
  if (route.auth) definition.auth = route.auth;
  if (route.contentType !== 'application/json') definition.contentType = route.contentType;
  const contentTypes = route.responses.filter((r) => r.contentType !== undefined);
  if (contentTypes.length > 0) definition.responseContentTypes = Object.fromEntries(contentTypes.map((r) => [String(r.status), r.contentType as string]));
  return definition;
}

function checkRoutes(routes: readonly AnyRouteSpec[], problems: ProblemList): void {
  routes.forEach((route, index) => {
    const at = `routes[${index}]${route && typeof route.name === 'string' && route.name ? ` (${route.name})` : ''}`;
    if (!isRouteSpec(route)) {
      problems.add(at, 'is not a route spec: use defineRoute() or fromTsRestRouter()');
      return;
    }
    if (typeof route.name !== 'string' || route.name.trim() === '') problems.add(at, 'name must not be empty');
    if (!isHttpMethod(route.method)) problems.add(at, `method "${String(route.method)}" is not one of GET, POST, PUT, PATCH, DELETE`);
    if (typeof route.path !== 'string' || !route.path.startsWith('/')) problems.add(at, `path "${String(route.path)}" must start with "/"`);
    const statuses = Object.keys(route.responses ?? {});
    if (statuses.length === 0) problems.add(at, 'must declare at least one response status');
    for (const status of statuses) {
      if (!/^[1-5]\d\d$/.test(status)) problems.add(at, `response status "${status}" is not an HTTP status code`);
    }
  });
  const valid = routes.filter(isRouteSpec);
  checkDuplicates(valid.map((r) => r.name), 'routes', 'route name', problems);
  checkDuplicates(
    valid.map((r) => `${r.method} ${typeof r.path === 'string' ? r.path.replace(/:[A-Za-z0-9_]+/g, ':param') : ''}`),
    'routes',
    'method and path',
    problems,
    valid.map((r) => `${r.method} ${r.path}`),
  );
}

function checkViews(views: readonly AnyViewSpec[], problems: ProblemList): void {
  views.forEach((view, index) => {
    const at = `views[${index}]${view && typeof view.name === 'string' && view.name ? ` (${view.name})` : ''}`;
    if (!isViewSpec(view)) return problems.add(at, 'is not a view spec: use defineView()');
    if (typeof view.name !== 'string' || view.name.trim() === '') problems.add(at, 'name must not be empty');
    if (typeof view.path !== 'string' || !view.path.startsWith('/')) problems.add(at, `path "${String(view.path)}" must start with "/"`);
  });
  const valid = views.filter(isViewSpec);
  checkDuplicates(valid.map((v) => v.name), 'views', 'view name', problems);
  checkDuplicates(valid.map((v) => v.path), 'views', 'view path', problems);
}

function checkDuplicates(keys: readonly string[], where: string, what: string, problems: ProblemList, labels = keys): void {
  const seen = new Map<string, number>();
  keys.forEach((key, index) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.add(`${where}[${index}]`, `duplicate ${what} "${labels[index]}" (first used by ${where}[${first}] "${labels[first]}")`);
  });
}
