import { kitJsonSchemas } from '@webstir-io/module-contract/openapi';
import { asyncApiToJson, asyncApiToYaml, eventJsonSchemas, generateAsyncApi } from '@webstir-io/module-contract/asyncapi';
import { coachModule } from './module.js';

/** The example's generated files, by path under `examples/events/generated/`, built in memory. */
export async function eventArtifacts(): Promise<Record<string, string>> {
  const document = generateAsyncApi(coachModule, {
    description: 'Events of the coach service: import progress, coach reflections (v1 → v2) and weekly digests.',
    servers: { local: { host: '127.0.0.1:6379', description: 'Redis on this machine' } },
  });
  const files: Record<string, string> = {
    'manifest.json': json(coachModule.manifest),
    'asyncapi.json': asyncApiToJson(document),
    'asyncapi.yaml': await asyncApiToYaml(document),
    'schemas/event-envelope.schema.json': json(kitJsonSchemas()['event-envelope.schema.json']),
  };
  for (const [file, schema] of Object.entries(eventJsonSchemas(coachModule))) files[`schemas/${file}`] = json(schema);
  return files;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
