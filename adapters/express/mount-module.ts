import { createExpressEndpoints } from '@ts-rest/express';
import express, { type IRouter } from 'express';
import type { ContractModule } from '../../src/create-module.js';
import { silentLogger, type Logger } from '../../src/logger.js';

/** Options of `mountModule`. */
export interface MountOptions {
  logger?: Logger;
}

/** What `mountModule` returns. */
export interface MountedModule {
  /** Resolves once the module's `init` has run. */
  ready: Promise<void>;
  /** Runs the module's `dispose`. */
  close(): Promise<void>;
}

/** Mounts a module's routes on an Express app or router. */
export function mountModule(target: IRouter, module: ContractModule, options: MountOptions = {}): MountedModule {
  const router = express.Router();
  router.use(express.json());
  const contract: Record<string, unknown> = {};
  const implementation: Record<string, unknown> = {};
  module.routes.forEach((spec, index) => {
    const key = `r${index}`;
    contract[key] = (spec.source as { route: unknown }).route;
    implementation[key] = async (args: { params: unknown; query: unknown; headers: unknown; body: unknown; req: unknown; res: unknown }) =>
      spec.handler(args, { req: args.req, res: args.res, logger: options.logger ?? silentLogger } as never);
  });
  createExpressEndpoints(contract as never, implementation as never, router, { logInitialization: false });
  target.use(router);
  const ready = Promise.resolve(module.init?.());
  return { ready, close: async () => module.dispose?.() };
}
