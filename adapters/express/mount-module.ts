import { createExpressEndpoints } from '@ts-rest/express';
import type { IRouter } from 'express';
import type { ContractModule } from '../../src/create-module.js';
import { silentLogger } from '../../src/logger.js';
import { ProblemList } from '../../src/problems.js';
import { isViewSpec } from '../../src/view-spec.js';
import { createErrorHandler } from './error-response.js';
import { methodNotAllowed, notFound } from './fallbacks.js';
import { createMountGate } from './mount-gate.js';
import type { MountedModule, MountedRoute, MountOptions } from './mount-options.js';
import { createContextFactory } from './request-context.js';
import { createRouteEndpoint, type EndpointShared } from './route-endpoint.js';
import { toAppRoute } from './to-app-route.js';
import { getRequestState } from './request-state.js';
import { toValidationError } from './validation-issues.js';
import { createViewEndpoint } from './view-endpoint.js';

/**
 * Serves a module on an Express app or router, on `@ts-rest/express`. Every request gets a
 * `RequestContext` (request id, auth, db, env, logger); every part of it is validated; every
 * response, success or error, keeps the contract; errors use the one error shape. The module's
 * `init` starts now and requests wait for it; `close()` runs its `dispose`.
 * @example
 * const app = express();
 * const mounted = mountModule(app, accountsModule, { context: () => ({ auth, db }), logger });
 * await mounted.ready;
 * // on shutdown: await mounted.close();
 */
export function mountModule(target: IRouter, module: ContractModule, options: MountOptions = {}): MountedModule {
  const logger = options.logger ?? silentLogger;
  const viewsPrefix = normalizePrefix(options.viewsPrefix ?? '/_views');
  const routes = module.resolved;
  const views = module.views.filter(isViewSpec);
  checkOptions(module, options);

  const gate = createMountGate(module.init, (error) =>
    logger.error(`[express] module ${module.manifest.name}: init failed`, { error }),
  );
  const shared: EndpointShared = {
    gate,
    createContext: createContextFactory(options, logger),
    bodyLimit: options.bodyLimit ?? '100kb',
    multipart: { fileSize: '5mb', files: 10, fields: 100, fieldSize: options.bodyLimit ?? '100kb', ...options.multipart },
    responseValidation: options.responseValidation ?? true,
  };

  // Everything is registered on the target itself: a nested router would cost every request a
  // second pass through Express's routing. The error handler answers only requests the module claimed.
  const router = target;
  const mounted: MountedRoute[] = [];
  const contract: Record<string, unknown> = {};
  const implementation: Record<string, unknown> = {};
  routes.forEach((route, index) => {
    contract[`route${index}`] = toAppRoute(route);
    implementation[`route${index}`] = createRouteEndpoint(route, shared);
    mounted.push({ kind: 'route', name: route.name, method: route.method, path: route.path });
  });
  createExpressEndpoints(contract as never, implementation as never, router, {
    logInitialization: false,
    jsonQuery: false,
    responseValidation: false,
    requestValidationErrorHandler: (error, _req, res, next) =>
      next(toValidationError({ params: error.pathParams, query: error.query, headers: error.headers, body: error.body }, getRequestState(res)?.queryIssues)),
  });

  for (const view of views) {
    const path = `${viewsPrefix}${view.path}`;
    router.get(path, createViewEndpoint(view, shared));
    mounted.push({ kind: 'view', name: view.name, method: 'GET', path });
  }

  const methodsByPath = new Map<string, string[]>();
  for (const { method, path } of mounted) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method]);
  for (const [path, methods] of methodsByPath) router.all(path, methodNotAllowed(methods));

  const claimed: string[] = [];
  if (options.basePath !== false) {
    const basePath = options.basePath !== undefined ? normalizePrefix(options.basePath) || '/' : commonPrefix(routes.map((r) => r.path));
    if (basePath && (basePath !== '/' || options.basePath !== undefined)) claimed.push(basePath);
  }
  if (views.length > 0 && viewsPrefix) claimed.push(viewsPrefix);
  for (const prefix of claimed) router.use(prefix, notFound);
  router.use(createErrorHandler(logger, claimed));

  let closing: Promise<void> | undefined;
  return {
    routes: mounted,
    ready: gate.wait,
    close: () =>
      (closing ??= gate.wait.catch(() => undefined).then(async () => {
        await module.dispose?.();
      })),
  };
}

function checkOptions(module: ContractModule, options: MountOptions): void {
  const problems = new ProblemList();
  if (options.viewsPrefix !== undefined && !/^\/[^?#]*$/.test(options.viewsPrefix)) problems.add('viewsPrefix', 'must start with "/"');
  if (typeof options.basePath === 'string' && !/^\/[^?#]*$/.test(options.basePath)) problems.add('basePath', 'must start with "/" (or be false)');
  const limit = options.bodyLimit;
  if (limit !== undefined && !(typeof limit === 'number' ? limit > 0 : /^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(limit))) {
    problems.add('bodyLimit', `"${String(limit)}" is not a size such as 102400 or "100kb"`);
  }
  for (const [key, value] of Object.entries(options.multipart ?? {})) {
    const ok = typeof value === 'number' ? value > 0 : (key === 'fileSize' || key === 'fieldSize') && /^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(String(value));
    if (!ok) problems.add(`multipart.${key}`, `"${String(value)}" is not a positive ${key === 'fileSize' || key === 'fieldSize' ? 'size such as 5242880 or "5mb"' : 'count'}`);
  }
  problems.throwIfAny('express', `module ${module.manifest.name}`);
}

function normalizePrefix(prefix: string): string {
  return prefix.replace(/\/+$/, '');
}

/** The longest run of leading static segments shared by every path: `/api` for `/api/a` and `/api/b/:id`. */
function commonPrefix(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const split = paths.map((path) => path.split('/').filter(Boolean));
  const shared: string[] = [];
  for (let i = 0; ; i++) {
    const segment = split[0]?.[i];
    if (segment === undefined || segment.startsWith(':') || /[*?()]/.test(segment)) break;
    if (!split.every((parts) => parts[i] === segment && parts.length > i + 1)) break;
    shared.push(segment);
  }
  return `/${shared.join('/')}`;
}
