export { eventEnvelopeSchema, isEventEnvelope, parseEventEnvelope } from './event-envelope.js';
export type { EventEnvelope, EventMeta } from './event-envelope.js';
export { defineEvent, isEventContract } from './define-event.js';
export type {
  AcceptOptions,
  AnyEventContract,
  DefineEventOptions,
  EventContract,
  EventDowngrades,
  EventEnvelopeOf,
  EventInputOf,
  EventPayloadOf,
  EventUpgrades,
  EventVersions,
  LatestVersion,
  VersionOf,
} from './define-event.js';
export { consumes, emits, isModuleEvent } from './module-event.js';
export type { ModuleEvent } from './module-event.js';
export { deadLetterStream, streamFor } from './event-bus.js';
export type { DeadLetter, DeliveryContext, DeliveryFailure, EventBus, EventHandler, SubscribeOptions, Subscription } from './event-bus.js';
export { decide, reasonOf } from './delivery.js';
export type { Decision } from './delivery.js';
export { InMemoryEventBus } from './in-memory-bus.js';
