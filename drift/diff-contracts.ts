import { eventVersions, type ContractArtifacts, type EventVersionEntry, type ManifestLike } from './artifact-set.js';
import { ChangeSink, type ContractDiff } from './contract-change.js';
import { CONTRACT_RULES, type ContractRuleId } from './contract-rules.js';
import { diffOperations } from './diff-operations.js';
import { diffSchemas, SchemaDiffCache } from './diff-schemas.js';
import { pointerJoin } from './json-pointer.js';
import { createSchemaStore, type RefResolver } from './resolve-ref.js';
import type { ChangeSubjectKind } from './contract-change.js';
import type { DiffDirection } from './rules.js';

export interface DiffContractsOptions {
  /** How to read schema files that no operation, event or view places (a set of schemas alone). @default 'both' */
  schemasDirection?: DiffDirection;
}

/**
 * Compares two artifact sets (base: the released contract; head: the new one): operations from
 * `openapi.json`, events, views and the manifest, and the schema files. Request parts are diffed as
 * `request`, responses and emitted event payloads as `response`.
 *
 * @example
 * const diff = diffContracts(readArtifactSet('base'), readArtifactSet('generated'));
 */
export function diffContracts(base: ContractArtifacts, head: ContractArtifacts, options: DiffContractsOptions = {}): ContractDiff {
  const sink = new ChangeSink();
  const stores = { before: createSchemaStore(base.schemas), after: createSchemaStore(head.schemas), cache: new SchemaDiffCache() };
  if (base.openapi && head.openapi) diffOperations(base.openapi, head.openapi, sink, stores.cache);
  if (base.manifest && head.manifest) diffManifests(base.manifest, head.manifest, !(base.openapi && head.openapi), sink);
  if (base.manifest || head.manifest) {
    diffEvents(base, head, stores, sink);
    diffViews(base, head, stores, sink);
  }
  diffSchemaFiles(base, head, stores, sink, !base.manifest && !base.openapi && !head.manifest && !head.openapi, options.schemasDirection ?? 'both');
  return { breaking: sink.changes.some((c) => c.severity === 'breaking'), changes: sink.changes };
}

type Stores = { before: RefResolver; after: RefResolver; cache: SchemaDiffCache };

function add(sink: ChangeSink, kind: ChangeSubjectKind, subject: string, rule: ContractRuleId, path: string, message: string): void {
  sink.add(kind, subject, { rule, severity: CONTRACT_RULES[rule].severity, path, message });
}

function diffSchemaFile(base: ContractArtifacts, head: ContractArtifacts, stores: Stores, sink: ChangeSink, kind: ChangeSubjectKind, subject: string, beforeFile: string, afterFile: string, direction: DiffDirection): void {
  const before = base.schemas[beforeFile];
  const after = head.schemas[afterFile];
  if (before === undefined || after === undefined) return;
  const diff = diffSchemas(before, after, { direction, resolvers: { before: stores.before, after: stores.after }, ids: { before: beforeFile, after: afterFile }, path: pointerJoin('/schemas', beforeFile), cache: stores.cache });
  sink.addSchema(kind, subject, diff.changes);
}

function diffManifests(base: ManifestLike, head: ManifestLike, compareRoutes: boolean, sink: ChangeSink): void {
  const subject = `manifest ${base.name ?? ''}`.trim();
  const at = (...tokens: string[]) => pointerJoin('/manifest', ...tokens);
  if (base.name !== head.name) add(sink, 'manifest', subject, 'module-renamed', at('name'), `name ${JSON.stringify(base.name)} → ${JSON.stringify(head.name)}`);
  if (base.kind !== head.kind) add(sink, 'manifest', subject, 'module-kind-changed', at('kind'), `kind ${JSON.stringify(base.kind)} → ${JSON.stringify(head.kind)}`);
  if (base.contractVersion !== head.contractVersion) {
    const major = (v: string | undefined) => v?.split('.')[0];
    const rule = major(base.contractVersion) !== major(head.contractVersion) ? 'contract-version-major-changed' : 'contract-version-changed';
    add(sink, 'manifest', subject, rule, at('contractVersion'), `contractVersion ${base.contractVersion} → ${head.contractVersion}`);
  }
  const headCapabilities = new Set(head.capabilities ?? []);
  const baseCapabilities = new Set(base.capabilities ?? []);
  for (const capability of baseCapabilities) if (!headCapabilities.has(capability)) add(sink, 'manifest', subject, 'capability-removed', at('capabilities', capability), `capability "${capability}" removed`);
  for (const capability of headCapabilities) if (!baseCapabilities.has(capability)) add(sink, 'manifest', subject, 'capability-added', at('capabilities', capability), `capability "${capability}" added`);
  if (!compareRoutes) return;
  const headRoutes = new Map((head.routes ?? []).map((r) => [r.name, r]));
  for (const route of base.routes ?? []) {
    const other = headRoutes.get(route.name);
    const path = at('routes', route.name);
    const routeSubject = `${route.method} ${route.path} (${route.name})`;
    if (!other) add(sink, 'operation', routeSubject, route.deprecated ? 'deprecated-route-removed' : 'route-removed', path, `route "${route.name}" removed`);
    else if (other.method !== route.method || other.path !== route.path) add(sink, 'operation', routeSubject, 'route-path-changed', path, `moved to ${other.method} ${other.path}`);
  }
}

function diffEvents(base: ContractArtifacts, head: ContractArtifacts, stores: Stores, sink: ChangeSink): void {
  const events = (set: ContractArtifacts) => new Map(eventVersions(set.manifest).map((e) => [`${e.name}@${e.version}`, e]));
  const before = events(base);
  const after = events(head);
  const fileOf = (set: ContractArtifacts, e: EventVersionEntry) =>
    [`${e.name}.v${e.version}.schema.json`, e.payload ? `${e.payload.name}.schema.json` : undefined].find((f) => f !== undefined && f in set.schemas);
  for (const [key, event] of before) {
    const subject = `event ${event.name} v${event.version}`;
    const at = pointerJoin('/manifest', 'events', key);
    const other = after.get(key);
    if (!other) {
      const nameLives = [...after.values()].some((e) => e.name === event.name);
      add(sink, 'event', subject, event.deprecated ? 'deprecated-event-removed' : nameLives ? 'event-version-removed' : 'event-removed', at, `${subject} removed`);
      continue;
    }
    const beforeFile = fileOf(base, event);
    const afterFile = fileOf(head, other);
    if (!beforeFile || !afterFile) {
      add(sink, 'event', subject, 'event-schema-missing', at, `no payload schema file for ${subject} in the ${beforeFile ? 'head' : 'base'}`);
      continue;
    }
    // An emitted payload is read by others; a consumed one is sent to this module.
    diffSchemaFile(base, head, stores, sink, 'event', subject, beforeFile, afterFile, event.direction === 'consume' ? 'request' : 'response');
  }
  for (const [key, event] of after) {
    if (!before.has(key)) add(sink, 'event', `event ${event.name} v${event.version}`, 'event-version-added', pointerJoin('/manifest', 'events', key), 'added');
  }
}

function diffViews(base: ContractArtifacts, head: ContractArtifacts, stores: Stores, sink: ChangeSink): void {
  const after = new Map((head.manifest?.views ?? []).map((v) => [v.name, v]));
  for (const view of base.manifest?.views ?? []) {
    const subject = `view ${view.name}`;
    const at = pointerJoin('/manifest', 'views', view.name);
    const other = after.get(view.name);
    if (!other) {
      add(sink, 'view', subject, 'view-removed', at, `view "${view.name}" removed`);
      continue;
    }
    if (other.path !== view.path) add(sink, 'view', subject, 'view-path-changed', pointerJoin(at, 'path'), `path ${view.path} → ${other.path}`);
    if (view.data && other.data) diffSchemaFile(base, head, stores, sink, 'view', subject, `${view.data.name}.schema.json`, `${other.data.name}.schema.json`, 'response');
    if (view.params && other.params) diffSchemaFile(base, head, stores, sink, 'view', subject, `${view.params.name}.schema.json`, `${other.params.name}.schema.json`, 'request');
  }
  const before = new Set((base.manifest?.views ?? []).map((v) => v.name));
  for (const view of head.manifest?.views ?? []) if (!before.has(view.name)) add(sink, 'view', `view ${view.name}`, 'view-added', pointerJoin('/manifest', 'views', view.name), `view "${view.name}" added`);
}

/** Schema files: removals always; contents only when the sets are schemas alone (otherwise operations, events and views place them). */
function diffSchemaFiles(base: ContractArtifacts, head: ContractArtifacts, stores: Stores, sink: ChangeSink, schemasOnly: boolean, direction: DiffDirection): void {
  for (const file of Object.keys(base.schemas)) {
    const at = pointerJoin('/schemas', file);
    if (!(file in head.schemas)) add(sink, 'schema', file, schemasOnly ? 'schema-removed' : 'schema-file-removed', at, `${file} removed`);
    else if (schemasOnly) diffSchemaFile(base, head, stores, sink, 'schema', file, file, file, direction);
  }
  for (const file of Object.keys(head.schemas)) if (!(file in base.schemas)) add(sink, 'schema', file, 'schema-added', pointerJoin('/schemas', file), `${file} added`);
}
