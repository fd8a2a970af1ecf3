import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { createModule } from '@webstir-io/module-contract';
import { buildArtifacts } from '@webstir-io/module-contract/artifacts';
import { generateAsyncApi } from '@webstir-io/module-contract/asyncapi';
import { consumes, streamFor } from '@webstir-io/module-contract/events';
import { eventArtifacts } from '../examples/events/artifacts.js';
import { coachReflect, importProgress } from '../examples/events/contracts.js';
import { coachModule } from '../examples/events/module.js';

const parser = new Parser();
const ERROR = 0;
const WARNING = 1;

async function problems(document: unknown) {
  const { diagnostics } = await parser.parse(JSON.stringify(document));
  return diagnostics.filter((d) => d.severity === ERROR || d.severity === WARNING).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
}

describe('AsyncAPI 3.0 document', () => {
  it('passes the official parser with no error or warning, and lists every channel and message', async () => {
    const document = generateAsyncApi(coachModule);
    expect(await problems(document)).toEqual([]);
    const { document: parsed } = await parser.parse(JSON.stringify(document));
    expect(parsed?.version()).toBe('3.0.0');
    expect(parsed?.channels().all().map((c) => [c.id(), c.address()])).toEqual([
      ['import.progress', 'events:import.progress'],
      ['coach.reflect', 'events:coach.reflect'],
      ['digest.ready', 'events:digest.ready'],
    ]);
    expect(parsed?.operations().all().map((o) => [o.id(), o.action(), o.messages().all().map((m) => m.id())])).toEqual([
      ['send.import.progress', 'send', ['import.progress.v1']],
      ['send.coach.reflect', 'send', ['coach.reflect.v1', 'coach.reflect.v2']],
      ['send.digest.ready', 'send', ['digest.ready.v1']],
    ]);
  });

  it('fails the parser when a message it points to is missing (the check can fail)', async () => {
    const document = generateAsyncApi(coachModule);
    delete (document.components.messages as Record<string, unknown>)['coach.reflect.v2'];
    expect((await problems(document)).join('\n')).toMatch(/coach\.reflect\.v2/);
  });

  it('describes each message as the envelope with its type and version fixed', () => {
    const document = generateAsyncApi(coachModule);
    expect(document.components.messages['coach.reflect.v1']).toMatchInlineSnapshot(`
      {
        "contentType": "application/json",
        "name": "coach.reflect",
        "payload": {
          "allOf": [
            {
              "$ref": "#/components/schemas/EventEnvelope",
            },
            {
              "properties": {
                "payload": {
                  "$ref": "#/components/schemas/coach.reflect.v1",
                },
                "type": {
                  "const": "coach.reflect",
                },
                "v": {
                  "const": 1,
                },
              },
              "required": [
                "type",
                "v",
                "payload",
              ],
              "type": "object",
            },
          ],
        },
        "title": "coach.reflect v1",
      }
    `);
  });

  it('uses the stream names of the buses as channel addresses, and receive for consumed events', async () => {
    const consumer = createModule({ manifest: { name: 'insights', version: '1.0.0', kind: 'backend' }, events: [consumes(coachReflect, { versions: [2] }), consumes(importProgress)] });
    const document = generateAsyncApi(consumer);
    expect(Object.values(document.channels).map((c) => c.address)).toEqual([streamFor(coachReflect), streamFor(importProgress)]);
    expect(Object.entries(document.operations).map(([id, o]) => [id, o.action])).toEqual([
      ['receive.coach.reflect', 'receive'],
      ['receive.import.progress', 'receive'],
    ]);
    expect(Object.keys(document.components.messages)).toEqual(['coach.reflect.v2', 'import.progress.v1']);
    expect(await problems(document)).toEqual([]);
  });
});

describe('examples/events generated files', () => {
  it('has the Pydantic models that module-contract python writes now (cd examples/events/python && module-contract python --out models)', async () => {
    const { files } = await buildArtifacts({ modules: [coachModule] });
    const root = join(import.meta.dirname, '..', 'examples', 'events', 'python', 'models');
    for (const file of ['__init__.py', 'models.py']) expect(readFileSync(join(root, file), 'utf8'), file).toBe(files.get(`python/${file}`));
  });

  it('is part of the artifact set `module-contract build` writes for a module with events, and passes the parser there', async () => {
    const { files } = await buildArtifacts({ modules: [coachModule] });
    const json = JSON.parse(files.get('asyncapi.json') as string) as unknown;
    expect(json).toEqual(generateAsyncApi(coachModule));
    expect(await problems(json)).toEqual([]);
    expect(files.get('asyncapi.yaml')).toMatch(/^asyncapi: 3\.0\.0$/m);
    expect([...files.keys()].filter((f) => f.startsWith('schemas/coach.reflect.'))).toEqual(['schemas/coach.reflect.v1.schema.json', 'schemas/coach.reflect.v2.schema.json']);
  });

  it('matches a fresh build in memory (run examples/events/build.ts after changing the example)', async () => {
    const root = join(import.meta.dirname, '..', 'examples', 'events', 'generated');
    for (const [path, text] of Object.entries(await eventArtifacts())) {
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(text);
    }
  });
});
