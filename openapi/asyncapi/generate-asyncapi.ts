import type { ContractModule } from '../../src/create-module.js';
import { eventEnvelopeSchema } from '../../src/events/event-envelope.js';
import type { AnySchema } from '../../src/route-spec.js';
import { formatJson, sortKeys, toJsonSchema, type JsonSchema } from '../json-schema.js';

type Ref = { $ref: string };

/** One message: an envelope of one event version. */
export interface AsyncApiMessage {
  name: string;
  title: string;
  contentType: string;
  payload: JsonSchema;
}

/** An AsyncAPI 3.0 document (plain JSON), as far as this generator writes it. */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description?: string };
  defaultContentType: string;
  servers?: Record<string, { host: string; protocol: string; description?: string }>;
  channels: Record<string, { address: string; messages: Record<string, Ref>; description?: string }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: Ref; summary: string; messages: Ref[] }>;
  components: { schemas: Record<string, JsonSchema>; messages: Record<string, AsyncApiMessage> };
}

export interface AsyncApiServer {
  host: string;
  /** @default 'redis' */
  protocol?: string;
  description?: string;
}

export interface GenerateAsyncApiOptions {
  /** @default the module's name */
  title?: string;
  /** @default the module's version */
  version?: string;
  description?: string;
  /** Brokers by name, e.g. `{ production: { host: 'redis.internal:6379' } }`. */
  servers?: Record<string, AsyncApiServer>;
  /** The channel address of an event type. @default `events:<type>`, the Redis stream the buses use */
  address?: (type: string) => string;
}

/**
 * Describes a module's events as an AsyncAPI 3.0 document: one channel per event type (its stream),
 * one message per version (the envelope, with `type` and `v` fixed and the payload's schema), and one
 * operation per direction (`send` for emitted events, `receive` for consumed ones).
 */
export function generateAsyncApi(module: ContractModule, options: GenerateAsyncApiOptions = {}): AsyncApiDocument {
  const { manifest } = module;
  const address = options.address ?? ((type: string) => `events:${type}`);
  const channels: AsyncApiDocument['channels'] = {};
  const operations: AsyncApiDocument['operations'] = {};
  const messages: AsyncApiDocument['components']['messages'] = {};
  const schemas: Record<string, JsonSchema> = { EventEnvelope: strip(toJsonSchema(eventEnvelopeSchema)) };
  const descriptions = new Map(module.events.map((use) => [use.event.type, use.event.description]));

  for (const event of manifest.events ?? []) {
    const description = descriptions.get(event.type);
    const channel = (channels[event.type] ??= { address: address(event.type), messages: {}, ...(description ? { description } : {}) });
    const refs: Ref[] = [];
    for (const { v, payload } of event.versions) {
      const name = `${event.type}.v${v}`;
      const schema = module.schemas[payload.name] as AnySchema;
      schemas[name] ??= strip(toJsonSchema(schema));
      messages[name] ??= {
        name: event.type,
        title: `${event.type} v${v}`,
        contentType: 'application/json',
        payload: {
          allOf: [
            { $ref: '#/components/schemas/EventEnvelope' },
            {
              type: 'object',
              properties: { type: { const: event.type }, v: { const: v }, payload: { $ref: `#/components/schemas/${name}` } },
              required: ['type', 'v', 'payload'],
            },
          ],
        },
      };
      channel.messages[name] = { $ref: `#/components/messages/${name}` };
      refs.push({ $ref: `#/channels/${event.type}/messages/${name}` });
    }
    const action = event.direction === 'emit' ? 'send' : 'receive';
    operations[`${action}.${event.type}`] = {
      action,
      channel: { $ref: `#/channels/${event.type}` },
      summary: `${event.direction === 'emit' ? 'Emits' : 'Consumes'} ${event.type} v${event.versions.map((entry) => entry.v).join(', v')}`,
      messages: refs,
    };
  }

  const info: AsyncApiDocument['info'] = { title: options.title ?? manifest.name, version: options.version ?? manifest.version };
  if (options.description) info.description = options.description;
  const servers = options.servers
    ? Object.fromEntries(
        Object.entries(options.servers).map(([name, server]) => [name, { host: server.host, protocol: server.protocol ?? 'redis', ...(server.description ? { description: server.description } : {}) }]),
      )
    : undefined;
  return {
    asyncapi: '3.0.0',
    info,
    defaultContentType: 'application/json',
    ...(servers ? { servers } : {}),
    channels,
    operations,
    components: { schemas: sortKeys(schemas), messages: sortKeys(messages) },
  };
}

/** The document as JSON text: two-space indent and a final newline. */
export function asyncApiToJson(document: AsyncApiDocument): string {
  return formatJson(document);
}

/** The document as YAML text (needs the `yaml` package, an optional peer). */
export async function asyncApiToYaml(document: AsyncApiDocument): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** A component schema carries no `$schema`: the document says which dialect its schemas use. */
function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _, ...rest } = schema;
  return rest;
}

