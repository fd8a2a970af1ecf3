import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { accountsServerOptions, createAccountsApp } from './app.js';
import { DEMO_TOKENS } from './providers.js';

/** `npm start`: the Accounts API on PORT (default 3000), until SIGINT or SIGTERM. */
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}

const { app, routes, close } = await createAccountsApp();
const server = createServer(accountsServerOptions, app);
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
const { port: bound } = server.address() as AddressInfo;
const url = `http://${host}:${bound}`;

console.log(`Accounts API listening on ${url}`);
for (const route of routes) console.log(`  ${route.method.padEnd(6)} ${url}${route.path}  (${route.kind} ${route.name})`);
console.log(`Docs:    ${url}/docs (avatars: ${url}/docs/avatars)`);
console.log(`Web app: ${url}/app/`);
console.log('Demo tokens (Authorization: Bearer <token>):');
for (const [token, { permissions }] of Object.entries(DEMO_TOKENS)) {
  console.log(`  ${token}: ${permissions.length > 0 ? permissions.join(', ') : 'no permissions'}`);
}

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  try {
    await close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // Requests still running after a grace period are cut off.
      setTimeout(() => server.closeAllConnections(), 5_000).unref();
    });
    process.exit(0);
  } catch (error) {
    console.error('shutdown failed', error);
    process.exit(1);
  }
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
