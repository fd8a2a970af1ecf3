// One server of the throughput benchmark in its own process:
//   node --conditions=@webstir-io/source --import tsx bench/server-targets.ts <kit|raw|express|node>
// prints `listening <port>` once it accepts connections on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTarget, TARGETS, type Target } from './server-apps.js';

const target = process.argv[2] as Target;
if (!TARGETS.includes(target)) {
  console.error(`usage: server-targets.ts <${TARGETS.join('|')}>`);
  process.exit(2);
}
const server = createServer({ keepAliveTimeout: 30_000 }, buildTarget(target));
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
