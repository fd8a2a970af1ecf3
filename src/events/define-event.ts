import type { z } from 'zod';
import { ValidationError } from '../error-taxonomy.js';
import type { ValidationIssue } from '../module-error.js';
import { ProblemList } from '../problems.js';
import type { AnySchema } from '../route-spec.js';
import { parseEventEnvelope, summarize, type EventEnvelope, type EventMeta } from './event-envelope.js';

/** Payload schemas by version number: `{ 1: ReflectV1, 2: ReflectV2 }`. */
export type EventVersions = { readonly [v: number]: AnySchema };

/** The version numbers of an event, as a union of literals. */
export type VersionOf<TVersions> = keyof TVersions & number;

// Successor and predecessor of a version, for typing `upgrade[n]` (n → n+1) and `downgrade[n]` (n → n−1).
type Next = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32];
type Prev = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30];
type Succ<K extends number> = K extends keyof Next ? Next[K] : never;
type Pred<K extends number> = K extends keyof Prev ? Prev[K] : never;

/** The highest version of an event. */
export type LatestVersion<TVersions> = {
  [K in VersionOf<TVersions>]: Succ<K> extends VersionOf<TVersions> ? never : K;
}[VersionOf<TVersions>];

/** The payload of version `V` after validation. */
export type EventPayloadOf<TVersions, V> = V extends keyof TVersions ? (TVersions[V] extends AnySchema ? z.output<TVersions[V]> : never) : never;

/** What a producer passes for version `V` (before defaults and transforms). */
export type EventInputOf<TVersions, V> = V extends keyof TVersions ? (TVersions[V] extends AnySchema ? z.input<TVersions[V]> : never) : never;

/** An envelope of the event, one member per version, so that checking `v` narrows the payload. */
export type EventEnvelopeOf<TType extends string, TVersions, V extends VersionOf<TVersions> = VersionOf<TVersions>> = V extends unknown
  ? EventEnvelope<TType, V, EventPayloadOf<TVersions, V>>
  : never;

/** `downgrade[n]` turns a version-n payload into a version n−1 payload. */
export type EventDowngrades<TVersions> = {
  [K in VersionOf<TVersions> as Pred<K> extends VersionOf<TVersions> ? K : never]?: (
    payload: EventPayloadOf<TVersions, K>,
  ) => EventInputOf<TVersions, Pred<K>>;
};

/** `upgrade[n]` turns a version-n payload into a version n+1 payload. */
export type EventUpgrades<TVersions> = {
  [K in VersionOf<TVersions> as Succ<K> extends VersionOf<TVersions> ? K : never]?: (
    payload: EventPayloadOf<TVersions, K>,
  ) => EventInputOf<TVersions, Succ<K>>;
};

export interface DefineEventOptions<TType extends string, TVersions extends EventVersions> {
  /** Dotted name, the envelope's `type`: `coach.reflect`. */
  type: TType;
  /** Payload schema per version. Versions are consecutive integers; the highest is the latest. */
  versions: TVersions;
  /** `downgrade[n]`: version n → n−1. Needed for every version in `grace` below the latest. */
  downgrade?: NoInfer<EventDowngrades<TVersions>>;
  /** `upgrade[n]`: version n → n+1. Lets consumers `accept` an older version in the latest shape. */
  upgrade?: NoInfer<EventUpgrades<TVersions>>;
  /**
   * The versions still emitted by `dualEmit` (the grace window). Drop a version from here once every
   * consumer reads the newer one.
   * @default [latest]
   */
  grace?: readonly NoInfer<VersionOf<TVersions>>[];
  description?: string;
}

export interface AcceptOptions<V extends number = number> {
  /**
   * Versions this consumer takes; each is upgraded to the latest shape.
   * @default every version that `upgrade` can bring to the latest
   */
  versions?: readonly V[];
}

/** A versioned event: its schemas, and the functions that build, check and convert its envelopes. */
export interface EventContract<TType extends string = string, TVersions extends EventVersions = EventVersions> {
  readonly kind: 'event';
  readonly type: TType;
  readonly versions: TVersions;
  /** Every version, ascending. */
  readonly versionNumbers: readonly VersionOf<TVersions>[];
  readonly latest: LatestVersion<TVersions>;
  /** The versions `dualEmit` produces, ascending. */
  readonly grace: readonly VersionOf<TVersions>[];
  /** The versions `accept` can bring to the latest shape, ascending. */
  readonly acceptable: readonly VersionOf<TVersions>[];
  readonly description?: string;
  /** Validates a payload of version `v` and wraps it in an envelope. Throws a `ValidationError`. */
  create<V extends VersionOf<TVersions>>(v: V, payload: EventInputOf<TVersions, V>, meta?: EventMeta): EventEnvelopeOf<TType, TVersions, V>;
  /** Validates an envelope and the payload of its `v`; the result narrows on `v`. Throws a `ValidationError`. */
  parse(value: unknown): EventEnvelopeOf<TType, TVersions>;
  /**
   * One envelope per version in the grace window, each built from the latest payload by `downgrade`.
   * They share one `correlationId` and one `occurredAt`.
   */
  dualEmit(payload: EventInputOf<TVersions, LatestVersion<TVersions>>, meta?: EventMeta): EventEnvelopeOf<TType, TVersions>[];
  /** Validates an envelope of an accepted version and returns it in the latest shape, through `upgrade`. */
  accept(value: unknown, options?: AcceptOptions<VersionOf<TVersions>>): EventEnvelopeOf<TType, TVersions, LatestVersion<TVersions>>;
}

/** Any event contract, whatever its type and versions. */
export type AnyEventContract = EventContract<string, any>;

type Converter = (payload: unknown) => unknown;

/**
 * Defines a versioned event. Types come from the schemas; `v` narrows the payload.
 * @example
 * const reflect = defineEvent({
 *   type: 'coach.reflect',
 *   versions: { 1: ReflectV1, 2: ReflectV2 },
 *   downgrade: { 2: (p) => ({ tradeId: p.trade.id, note: p.note }) },
 *   upgrade: { 1: (p) => ({ trade: { id: p.tradeId }, note: p.note }) },
 *   grace: [1, 2],
 * });
 */
export function defineEvent<const TType extends string, const TVersions extends EventVersions>(
  options: DefineEventOptions<TType, TVersions>,
): EventContract<TType, TVersions> {
  const { type, versions, description } = options;
  const downgrade = (options.downgrade ?? {}) as Record<number, Converter | undefined>;
  const upgrade = (options.upgrade ?? {}) as Record<number, Converter | undefined>;
  const label = typeof type === 'string' && type ? type : '(unnamed event)';
  const problems = new ProblemList();

  if (typeof type !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(type)) {
    problems.add('type', 'must be a non-empty name of letters, digits, ".", "_", ":" or "-", such as "coach.reflect"');
  }
  const numbers: number[] = [];
  for (const [key, schema] of Object.entries(versions ?? {})) {
    const v = Number(key);
    if (!Number.isInteger(v) || v < 1) problems.add(`versions.${key}`, 'version must be a positive integer');
    else if (!schema || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') problems.add(`versions.${key}`, 'is not a Zod schema');
    else numbers.push(v);
  }
  numbers.sort((a, b) => a - b);
  const first = numbers[0] ?? 1;
  const latest = numbers[numbers.length - 1] ?? 1;
  if (numbers.length === 0) problems.add('versions', 'must declare at least one version');
  for (let v = first; v <= latest; v++) if (!numbers.includes(v)) problems.add('versions', `versions must be consecutive: ${v} is missing between ${first} and ${latest}`);
  for (const key of Object.keys(downgrade)) {
    const v = Number(key);
    if (!numbers.includes(v) || v === first) problems.add(`downgrade.${key}`, `turns version ${key} into ${v - 1}, which is not a version of the event`);
    else if (typeof downgrade[v] !== 'function') problems.add(`downgrade.${key}`, 'must be a function');
  }
  for (const key of Object.keys(upgrade)) {
    const v = Number(key);
    if (!numbers.includes(v) || v === latest) problems.add(`upgrade.${key}`, `turns version ${key} into ${v + 1}, which is not a version of the event`);
    else if (typeof upgrade[v] !== 'function') problems.add(`upgrade.${key}`, 'must be a function');
  }
  const grace = [...new Set((options.grace ?? [latest]) as readonly number[])].sort((a, b) => a - b);
  if (grace.length === 0) problems.add('grace', 'must name at least one version to emit');
  for (const g of grace) {
    if (!numbers.includes(g)) problems.add('grace', `version ${g} is not a version of the event`);
    else for (let v = latest; v > g; v--) if (!downgrade[v] && numbers.includes(v)) problems.add('grace', `version ${g} is emitted, so downgrade[${v}] (${v} → ${v - 1}) is required`);
  }
  problems.throwIfAny('events', label);

  const acceptable = numbers.filter((v) => {
    for (let n = v; n < latest; n++) if (!upgrade[n]) return false;
    return true;
  });

  const schemaOf = (v: number) => (versions as Record<number, AnySchema>)[v] as AnySchema;

  const validatePayload = (v: number, payload: unknown, what: string): unknown => {
    const result = schemaOf(v).safeParse(payload);
    if (result.success) return result.data;
    const issues: ValidationIssue[] = result.error.issues.map((i) => ({ part: 'payload', path: i.path, message: i.message, code: i.code }));
    throw new ValidationError(`[events] ${type} v${v}: ${what}: ${summarize(issues)}`, { details: issues });
  };

  const envelope = (v: number, payload: unknown, meta: EventMeta): EventEnvelope => {
    const occurredAt = meta.occurredAt instanceof Date ? meta.occurredAt.toISOString() : (meta.occurredAt ?? new Date().toISOString());
    const built: EventEnvelope = { id: meta.id ?? globalThis.crypto.randomUUID(), type, v, occurredAt, payload };
    if (meta.source !== undefined) built.source = meta.source;
    if (meta.correlationId !== undefined) built.correlationId = meta.correlationId;
    return built;
  };

  const refuse = (path: (string | number)[], message: string): never => {
    const issues: ValidationIssue[] = [{ part: 'envelope', path, message }];
    throw new ValidationError(`[events] ${type}: ${summarize(issues)}`, { details: issues });
  };

  const parse = (value: unknown): EventEnvelope => {
    const parsed = parseEventEnvelope(value);
    if (parsed.type !== type) refuse(['type'], `expected "${type}", got "${parsed.type}"`);
    if (!numbers.includes(parsed.v)) refuse(['v'], `unknown version ${parsed.v} of ${type} (known: ${numbers.join(', ')})`);
    return { ...parsed, payload: validatePayload(parsed.v, parsed.payload, 'invalid payload') };
  };

  const create = (v: number, payload: unknown, meta: EventMeta = {}): EventEnvelope => {
    if (!numbers.includes(v)) refuse(['v'], `unknown version ${v} of ${type} (known: ${numbers.join(', ')})`);
    const built = envelope(v, validatePayload(v, payload, 'invalid payload'), meta);
    // Fields the producer chose (an occurredAt that is not ISO, an empty id) are checked; generated ones are valid.
    if (chosenByProducer(meta)) parseEventEnvelope(built);
    return built;
  };

  const contract = {
    kind: 'event' as const,
    type,
    versions,
    versionNumbers: numbers,
    latest,
    grace,
    acceptable,
    ...(description !== undefined ? { description } : {}),
    create,
    parse,
    dualEmit(payload: unknown, meta: EventMeta = {}) {
      const shared: EventMeta = {
        ...meta,
        correlationId: meta.correlationId ?? globalThis.crypto.randomUUID(),
        occurredAt: meta.occurredAt ?? new Date().toISOString(),
      };
      const { id: _id, ...withoutId } = shared;
      const byVersion = new Map<number, unknown>();
      let current = validatePayload(latest, payload, 'invalid payload');
      byVersion.set(latest, current);
      for (let v = latest; v > grace[0]!; v--) {
        current = validatePayload(v - 1, (downgrade[v] as Converter)(current), `downgrade[${v}] returned an invalid payload`);
        byVersion.set(v - 1, current);
      }
      // One `id` from meta can only name one envelope: it goes to the latest version.
      const built = grace.map((v) => envelope(v, byVersion.get(v), v === latest ? shared : withoutId));
      if (chosenByProducer(meta)) for (const each of built) parseEventEnvelope(each);
      return built;
    },
    accept(value: unknown, options: AcceptOptions = {}) {
      const allowed = options.versions ?? acceptable;
      for (const v of allowed) {
        if (!acceptable.includes(v)) throw new ValidationError(`[events] ${type}: cannot accept v${v}: upgrade is missing a step from v${v} to v${latest}`);
      }
      const parsed = parse(value);
      if (!allowed.includes(parsed.v)) refuse(['v'], `version ${parsed.v} of ${type} is not accepted here (accepts: ${allowed.join(', ')})`);
      let payload = parsed.payload;
      for (let v = parsed.v; v < latest; v++) payload = validatePayload(v + 1, (upgrade[v] as Converter)(payload), `upgrade[${v}] returned an invalid payload`);
      return { ...parsed, v: latest, payload };
    },
  };
  return contract as unknown as EventContract<TType, TVersions>;
}

/** Whether the producer set envelope fields that need checking; generated ones are valid by construction. */
function chosenByProducer(meta: EventMeta): boolean {
  return meta.id !== undefined || typeof meta.occurredAt === 'string' || meta.source !== undefined || meta.correlationId !== undefined;
}

/** Structural check for a `defineEvent` result, safe across two installed copies of the package. */
export function isEventContract(value: unknown): value is AnyEventContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'event' &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { parse?: unknown }).parse === 'function'
  );
}
