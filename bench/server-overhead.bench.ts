// The binding's own cost per request, without sockets: the same Express apps as the throughput
// benchmark (bench/server-targets.ts), driven in this process through node:http request and
// response objects on an in-memory socket, and timed in CPU microseconds per request. With no
// kernel, network or load generator in the loop, what remains is the JavaScript each server runs,
// which a shared machine disturbs far less than it disturbs req/s. Blocks alternate between servers.
import { IncomingMessage, ServerResponse, type RequestListener } from 'node:http';
import { Duplex } from 'node:stream';
import { markdownTable, median, saveReport } from './report.js';
import { createBody, EMAIL_ID, SEEDED_ID } from './server-contract.js';
import { buildTarget, type Target } from './server-apps.js';

const BLOCK = Number(process.env.BENCH_BLOCK ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const TARGETS: Target[] = ['kit', 'raw', 'raw-checked', 'express'];
const LABELS: Record<Target, string> = {
  kit: 'kit (mountModule)',
  raw: 'raw @ts-rest/express',
  'raw-checked': 'raw @ts-rest/express, responseValidation: true',
  express: 'Express + hand-written Zod',
  node: 'bare node:http',
};

// A socket that accepts and discards whatever the response writes.
const socket = new Duplex({ read() {}, write: (_chunk, _encoding, done) => done() }) as Duplex & { setTimeout(): unknown };
socket.setTimeout = () => socket;

const [bodyHead, bodyTail] = createBody.split(EMAIL_ID);
let sequence = 0;

function serve(app: RequestListener, post: boolean): Promise<number> {
  return new Promise((resolve) => {
    const req = new IncomingMessage(socket as never);
    req.method = post ? 'POST' : 'GET';
    req.url = post ? '/api/accounts' : `/api/accounts/${SEEDED_ID}`;
    if (post) {
      const body = Buffer.from(`${bodyHead}${(sequence++).toString(36)}${bodyTail}`);
      req.headers = { host: 'bench', 'content-type': 'application/json', 'content-length': String(body.length) };
      req.push(body);
    } else req.headers = { host: 'bench' };
    req.push(null);
    req.complete = true;
    const res = new ServerResponse(req);
    res.assignSocket(socket as never);
    res.on('finish', () => {
      res.detachSocket(socket as never);
      resolve(res.statusCode);
    });
    app(req, res);
  });
}

async function block(app: RequestListener, post: boolean, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const status = await serve(app, post);
    if (status !== (post ? 201 : 200)) throw new Error(`unexpected status ${status}`);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}


const started = Date.now();
const apps = Object.fromEntries(TARGETS.map((t) => [t, buildTarget(t)])) as Record<Target, RequestListener>;
const rows: (string | number)[][] = [];
const notes: string[] = [];
for (const [name, post] of [['GET by id', false], ['POST create', true]] as const) {
  for (const target of TARGETS) await block(apps[target], post, BLOCK);
  const samples = new Map<Target, number[]>();
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? TARGETS : [...TARGETS].reverse();
    const measured = new Map<Target, number>();
    for (const target of order) {
      const micros = await block(apps[target], post, BLOCK);
      measured.set(target, micros);
      samples.set(target, [...(samples.get(target) ?? []), micros]);
    }
    ratios.push((measured.get('kit') as number) / (measured.get('raw') as number));
  }
  const raw = median(samples.get('raw') ?? []);
  for (const target of TARGETS) {
    const micros = median(samples.get(target) ?? []);
    rows.push([name, LABELS[target], `${micros.toFixed(1)} µs`, target === 'kit' ? `**${median(ratios).toFixed(3)}**` : (micros / raw).toFixed(3)]);
  }
  notes.push(`${name}: kit/raw CPU per request = ${median(ratios).toFixed(3)} (median of ${ROUNDS} paired blocks; spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
}

saveReport(
  'server-overhead',
  [
    `### Binding overhead without sockets: CPU per request, ${ROUNDS} alternating blocks of ${BLOCK} requests, Node ${process.version}`,
    '',
    markdownTable(['route', 'server', 'CPU per request (median)', 'vs raw'], rows),
    '',
    ...notes.map((n) => `- ${n}`),
    '- Lower is better; the kit row is the median of per-block kit/raw ratios. The kit checks every response against its schema by default; raw ts-rest does not unless `responseValidation: true` (its own row).',
    `- Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n'),
);
