// OpenAPI generation for a generated 500-route contract: the kit's generateOpenApi against
// @ts-rest/open-api's generateOpenApi on the same contract, in the same process, interleaved.
import { performance } from 'node:perf_hooks';
import { generateOpenApi as tsRestGenerateOpenApi } from '@ts-rest/open-api';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { generatedContract } from './openapi-contract.js';
import { markdownTable, median, saveReport } from './report.js';

const RESOURCES = 100; // × 5 routes
const WARMUP = 3;
const ROUNDS = 15;

const { contract, toModule, toUnnamedModule } = generatedContract(RESOURCES);
const module = toModule();
const routeCount = module.routes.length;
const info = { title: 'generated', version: '1.0.0' };
const securitySchemes = { bearer: { type: 'http', scheme: 'bearer' } } as const;

const contenders = {
  'kit generateOpenApi, 3.1.0': () => generateOpenApi(module, { info, securitySchemes }),
  'kit generateOpenApi, 3.0.3': () => generateOpenApi(module, { info, securitySchemes, openapi: '3.0.3' }),
  'kit, from the contract (fromTsRestRouter + createModule + generateOpenApi 3.1.0)': () => generateOpenApi(toModule(), { info, securitySchemes }),
  '@ts-rest/open-api generateOpenApi (3.0.2)': () => tsRestGenerateOpenApi(contract, { info }, { setOperationId: 'concatenated-path' }),
} as const;
type Name = keyof typeof contenders;
const PEER: Name = '@ts-rest/open-api generateOpenApi (3.0.2)';

const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, [] as number[]])) as Record<Name, number[]>;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const [name, run] of Object.entries(contenders) as [Name, () => unknown][]) {
    const started = performance.now();
    run();
    const elapsed = performance.now() - started;
    if (round >= WARMUP) samples[name].push(elapsed);
  }
}

// Reuse: `$ref`s versus inline copies of the named schemas (same property names and required list).
const kitDocument = contenders['kit generateOpenApi, 3.1.0']();
const peerDocument = contenders[PEER]();
const fingerprint = (schema: Record<string, unknown>) =>
  schema && typeof schema === 'object' && schema.properties && typeof schema.properties === 'object'
    ? `${Object.keys(schema.properties).sort().join(',')}|${((schema.required as string[] | undefined) ?? []).slice().sort().join(',')}`
    : undefined;
const named = new Set(Object.values(kitDocument.components?.schemas ?? {}).map((s) => fingerprint(s as Record<string, unknown>)).filter(Boolean));
function reuse(document: unknown): { refs: number; copies: number; responses: number; bytes: number } {
  let refs = 0;
  let copies = 0;
  let responses = 0;
  const walk = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, path));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string') refs++;
    // A component's own definition is the one copy that is meant to be there.
    const isDefinition = path.length === 3 && path[0] === 'components' && path[1] === 'schemas';
    if (!isDefinition && named.has(fingerprint(record))) copies++;
    for (const [key, inner] of Object.entries(record)) walk(inner, [...path, key]);
  };
  walk(document, []);
  for (const item of Object.values((document as { paths: Record<string, Record<string, { responses?: object }>> }).paths)) {
    for (const operation of Object.values(item)) responses += Object.keys(operation.responses ?? {}).length;
  }
  return { refs, copies, responses, bytes: JSON.stringify(document).length };
}
const kitReuse = reuse(kitDocument);
const peerReuse = reuse(peerDocument);
// The same contract with no schema registered under a name, compact JSON as served.
const unnamedDocument = generateOpenApi(toUnnamedModule(), { info, securitySchemes });
const unnamedBytes = JSON.stringify(unnamedDocument).length;
const unnamedResponses = reuse(unnamedDocument).responses;

const peerMedian = median(samples[PEER]);
const rows = (Object.keys(contenders) as Name[]).map((name) => {
  const m = median(samples[name]);
  return [name, m.toFixed(1), Math.min(...samples[name]).toFixed(1), name === PEER ? '1.00 (peer)' : (m / peerMedian).toFixed(2)];
});
const report = [
  `### OpenAPI generation, ${routeCount} routes (${RESOURCES} resources × 5), median of ${ROUNDS} runs after ${WARMUP} warm-up`,
  '',
  markdownTable(['generator', 'median ms', 'min ms', 'ratio to ts-rest (≤ 1.0 is as fast or faster)'], rows),
  '',
  markdownTable(
    ['document', '`$ref` reuses', 'inline copies of named schemas', 'responses documented', 'JSON size'],
    [
      ['kit generateOpenApi (3.1.0)', kitReuse.refs, kitReuse.copies, kitReuse.responses, `${(kitReuse.bytes / 1024).toFixed(0)} KB`],
      ['@ts-rest/open-api (3.0.2)', peerReuse.refs, peerReuse.copies, peerReuse.responses, `${(peerReuse.bytes / 1024).toFixed(0)} KB`],
    ],
  ),
  '',
  markdownTable(
    ['no schema names registered (compact JSON)', 'responses documented', 'size', 'ratio to ts-rest'],
    [
      ['kit generateOpenApi (3.1.0)', unnamedResponses, `${(unnamedBytes / 1024).toFixed(0)} KB`, (unnamedBytes / peerReuse.bytes).toFixed(3)],
      ['@ts-rest/open-api (3.0.2)', peerReuse.responses, `${(peerReuse.bytes / 1024).toFixed(0)} KB`, '1.000'],
    ],
  ),
  '',
  `Node ${process.version}, ${process.platform}/${process.arch}. Run with \`npm run bench -- openapi-generation\`.`,
].join('\n');
saveReport('openapi-generation', report);
