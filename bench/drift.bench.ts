// Drift guard cost: diffContracts over two 500-route artifact sets (manifest, OpenAPI, one schema
// file per named schema), against a structural deep-equal of the same two sets in the same process
// (the floor for any comparison) and against generating the OpenAPI document once.
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { diffContracts, type ContractArtifacts } from '@webstir-io/module-contract/drift';
import { generateOpenApi, moduleJsonSchemas } from '@webstir-io/module-contract/openapi';
import { generatedContract } from './openapi-contract.js';
import { markdownTable, median, saveReport } from './report.js';

const RESOURCES = 100; // × 5 routes
const CHANGED_EVERY = 4; // every 4th resource's Item: `name` made optional, an optional field added
const WARMUP = 3;
const ROUNDS = 15;

const module = generatedContract(RESOURCES).toModule();
const toSet = (): ContractArtifacts => ({
  manifest: JSON.parse(JSON.stringify(module.manifest)),
  openapi: JSON.parse(JSON.stringify(generateOpenApi(module))),
  schemas: Object.fromEntries(Object.entries(moduleJsonSchemas(module)).map(([file, schema]) => [file, JSON.parse(JSON.stringify({ $id: file, ...schema }))])),
});
const base = toSet();
const same = toSet();
const changed = toSet();
const components = (changed.openapi as { components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> } }).components.schemas;
for (let i = 0; i < RESOURCES; i += CHANGED_EVERY) {
  const item = components[`Item${i}`];
  if (!item) throw new Error(`no Item${i} component`);
  item.required = item.required.filter((name) => name !== 'name');
  item.properties.extra = { type: 'string' };
}

const contenders = {
  'diffContracts, unchanged head': () => diffContracts(base, same),
  [`diffContracts, ${RESOURCES / CHANGED_EVERY} resources changed`]: () => diffContracts(base, changed),
  'isDeepStrictEqual of the two sets (no semantics)': () => isDeepStrictEqual(base, changed),
  'generateOpenApi once (for scale)': () => generateOpenApi(module),
} as const;
type Name = keyof typeof contenders;
const PEER: Name = 'isDeepStrictEqual of the two sets (no semantics)';

const sanity = diffContracts(base, changed);
const breaking = sanity.changes.filter((c) => c.severity === 'breaking').length;
if (diffContracts(base, same).changes.length !== 0 || breaking === 0) throw new Error('the diff did not find what the benchmark planted');

const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, [] as number[]])) as Record<Name, number[]>;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  for (const [name, run] of Object.entries(contenders) as [Name, () => unknown][]) {
    const started = performance.now();
    run();
    const elapsed = performance.now() - started;
    if (round >= WARMUP) samples[name].push(elapsed);
  }
}
const peerMedian = median(samples[PEER]);
const rows = (Object.keys(contenders) as Name[]).map((name) => {
  const m = median(samples[name]);
  return [name, m.toFixed(1), Math.min(...samples[name]).toFixed(1), name === PEER ? '1.00 (peer)' : (m / peerMedian).toFixed(2)];
});
const routes = module.routes.length;
const report = [
  `### Drift guard, two ${routes}-route artifact sets (${Object.keys(base.schemas).length} schema files each), median of ${ROUNDS} runs after ${WARMUP} warm-up`,
  '',
  markdownTable(['comparison', 'median ms', 'min ms', 'ratio to deep-equal'], rows),
  '',
  `The changed head reports ${sanity.changes.length} changes (${breaking} breaking). Node ${process.version}, ${process.platform}/${process.arch}. Run with \`npm run bench -- drift\`.`,
].join('\n');
saveReport('drift', report);
