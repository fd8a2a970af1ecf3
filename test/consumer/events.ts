// The events surfaces as a consumer sees them, through dist/*.d.ts.
import { Redis } from 'ioredis';
import { z } from 'zod';
import { createModule } from '@webstir-io/module-contract';
import { asyncApiToJson, generateAsyncApi } from '@webstir-io/module-contract/asyncapi';
import { defineEvent, emits, InMemoryEventBus, type EventBus } from '@webstir-io/module-contract/events';
import { createRedisStreamsBus } from '@webstir-io/module-contract/events/redis';

export const reflect = defineEvent({
  type: 'coach.reflect',
  versions: { 1: z.object({ note: z.string() }), 2: z.object({ text: z.string(), tags: z.array(z.string()) }) },
  downgrade: { 2: (p) => ({ note: p.text }) },
  upgrade: { 1: (p) => ({ text: p.note, tags: [] }) },
  grace: [1, 2],
});

export function read(raw: unknown): string {
  const envelope = reflect.parse(raw);
  return envelope.v === 1 ? envelope.payload.note : envelope.payload.tags.join(',');
}

export const buses: EventBus[] = [new InMemoryEventBus(), createRedisStreamsBus({ client: new Redis({ lazyConnect: true }) })];
export const json: string = asyncApiToJson(generateAsyncApi(createModule({ manifest: { name: 'coach', version: '1.0.0', kind: 'backend' }, events: [emits(reflect)] })));

// @ts-expect-error - version 3 does not exist
reflect.create(3, { note: 'x' });
