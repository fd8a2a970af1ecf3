import express from 'express';
import { createLogger, type Logger } from '@webstir-io/module-contract';
import { discoverModules, findModuleCollisions, type DiscoveryReport } from '@webstir-io/module-contract/discovery';
import { mountModule, notFoundHandler, type MountedModule, type MountedRoute } from '@webstir-io/module-contract/express';
import { generateOpenApi, serveDocs, type OpenApiDocument } from '@webstir-io/module-contract/openapi';
import { DemoTokenAuthProvider } from '../accounts/providers.js';

export interface OrchestratorOptions {
  /** The workspace to discover modules in. */
  root: string;
  logger?: Logger;
}

export interface Orchestrator {
  app: express.Express;
  /** What discovery found, refusals included. */
  report: DiscoveryReport;
  /** The one OpenAPI document of every mounted module, served at /docs/openapi.json. */
  document: OpenApiDocument;
  /** Every route and view mounted, with its module's name. */
  routes: (MountedRoute & { module: string })[];
  close(): Promise<void>;
}

/**
 * Discovers the modules under `root`, refuses the broken ones with a logged reason, refuses to
 * start when two backend modules claim the same route, and serves every backend module on one
 * Express app with one OpenAPI document and docs page at /docs. `GET /_modules` lists what was
 * mounted, listed and refused.
 */
export async function createOrchestrator(options: OrchestratorOptions): Promise<Orchestrator> {
  const logger = options.logger ?? createLogger();
  const report = await discoverModules({ root: options.root });
  for (const refusal of report.refused) {
    logger.warn(`[orchestrator] skipped ${refusal.package}: ${refusal.reason}: ${refusal.message}`, { reason: refusal.reason });
  }
  const backend = report.modules.filter((m) => m.kind === 'backend');
  const collisions = findModuleCollisions(backend.map((m) => m.module));
  if (collisions.length > 0) {
    throw new Error(`[orchestrator] ${collisions.length} collision${collisions.length === 1 ? '' : 's'} between modules; nothing is served:\n${collisions.map((c) => `  - ${c.message}`).join('\n')}`);
  }
  // Built before anything is mounted, so a conflict between modules' schemas also stops the start.
  const document = generateOpenApi(
    backend.map((m) => m.module),
    {
      info: { title: 'Shop API', version: '1.0.0', description: `Modules: ${backend.map((m) => `${m.manifest.name} ${m.manifest.version}`).join(', ')}` },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A demo token: `demo-admin` or `demo-reader`.' } },
    },
  );

  const auth = new DemoTokenAuthProvider();
  const app = express();
  app.disable('x-powered-by');
  const mounted: { name: string; handle: MountedModule }[] = [];
  for (const found of backend) {
    // basePath: false: no module claims a prefix that another module's routes share (such as /api).
    const handle = mountModule(app, found.module, { logger, basePath: false, context: () => ({ auth }) });
    mounted.push({ name: found.manifest.name, handle });
  }
  serveDocs(app, document, { path: '/docs' });
  app.get('/_modules', (_req, res) => {
    res.json({
      mounted: backend.map((m) => ({ name: m.manifest.name, version: m.manifest.version, package: m.package })),
      listed: report.modules.filter((m) => m.kind !== 'backend').map((m) => ({ name: m.manifest.name, version: m.manifest.version, kind: m.kind, package: m.package })),
      refused: report.refused.map((r) => ({ package: r.package, reason: r.reason, message: r.message })),
    });
  });
  app.use(notFoundHandler());
  await Promise.all(mounted.map((m) => m.handle.ready));

  return {
    app,
    report,
    document,
    routes: mounted.flatMap((m) => m.handle.routes.map((route) => ({ ...route, module: m.name }))),
    close: async () => {
      await Promise.all(mounted.map((m) => m.handle.close()));
    },
  };
}
