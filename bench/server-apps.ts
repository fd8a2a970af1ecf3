// The four servers of the HTTP benchmarks, as request listeners: the same contract and handler
// (bench/server-contract.ts) behind the kit binding, raw @ts-rest/express, plain Express with a
// hand-written Zod check, and bare node:http.
import type { IncomingMessage, RequestListener } from 'node:http';
import { createExpressEndpoints, initServer } from '@ts-rest/express';
import express from 'express';
import { createModule } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { BenchAccountId, benchContract, BenchCreateAccount, createBenchHandlers } from './server-contract.js';

export const TARGETS = ['kit', 'raw', 'raw-checked', 'express', 'node'] as const;
export type Target = (typeof TARGETS)[number];

/** The kit: the contract as a module, mounted with the binding's defaults (response validation on). */
function kit(): RequestListener {
  const handlers = createBenchHandlers();
  const module = createModule({
    manifest: { name: 'bench', version: '1.0.0', kind: 'backend' },
    routes: fromTsRestRouter(benchContract, { get: ({ params }) => handlers.get(params.id), create: ({ body }) => handlers.create(body) }),
  });
  const app = express();
  mountModule(app, module);
  return app;
}

/** Raw `@ts-rest/express` with its defaults, and Express's JSON body parser. */
function raw(responseValidation = false): RequestListener {
  const handlers = createBenchHandlers();
  const app = express();
  app.use(express.json());
  const router = initServer().router(benchContract, { get: ({ params }) => handlers.get(params.id), create: ({ body }) => handlers.create(body) });
  createExpressEndpoints(benchContract, router, app, { logInitialization: false, responseValidation });
  return app;
}

/** Plain Express with a hand-written Zod check. */
function plainExpress(): RequestListener {
  const handlers = createBenchHandlers();
  const app = express();
  app.use(express.json());
  app.get('/api/accounts/:id', async (req, res, next) => {
    try {
      const params = BenchAccountId.safeParse(req.params);
      if (!params.success) return void res.status(400).json({ code: 'validation', message: 'Invalid params', details: params.error.issues });
      const result = await handlers.get(params.data.id);
      res.status(result.status).json(result.body);
    } catch (error) {
      next(error);
    }
  });
  app.post('/api/accounts', async (req, res, next) => {
    try {
      const body = BenchCreateAccount.safeParse(req.body);
      if (!body.success) return void res.status(400).json({ code: 'validation', message: 'Invalid body', details: body.error.issues });
      const result = await handlers.create(body.data);
      res.status(result.status).json(result.body);
    } catch (error) {
      next(error);
    }
  });
  return app;
}

/** The ceiling: node:http, a regex router, JSON.parse and the same Zod checks. */
function bareNode(): RequestListener {
  const handlers = createBenchHandlers();
  const send = (res: Parameters<RequestListener>[1], status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const readJson = (req: IncomingMessage) =>
    new Promise<unknown>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
      req.on('error', reject);
    });
  const byId = /^\/api\/accounts\/([^/?]+)$/;
  return async (req, res) => {
    try {
      const url = req.url ?? '/';
      const match = req.method === 'GET' ? byId.exec(url) : null;
      if (match) {
        const params = BenchAccountId.safeParse({ id: decodeURIComponent(match[1] as string) });
        if (!params.success) return send(res, 400, { code: 'validation', message: 'Invalid params' });
        const result = await handlers.get(params.data.id);
        return send(res, result.status, result.body);
      }
      if (req.method === 'POST' && url === '/api/accounts') {
        const body = BenchCreateAccount.safeParse(await readJson(req));
        if (!body.success) return send(res, 400, { code: 'validation', message: 'Invalid body' });
        const result = await handlers.create(body.data);
        return send(res, result.status, result.body);
      }
      send(res, 404, { code: 'not_found', message: 'Not found' });
    } catch {
      send(res, 500, { code: 'internal', message: 'Internal Server Error' });
    }
  };
}

const BUILDERS: Record<Target, () => RequestListener> = {
  kit,
  raw: () => raw(),
  // Raw ts-rest checking responses too, as the kit does by default: the like-for-like reference.
  'raw-checked': () => raw(true),
  express: plainExpress,
  node: bareNode,
};

/** A fresh server of the given kind, with its own handler state. */
export function buildTarget(target: Target): RequestListener {
  return BUILDERS[target]();
}
