import type { ContractModule } from '../src/create-module.js';
import { isRouteSpec } from '../src/route-spec.js';
import { isViewSpec } from '../src/view-spec.js';

/** Two modules that claim the same route, route name or view path. */
export interface ModuleCollision {
  /** `route`: same method and path (parameter names aside); `route-name`: same route name (one operationId); `view`: same view path. */
  kind: 'route' | 'route-name' | 'view';
  /** What both claim, such as `GET /api/notes/:id`. */
  key: string;
  /** The two module names, the earlier one first. */
  modules: [string, string];
  message: string;
}

/**
 * Every route, route name and view path that two modules both claim, so a host can refuse to serve
 * them together before it mounts anything. Paths compare with parameter names ignored:
 * `/notes/:id` and `/notes/:noteId` collide.
 * @example
 * const collisions = findModuleCollisions(modules);
 * if (collisions.length) throw new Error(collisions.map((c) => c.message).join('\n'));
 */
export function findModuleCollisions(modules: readonly ContractModule[]): ModuleCollision[] {
  const collisions: ModuleCollision[] = [];
  const claims = { route: new Map<string, Claim>(), 'route-name': new Map<string, Claim>(), view: new Map<string, Claim>() };
  const claim = (kind: ModuleCollision['kind'], key: string, label: string, owner: Claim) => {
    const first = claims[kind].get(key);
    if (!first) return void claims[kind].set(key, owner);
    if (first.module === owner.module) return; // createModule already refuses duplicates inside one module
    collisions.push({
      kind,
      key: label,
      modules: [first.module, owner.module],
      message: `${kindLabel[kind]} ${label} is claimed by module ${first.module} (${first.what}) and module ${owner.module} (${owner.what})`,
    });
  };
  for (const module of modules) {
    const name = module.manifest.name;
    for (const route of module.routes.filter(isRouteSpec)) {
      claim('route', `${route.method} ${shape(route.path)}`, `${route.method} ${route.path}`, { module: name, what: `route ${route.name}` });
      claim('route-name', route.name, `"${route.name}"`, { module: name, what: `${route.method} ${route.path}` });
    }
    for (const view of module.views.filter(isViewSpec)) {
      claim('view', shape(view.path), view.path, { module: name, what: `view ${view.name}` });
    }
  }
  return collisions;
}

interface Claim {
  module: string;
  what: string;
}

const kindLabel = { route: 'route', 'route-name': 'route name', view: 'view path' } as const;

function shape(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+/g, ':param').replace(/\/+$/, '') || '/';
}
