// HTTP throughput of the Express binding against the servers it is built on and compared with.
// Same contract and handler (bench/server-contract.ts) on four servers, each in its own child
// process on 127.0.0.1 and loaded by autocannon from this process:
//   kit      mountModule() with its defaults: request id, context, all-part validation, response validation
//   raw      @ts-rest/express createExpressEndpoints() with its defaults (no response validation)
//   express  plain Express + a hand-written Zod check
//   node     bare node:http + the same Zod checks (the ceiling)
// Routes: GET /api/accounts/:id, and POST /api/accounts with a ~1 KB body (a unique email per request).
// This machine is shared, so runs are short and interleaved (kit and raw alternate in every round,
// in ABBA order) and the kit/raw ratio is the median of the per-round ratios.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { markdownTable, median, saveReport } from './report.js';
import { createBody, EMAIL_ID, SEEDED_ID } from './server-contract.js';

type Target = 'kit' | 'raw' | 'express' | 'node';
type RouteName = 'GET by id' | 'POST create';

const RUN_SECONDS = Number(process.env.BENCH_DURATION ?? 1.5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const CONNECTIONS = 50;
const TARGETS: Target[] = ['kit', 'raw', 'express', 'node'];

interface Run {
  rps: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  cpuPerRequest: number;
}

interface Server {
  url: string;
  child: ChildProcess;
  /** CPU time (µs) and requests served since the previous call. */
  cpu(): Promise<{ micros: number; requests: number }>;
}

// A fresh email per request, so the handler never answers 409.
const [bodyHead, bodyTail] = createBody.split(EMAIL_ID);
let sequence = 0;
const uniqueBody = () => `${bodyHead}${(sequence++).toString(36)}${bodyTail}`;

const ROUTES: Record<RouteName, (url: string) => autocannon.Options> = {
  'GET by id': (url) => ({ url: `${url}/api/accounts/${SEEDED_ID}` }),
  'POST create': (url) => ({
    url,
    requests: [{ method: 'POST', path: '/api/accounts', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: uniqueBody() }) }],
  }),
};

async function startServer(target: Target): Promise<Server> {
  const child = spawn(process.execPath, ['--conditions=@webstir-io/source', '--import', 'tsx', join(import.meta.dirname, 'server-targets.ts'), target], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out.slice(from));
        if (match) {
          child.stdout?.off('data', check);
          child.off('exit', fail);
          resolve(match);
        }
      };
      const fail = (code: number | null) => reject(new Error(`${target} server exited with ${code}`));
      child.stdout?.on('data', check);
      child.once('exit', fail);
      check();
    });
  const [, port] = await waitFor(/listening (\d+)/, 0);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    cpu: async () => {
      const from = out.length;
      child.stdin?.write('cpu\n');
      const [, micros, requests] = await waitFor(/cpu (\d+) (\d+)/, from);
      return { micros: Number(micros), requests: Number(requests) };
    },
  };
}

async function stopServer({ child }: Server): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

async function load(server: Server, options: autocannon.Options, seconds: number): Promise<Run> {
  await server.cpu();
  const started = process.hrtime.bigint();
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: seconds, pipelining: 1, timeout: 10 });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const { micros, requests } = await server.cpu();
  return {
    rps: result.requests.total / elapsed,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cpuPerRequest: requests > 0 ? micros / requests : Number.NaN,
  };
}


const started = Date.now();
const servers = Object.fromEntries(await Promise.all(TARGETS.map(async (t) => [t, await startServer(t)] as const))) as Record<Target, Server>;
const runs = new Map<string, Run[]>();
const kitOverRaw = new Map<RouteName, number[]>();
const kitOverRawCpu = new Map<RouteName, number[]>();
try {
  for (const [name, route] of Object.entries(ROUTES) as [RouteName, (url: string) => autocannon.Options][]) {
    for (const target of TARGETS) await load(servers[target], route(servers[target].url), WARMUP_SECONDS);
    for (let round = 0; round < ROUNDS; round++) {
      // kit and raw in every round, in ABBA order; the other two in every second round.
      const pair: Target[] = round % 2 === 0 ? ['kit', 'raw'] : ['raw', 'kit'];
      const others: Target[] = round % 2 === 0 ? ['express', 'node'] : [];
      const measured: Partial<Record<Target, Run>> = {};
      for (const target of [...pair, ...others]) {
        const run = await load(servers[target], route(servers[target].url), RUN_SECONDS);
        measured[target] = run;
        runs.set(`${target}|${name}`, [...(runs.get(`${target}|${name}`) ?? []), run]);
        console.log(
          `${name.padEnd(12)} round ${round + 1} ${target.padEnd(8)} ${run.rps.toFixed(0).padStart(6)} req/s  p99 ${run.p99} ms  cpu ${run.cpuPerRequest.toFixed(0)} µs/req  errors ${run.errors}  timeouts ${run.timeouts}  non-2xx ${run.non2xx}`,
        );
      }
      kitOverRaw.set(name, [...(kitOverRaw.get(name) ?? []), (measured.kit as Run).rps / (measured.raw as Run).rps]);
      kitOverRawCpu.set(name, [...(kitOverRawCpu.get(name) ?? []), (measured.kit as Run).cpuPerRequest / (measured.raw as Run).cpuPerRequest]);
    }
  }
} finally {
  await Promise.all(TARGETS.map((t) => stopServer(servers[t])));
}

const LABELS: Record<Target, string> = {
  kit: 'kit (mountModule)',
  raw: 'raw @ts-rest/express',
  express: 'Express + hand-written Zod',
  node: 'bare node:http (ceiling)',
};
const rows: (string | number)[][] = [];
const notes: string[] = [];
for (const name of Object.keys(ROUTES) as RouteName[]) {
  const rawRps = median((runs.get(`raw|${name}`) ?? []).map((r) => r.rps));
  for (const target of TARGETS) {
    const list = runs.get(`${target}|${name}`) ?? [];
    const rps = median(list.map((r) => r.rps));
    const sum = (key: 'errors' | 'timeouts' | 'non2xx') => list.reduce((total, r) => total + r[key], 0);
    rows.push([
      name,
      LABELS[target],
      Math.round(rps).toLocaleString('en-US'),
      `${median(list.map((r) => r.p99)).toFixed(0)} ms`,
      `${median(list.map((r) => r.cpuPerRequest)).toFixed(0)} µs`,
      `${sum('errors')} / ${sum('timeouts')} / ${sum('non2xx')}`,
      target === 'kit' ? `**${median(kitOverRaw.get(name) ?? []).toFixed(2)}**` : (rps / rawRps).toFixed(2),
    ]);
  }
  const ratios = kitOverRaw.get(name) ?? [];
  notes.push(
    `${name}: kit/raw = ${median(ratios).toFixed(3)} req/s (per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target >= 0.95); ` +
      `server CPU per request kit/raw = ${median(kitOverRawCpu.get(name) ?? []).toFixed(3)}`,
  );
}

saveReport(
  'server-throughput',
  [
    `### HTTP throughput: ${CONNECTIONS} connections, loopback, Node ${process.version}, ${ROUNDS} rounds of ${RUN_SECONDS} s after ${WARMUP_SECONDS} s of warm-up`,
    '',
    markdownTable(['route', 'server', 'req/s (median)', 'p99 latency', 'server CPU per request', 'errors / timeouts / non-2xx', 'vs raw'], rows),
    '',
    ...notes.map((n) => `- ${n}`),
    '- kit and raw are measured in every round (alternating which goes first); Express and node:http in every second round. The kit/raw ratio is the median of the per-round ratios.',
    `- Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n'),
);
