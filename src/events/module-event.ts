import type { AnyEventContract, VersionOf } from './define-event.js';

/** How a module uses an event: it emits it, or it consumes it, and which versions. */
export interface ModuleEvent<TEvent extends AnyEventContract = AnyEventContract> {
  readonly kind: 'module-event';
  readonly event: TEvent;
  readonly direction: 'emit' | 'consume';
  /** The versions emitted (the grace window) or accepted, ascending. */
  readonly versions: readonly number[];
}

/**
 * The module emits the event, in the versions of its grace window unless told otherwise.
 * @example createModule({ manifest, events: [emits(coachReflect)] })
 */
export function emits<TEvent extends AnyEventContract>(event: TEvent, options: { versions?: readonly VersionOf<TEvent['versions']>[] } = {}): ModuleEvent<TEvent> {
  return { kind: 'module-event', event, direction: 'emit', versions: sorted(options.versions ?? event.grace) };
}

/**
 * The module consumes the event, in every version it can accept unless told otherwise.
 * @example createModule({ manifest, events: [consumes(coachReflect, { versions: [2] })] })
 */
export function consumes<TEvent extends AnyEventContract>(event: TEvent, options: { versions?: readonly VersionOf<TEvent['versions']>[] } = {}): ModuleEvent<TEvent> {
  return { kind: 'module-event', event, direction: 'consume', versions: sorted(options.versions ?? event.acceptable) };
}

/** Structural check for an `emits`/`consumes` result. */
export function isModuleEvent(value: unknown): value is ModuleEvent {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'module-event';
}

function sorted(versions: readonly number[]): number[] {
  return [...new Set(versions)].sort((a, b) => a - b);
}
