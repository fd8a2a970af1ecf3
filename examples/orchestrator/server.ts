import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrchestrator } from './orchestrator.js';

/** `npm run example:orchestrator`: every module of the example workspace on PORT (default 3001). */
const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
const root = process.env.WORKSPACE ?? join(dirname(fileURLToPath(import.meta.url)), 'workspace');

let orchestrator;
try {
  orchestrator = await createOrchestrator({ root });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { app, report, routes, close } = orchestrator;
const server = createServer(app);
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
const url = `http://${host}:${(server.address() as AddressInfo).port}`;
console.log(`Orchestrator listening on ${url}`);
for (const route of routes) console.log(`  ${route.method.padEnd(6)} ${url}${route.path}  (${route.module}: ${route.kind} ${route.name})`);
for (const m of report.modules.filter((m) => m.kind !== 'backend')) console.log(`Listed, not mounted: ${m.manifest.name} (${m.kind})`);
for (const r of report.refused) console.log(`Refused: ${r.package}: ${r.reason}`);
console.log(`Docs:    ${url}/docs`);
console.log(`Modules: ${url}/_modules`);

const stop = async () => {
  await close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
