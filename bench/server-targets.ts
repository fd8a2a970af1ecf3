// The four servers of the throughput benchmark, each in its own process:
//   node --conditions=@webstir-io/source --import tsx bench/server-targets.ts <kit|raw|express|node>
// prints `listening <port>` once it accepts connections on 127.0.0.1.
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initServer, createExpressEndpoints } from '@ts-rest/express';
import express from 'express';
import { createModule } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { BenchAccountId, benchContract, BenchCreateAccount, createBenchHandlers } from './server-contract.js';

const TARGETS = ['kit', 'raw', 'express', 'node'] as const;
type Target = (typeof TARGETS)[number];

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
function raw(): RequestListener {
  const handlers = createBenchHandlers();
  const app = express();
  app.use(express.json());
  const router = initServer().router(benchContract, { get: ({ params }) => handlers.get(params.id), create: ({ body }) => handlers.create(body) });
  createExpressEndpoints(benchContract, router, app, { logInitialization: false });
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

const BUILDERS: Record<Target, () => RequestListener> = { kit, raw, express: plainExpress, node: bareNode };

const target = process.argv[2] as Target;
if (!TARGETS.includes(target)) {
  console.error(`usage: server-targets.ts <${TARGETS.join('|')}>`);
  process.exit(2);
}
const server = createServer({ keepAliveTimeout: 30_000 }, BUILDERS[target]());
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});

// `cpu` on stdin: reply with the CPU time and requests served since the last `cpu`, so the
// benchmark can report CPU per request, which other load on the machine disturbs far less than req/s.
let requests = 0;
let since = process.cpuUsage();
server.on('request', () => requests++);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text: string) => {
  if (!text.includes('cpu')) return;
  const used = process.cpuUsage(since);
  console.log(`cpu ${used.user + used.system} ${requests}`);
  since = process.cpuUsage();
  requests = 0;
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
