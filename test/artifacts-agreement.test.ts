import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContractModule } from '@webstir-io/module-contract';
import { buildArtifacts, writeArtifacts } from '@webstir-io/module-contract/artifacts';
import { createAccountsModule } from './fixtures/accounts.js';
import { HARD_CASES, hardCasesModule } from './fixtures/hard-cases.js';
import { arbitraryFor, mutate } from './fixtures/json-schema-arbitrary.js';
import { pythonSkipReason, runPythonJson } from './fixtures/python.js';
import { seedNote, testSeed } from './fixtures/seed.js';

// Zod is the referee: Ajv on the emitted JSON Schema, Python's jsonschema on the same files and the
// generated Pydantic models must accept and refuse exactly what it does, and a Pydantic round trip
// (validate, then model_dump(mode="json")) must give Zod's parsed output.

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const root = join(import.meta.dirname, '..');
const seed = testSeed();
const GENERATED = 40;
const skip = pythonSkipReason(['pydantic', 'jsonschema']);

type Validator = 'ajv' | 'jsonschema' | 'pydantic';
const VALIDATORS: Validator[] = ['ajv', 'jsonschema', 'pydantic'];

/**
 * Known disagreements, each with its reason (listed in docs/fidelity.md). A disagreement that no
 * entry explains fails the test.
 */
const EXCEPTIONS: { id: string; validators: Validator[]; applies: (schemaText: string, sampleText: string, schema: string) => boolean; reason: string }[] = [
  {
    id: 'coerce',
    validators: ['ajv', 'jsonschema', 'pydantic'],
    applies: (_, __, schema) => schema.endsWith('.query'),
    reason: 'query parameters arrive as strings and `pageQuery()` coerces them (`z.coerce.number()`); the JSON Schema describes the number after coercion',
  },
  {
    id: 'format',
    validators: ['ajv', 'jsonschema'],
    applies: (schema) => schema.includes('"format"'),
    reason: 'JSON Schema validators check `format` (email, uuid, date-time, date) by their own rules, which differ from Zod\'s; the emitted schema carries no `pattern` with Zod\'s rule',
  },
  {
    id: 'utf16-length',
    validators: ['ajv', 'jsonschema', 'pydantic'],
    applies: (schema, sample) => /"(?:min|max)Length"/.test(schema) && /\\ud[89ab]|[\u{10000}-\u{10FFFF}]/iu.test(sample),
    reason: 'Zod measures string length in UTF-16 code units; JSON Schema and Pydantic count code points, so an emoji is 2 for Zod and 1 for them',
  },
  {
    id: 'python-regex',
    validators: ['jsonschema'],
    applies: (schema, sample) => schema.includes('"pattern"') && /\\n|[^\x00-\x7f]/.test(sample),
    reason: 'Python jsonschema runs `pattern` with Python\'s `re`: `$` also matches before a final newline and `\\d` matches any Unicode digit (ECMA-262 does neither)',
  },
];

/** Round trips known to differ from Zod's output, with the reason (listed in docs/fidelity.md). */
const ROUND_TRIP_EXCEPTIONS: { id: string; schema: string; reason: string }[] = [
  {
    id: 'passthrough',
    schema: 'hard-cases/StrictAndPassthrough',
    reason: 'the emitter writes a `.passthrough()` object like a stripping one (no `additionalProperties: true`), so the model drops the unknown keys that Zod keeps',
  },
];

interface Outcome {
  set: string;
  schema: string;
  text: string;
  zod: boolean;
  results: Record<Validator, boolean>;
  zodOutput?: unknown;
  dump?: unknown;
}

describe.skipIf(skip)('four-way agreement: Zod, Ajv, Python jsonschema, Pydantic', () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', 'agreement-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function evaluate(set: string, module: ContractModule, fixed: Record<string, unknown[]>): Promise<Outcome[]> {
    const { files } = await buildArtifacts({ modules: [module] });
    const out = join(dir, set);
    writeArtifacts(out, files);
    const schemas = new Map<string, Record<string, unknown>>();
    for (const [path, text] of files) if (path.startsWith('schemas/')) schemas.set(path.slice('schemas/'.length), JSON.parse(text));

    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    for (const schema of schemas.values()) ajv.addSchema(schema);

    const cases: { file: string; name: string; texts: string[] }[] = [];
    for (const [file, schema] of schemas) {
      const name = file.replace(/\.schema\.json$/, '');
      const arbitrary = arbitraryFor(schema, schemas);
      const generated = fc.sample(arbitrary, { seed, numRuns: GENERATED });
      const mutated = generated.map((value, i) => fc.sample(mutate(value), { seed: seed + i + 1, numRuns: 1 })[0]);
      const samples = [...(fixed[name] ?? []), ...generated, ...mutated];
      cases.push({ file, name, texts: samples.map((s) => JSON.stringify(s)).filter((t): t is string => t !== undefined) });
    }
    const request = join(out, 'request.json');
    writeFileSync(request, JSON.stringify({ dir: out, cases }));
    const python = runPythonJson<[boolean, boolean, string | null][][]>(join(root, 'test/fixtures/agreement.py'), [request]);

    const outcomes: Outcome[] = [];
    cases.forEach(({ file, name, texts }, i) => {
      const validate = ajv.getSchema(file);
      if (!validate) throw new Error(`Ajv has no schema ${file}`);
      const zodSchema = module.schemas[name];
      if (!zodSchema) throw new Error(`no Zod schema for ${file}`);
      texts.forEach((text, j) => {
        const [jsonschema, pydantic, dump] = python[i]![j]!;
        const value = JSON.parse(text);
        const parsed = zodSchema.safeParse(value);
        outcomes.push({
          set,
          schema: name,
          text,
          zod: parsed.success,
          results: { ajv: validate(JSON.parse(text)) as boolean, jsonschema, pydantic },
          ...(parsed.success ? { zodOutput: JSON.parse(JSON.stringify(parsed.data ?? null)) } : {}),
          ...(dump !== null ? { dump: JSON.parse(dump) } : {}),
        });
      });
    });
    return outcomes;
  }

  it('agrees on every example and hard-case sample, except the listed exceptions', async () => {
    const hardSamples = Object.fromEntries(Object.entries(HARD_CASES).map(([name, { samples }]) => [name, samples]));
    const outcomes = [...(await evaluate('accounts', createAccountsModule(), {})), ...(await evaluate('hard-cases', hardCasesModule(), hardSamples))];
    const schemaTexts = new Map<string, string>();
    const { files: accountFiles } = await buildArtifacts({ modules: [createAccountsModule()] });
    const { files: hardFiles } = await buildArtifacts({ modules: [hardCasesModule()] });
    for (const [set, files] of [['accounts', accountFiles], ['hard-cases', hardFiles]] as const) {
      for (const [path, text] of files) if (path.startsWith('schemas/')) schemaTexts.set(`${set}/${path.slice(8, -12)}`, bundle(text, files));
    }

    const counts = Object.fromEntries(VALIDATORS.map((v) => [v, { agree: 0, explained: 0, unexplained: 0 }])) as Record<Validator, { agree: number; explained: number; unexplained: number }>;
    const byException: Record<string, number> = {};
    const unexplained: string[] = [];
    const roundTrip: string[] = [];
    for (const outcome of outcomes) {
      const schemaText = schemaTexts.get(`${outcome.set}/${outcome.schema}`) ?? '';
      for (const validator of VALIDATORS) {
        if (outcome.results[validator] === outcome.zod) {
          counts[validator].agree++;
          continue;
        }
        const exception = EXCEPTIONS.find((e) => e.validators.includes(validator) && e.applies(schemaText, outcome.text, outcome.schema));
        if (exception) {
          counts[validator].explained++;
          byException[exception.id] = (byException[exception.id] ?? 0) + 1;
        } else {
          counts[validator].unexplained++;
          unexplained.push(`${outcome.set}/${outcome.schema} ${validator} ${outcome.results[validator] ? 'accepts' : 'refuses'} (Zod ${outcome.zod ? 'accepts' : 'refuses'}): ${outcome.text}`);
        }
      }
      if (outcome.zod && outcome.results.pydantic && JSON.stringify(sortDeep(outcome.dump)) !== JSON.stringify(sortDeep(outcome.zodOutput))) {
        const exception = ROUND_TRIP_EXCEPTIONS.find((e) => e.schema === `${outcome.set}/${outcome.schema}`);
        if (exception) {
          byException[`round trip: ${exception.id}`] = (byException[`round trip: ${exception.id}`] ?? 0) + 1;
          continue;
        }
        roundTrip.push(`${outcome.set}/${outcome.schema}: ${outcome.text}\n    zod      ${JSON.stringify(outcome.zodOutput)}\n    pydantic ${JSON.stringify(outcome.dump)}`);
      }
    }

    const schemasCount = new Set(outcomes.map((o) => `${o.set}/${o.schema}`)).size;
    const accepted = outcomes.filter((o) => o.zod).length;
    console.log(
      [
        `[agreement] ${outcomes.length} samples over ${schemasCount} schemas (${accepted} accepted by Zod, ${outcomes.length - accepted} refused); ${seedNote(seed)}`,
        ...VALIDATORS.map((v) => `[agreement] ${v.padEnd(10)} agrees ${counts[v].agree}, differs ${counts[v].explained} (listed exceptions), ${counts[v].unexplained} (unexplained)`),
        `[agreement] exceptions: ${Object.entries(byException).map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`,
        `[agreement] Pydantic round trips (both accept): ${outcomes.filter((o) => o.zod && o.results.pydantic).length}, differing from Zod's output: ${roundTrip.length} unexplained, ${byException['round trip: passthrough'] ?? 0} listed`,
      ].join('\n'),
    );
    expect(unexplained, `unexplained disagreements, ${seedNote(seed)}:\n${unexplained.slice(0, 20).join('\n')}`).toEqual([]);
    expect(roundTrip, `round trips that differ from Zod, ${seedNote(seed)}:\n${roundTrip.slice(0, 10).join('\n')}`).toEqual([]);
  });
});

// A schema file with the files it references, so an exception can look at everything in play.
function bundle(text: string, files: ReadonlyMap<string, string>, seen = new Set<string>()): string {
  let out = text;
  for (const match of text.matchAll(/"\$ref": "([^"#]+)"/g)) {
    const file = match[1] as string;
    if (seen.has(file)) continue;
    seen.add(file);
    out += bundle(files.get(`schemas/${file}`) ?? '', files, seen);
  }
  return out;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortDeep(v)]));
  return value;
}
