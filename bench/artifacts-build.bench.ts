// `module-contract build` on a generated contract of 500 routes plus 200 named entities that no
// route uses: time and peak memory of the whole artifact set, against @ts-rest/open-api writing
// only an OpenAPI document for the same contract. Each contender runs in a process of its own so
// that its peak memory (max RSS) is its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateOpenApi as tsRestGenerateOpenApi } from '@ts-rest/open-api';
import { z } from 'zod';
import type { AnySchema } from '@webstir-io/module-contract';
import { buildArtifacts } from '@webstir-io/module-contract/artifacts';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { generatedContract } from './openapi-contract.js';
import { markdownTable, median, saveReport } from './report.js';

const RESOURCES = 100; // × 5 routes
const ENTITIES = 200;
const WARMUP = 1;
const ROUNDS = 5;
// The whole build takes long enough that its first run is measured too, and three make the median.
const BUILD_ROUNDS = 3;

function entities(): Record<string, AnySchema> {
  const out: Record<string, AnySchema> = {};
  for (let i = 0; i < ENTITIES; i++) {
    out[`Entity${i}`] = z.object({
      id: z.string().uuid(),
      title: z.string().min(1).max(200),
      score: z.number().min(0).max(1),
      kind: z.enum(['a', 'b', 'c']),
      tags: z.array(z.string()).max(20),
      parent: z.string().uuid().nullable(),
      meta: z.record(z.string(), z.string()).optional(),
    });
  }
  return out;
}

type Contender = 'kit build (whole artifact set)' | 'kit generateOpenApi only' | '@ts-rest/open-api generateOpenApi';
const CONTENDERS: Contender[] = ['kit build (whole artifact set)', 'kit generateOpenApi only', '@ts-rest/open-api generateOpenApi'];
const PEER: Contender = '@ts-rest/open-api generateOpenApi';

async function child(name: Contender): Promise<void> {
  const { contract, toModule } = generatedContract(RESOURCES);
  const extra = entities();
  let files = 0;
  let bytes = 0;
  const stages: Record<string, number[]> = {};
  const runs: Record<Contender, () => Promise<void>> = {
    'kit build (whole artifact set)': async () => {
      let stage = 'fromTsRestRouter + createModule';
      let started = performance.now();
      const lap = (next: string) => {
        const now = performance.now();
        (stages[stage] ??= []).push(now - started);
        stage = next;
        started = now;
      };
      const module = toModule();
      const set = await buildArtifacts({ modules: [module], schemas: extra }, { onStage: lap });
      lap('');
      files = set.files.size;
      bytes = [...set.files.values()].reduce((n, text) => n + text.length, 0);
    },
    'kit generateOpenApi only': async () => void generateOpenApi(toModule(), { info: { title: 'generated', version: '1.0.0' } }),
    '@ts-rest/open-api generateOpenApi': async () => void tsRestGenerateOpenApi(contract, { info: { title: 'generated', version: '1.0.0' } }, { setOperationId: 'concatenated-path' }),
  };
  const ms: number[] = [];
  const [warmup, rounds] = name === 'kit build (whole artifact set)' ? [0, BUILD_ROUNDS] : [WARMUP, ROUNDS];
  for (let round = 0; round < warmup + rounds; round++) {
    const started = performance.now();
    await runs[name]();
    if (round >= warmup) ms.push(performance.now() - started);
  }
  console.log(JSON.stringify({ ms, stages, maxRssKb: process.resourceUsage().maxRSS, files, bytes, routes: toModule().routes.length, named: toModule().namedSchemas.length + ENTITIES }));
}

const childArg = process.argv.indexOf('--child');
if (childArg !== -1) {
  await child(process.argv[childArg + 1] as Contender);
} else {
  const results = {} as Record<Contender, { ms: number[]; stages: Record<string, number[]>; maxRssKb: number; files: number; bytes: number; routes: number; named: number }>;
  for (const name of CONTENDERS) {
    const run = spawnSync(process.execPath, ['--conditions=@webstir-io/source', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
    results[name] = JSON.parse(run.stdout.trim().split('\n').pop() as string);
  }
  const peer = median(results[PEER].ms);
  const build = results['kit build (whole artifact set)'];
  const rows = CONTENDERS.map((name) => {
    const r = results[name];
    return [name, median(r.ms).toFixed(0), Math.min(...r.ms).toFixed(0), (r.maxRssKb / 1024).toFixed(0), name === PEER ? '1.00 (peer)' : (median(r.ms) / peer).toFixed(2)];
  });
  saveReport(
    'artifacts-build',
    [
      `### Artifact build, ${build.routes} routes and ${build.named} named schemas (${ENTITIES} of them entities no route uses), median of ${ROUNDS} runs after ${WARMUP} warm-up (the build: ${BUILD_ROUNDS} runs)`,
      '',
      markdownTable(['contender', 'median ms', 'min ms', 'peak RSS MB (process)', 'time ratio to @ts-rest/open-api'], rows),
      '',
      `Where the build's time goes (median ms per part):`,
      '',
      markdownTable(['part', 'median ms'], Object.entries(build.stages).map(([stage, values]) => [stage, median(values).toFixed(0)])),
      '',
      `The build writes ${build.files} files (${(build.bytes / 1024 / 1024).toFixed(1)} MB): manifest, OpenAPI JSON and YAML, one JSON Schema per schema, the client, Pydantic models and the fidelity report; the peer writes one OpenAPI document.`,
      '',
      `Node ${process.version}, ${process.platform}/${process.arch}. Run with \`npm run bench -- artifacts-build\`.`,
    ].join('\n'),
  );
}
