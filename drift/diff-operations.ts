import { ChangeSink } from './contract-change.js';
import { CONTRACT_RULES, type ContractRuleId } from './contract-rules.js';
import { diffSchemas, SchemaDiffCache } from './diff-schemas.js';
import { pointerJoin } from './json-pointer.js';
import { resolveRef, type SchemaNode } from './resolve-ref.js';
import { jsonEqual } from './schema-view.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  id: string;
  method: string;
  path: string;
  pointer: string;
  operation: Json;
  pathItem: Json;
}

const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

function operationsOf(document: Json): Map<string, Operation> {
  const out = new Map<string, Operation>();
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const id = typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${path}`;
      out.set(id, { id, method, path, pointer: pointerJoin('', 'paths', path, method), operation, pathItem });
    }
  }
  return out;
}

/** Method and path with parameter names blanked: renaming `{id}` to `{itemId}` leaves the URL the same. */
const shapeOf = (op: Operation) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, '{}')}`;

/** Pairs base operations with head ones by operationId, then the rest by method and path shape. */
function pairOperations(before: Map<string, Operation>, after: Map<string, Operation>): { pairs: Map<string, Operation>; unmatched: Operation[] } {
  const pairs = new Map<string, Operation>();
  const left = new Map([...after].filter(([id]) => !before.has(id)).map(([, op]) => [shapeOf(op), op]));
  for (const [id, b] of before) {
    const a = after.get(id) ?? (left.has(shapeOf(b)) ? left.get(shapeOf(b)) : undefined);
    if (!a) continue;
    pairs.set(id, a);
    left.delete(shapeOf(a));
  }
  return { pairs, unmatched: [...left.values()] };
}

const subjectOf = (op: Operation) => `${op.method.toUpperCase()} ${op.path}${op.id === `${op.method.toUpperCase()} ${op.path}` ? '' : ` (${op.id})`}`;

/** Follows a `$ref` to a component (parameter, request body, response) in the same document. */
function component(value: unknown, document: Json): Json | undefined {
  let current = value;
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string' && hops < 10; hops++) {
    current = resolveRef(current.$ref, { schema: current as SchemaNode, root: document })?.schema;
  }
  return isRecord(current) ? current : undefined;
}

/** Compares the operations of two OpenAPI documents: request parts as `request`, responses as `response`. */
export function diffOperations(base: Json, head: Json, sink: ChangeSink, cache = new SchemaDiffCache()): void {
  const before = operationsOf(base);
  const after = operationsOf(head);
  const rule = (subject: string, id: ContractRuleId, path: string, message: string) =>
    sink.add('operation', subject, { rule: id, severity: CONTRACT_RULES[id].severity, path, message });

  const { pairs, unmatched } = pairOperations(before, after);
  for (const [id, b] of before) {
    const a = pairs.get(id);
    const subject = subjectOf(b);
    if (!a) {
      if (b.operation.deprecated === true) rule(subject, 'deprecated-operation-removed', b.pointer, 'removed after being deprecated');
      else rule(subject, 'operation-removed', b.pointer, 'the operation was removed');
      continue;
    }
    if (shapeOf(a) !== shapeOf(b)) rule(subject, 'operation-path-changed', b.pointer, `moved to ${a.method.toUpperCase()} ${a.path}`);
    if (a.operation.deprecated === true && b.operation.deprecated !== true) rule(subject, 'operation-deprecated', pointerJoin(b.pointer, 'deprecated'), 'marked deprecated');
    const security = (op: Operation, doc: Json) => op.operation.security ?? doc.security;
    if (!jsonEqual(security(b, base), security(a, head))) rule(subject, 'security-changed', pointerJoin(b.pointer, 'security'), 'security requirements changed');
    for (const part of ['callbacks', 'servers'] as const) {
      if (!jsonEqual(b.operation[part], a.operation[part])) rule(subject, 'operation-part-changed', pointerJoin(b.pointer, part), `${part} changed`);
    }
    const context = { base, head, b, a, subject, sink, rule, cache };
    diffParameters(context);
    diffRequestBody(context);
    diffResponses(context);
  }
  for (const a of unmatched) rule(subjectOf(a), 'operation-added', a.pointer, 'the operation was added');
  if (!jsonEqual(base.webhooks, head.webhooks)) rule('webhooks', 'webhooks-changed', '/webhooks', 'webhooks changed');
}

interface Context {
  base: Json;
  head: Json;
  b: Operation;
  a: Operation;
  subject: string;
  sink: ChangeSink;
  rule: (subject: string, id: ContractRuleId, path: string, message: string) => void;
  cache: SchemaDiffCache;
}

function schemaDiff(context: Context, before: unknown, after: unknown, direction: 'request' | 'response', path: string): void {
  if (before === undefined && after === undefined) return;
  const diff = diffSchemas((before ?? true) as SchemaNode, (after ?? true) as SchemaNode, { direction, roots: { before: context.base, after: context.head }, path, cache: context.cache });
  context.sink.addSchema('operation', context.subject, diff.changes);
}

function parametersOf(op: Operation, document: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  const templateNames = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  for (const list of [op.pathItem.parameters, op.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = component(raw, document);
      if (!parameter || typeof parameter.name !== 'string') continue;
      // Path parameters are matched by their place in the template, so a renamed one is the same parameter.
      const place = parameter.in === 'path' ? templateNames.indexOf(parameter.name) : -1;
      out.set(place >= 0 ? `path/#${place}` : `${parameter.in}/${parameter.name}`, parameter);
    }
  }
  return out;
}

function diffParameters(context: Context): void {
  const { b, a, subject, rule } = context;
  const before = parametersOf(b, context.base);
  const after = parametersOf(a, context.head);
  for (const [key, bp] of before) {
    const at = pointerJoin(b.pointer, 'parameters', String(bp.in), String(bp.name));
    const ap = after.get(key);
    if (!ap) {
      if (bp.in !== 'path') rule(subject, 'parameter-removed', at, `${bp.in} parameter "${bp.name}" removed`);
      continue;
    }
    if (ap.required === true && bp.required !== true) rule(subject, 'parameter-became-required', at, `${bp.in} parameter "${bp.name}" is now required`);
    if (bp.required === true && ap.required !== true) rule(subject, 'parameter-became-optional', at, `${bp.in} parameter "${bp.name}" is no longer required`);
    if (bp.style !== ap.style || bp.explode !== ap.explode) rule(subject, 'parameter-style-changed', at, `${bp.in} parameter "${bp.name}" serialization changed`);
    schemaDiff(context, bp.schema, ap.schema, 'request', pointerJoin(at, 'schema'));
  }
  for (const [key, ap] of after) {
    if (before.has(key)) continue;
    const at = pointerJoin(a.pointer, 'parameters', String(ap.in), String(ap.name));
    if (ap.required === true) rule(subject, 'required-parameter-added', at, `required ${ap.in} parameter "${ap.name}" added`);
    else rule(subject, 'optional-parameter-added', at, `optional ${ap.in} parameter "${ap.name}" added`);
  }
}

const contentOf = (value: Json | undefined): Record<string, Json> => (value && isRecord(value.content) ? (value.content as Record<string, Json>) : {});

function diffRequestBody(context: Context): void {
  const { b, a, subject, rule } = context;
  const before = component(b.operation.requestBody, context.base);
  const after = component(a.operation.requestBody, context.head);
  const at = pointerJoin(b.pointer, 'requestBody');
  if (!before && !after) return;
  if (!before) return rule(subject, after?.required === true ? 'request-body-added-required' : 'request-body-added', at, 'a request body was added');
  if (!after) return rule(subject, 'request-body-removed', at, 'the request body was removed');
  if (after.required === true && before.required !== true) rule(subject, 'request-body-became-required', at, 'the request body is now required');
  diffContent(context, contentOf(before), contentOf(after), 'request', at);
}

function diffContent(context: Context, before: Record<string, Json>, after: Record<string, Json>, direction: 'request' | 'response', at: string): void {
  const { subject, rule } = context;
  for (const [type, media] of Object.entries(before)) {
    const path = pointerJoin(at, 'content', type);
    const other = after[type];
    if (!other) rule(subject, direction === 'request' ? 'request-media-type-removed' : 'response-media-type-removed', path, `${type} is no longer ${direction === 'request' ? 'accepted' : 'produced'}`);
    else schemaDiff(context, media.schema, other.schema, direction, pointerJoin(path, 'schema'));
  }
  for (const type of Object.keys(after)) {
    if (!(type in before)) rule(subject, direction === 'request' ? 'request-media-type-added' : 'response-media-type-added', pointerJoin(at, 'content', type), `${type} added`);
  }
}

function diffResponses(context: Context): void {
  const { b, a, subject, rule } = context;
  const before = isRecord(b.operation.responses) ? b.operation.responses : {};
  const responses = isRecord(a.operation.responses) ? a.operation.responses : {};
  for (const [status, raw] of Object.entries(before)) {
    const at = pointerJoin(b.pointer, 'responses', status);
    if (!(status in responses)) {
      if (/^2/.test(status)) rule(subject, 'success-status-removed', at, `status ${status} removed`);
      else rule(subject, 'error-status-removed', at, `status ${status} removed`);
      continue;
    }
    const [before, after] = [component(raw, context.base), component(responses[status], context.head)];
    for (const part of ['headers', 'links'] as const) {
      if (!jsonEqual(before?.[part], after?.[part])) rule(subject, 'operation-part-changed', pointerJoin(at, part), `response ${status} ${part} changed`);
    }
    diffContent(context, contentOf(before), contentOf(after), 'response', at);
  }
  for (const status of Object.keys(responses)) {
    if (!(status in before)) rule(subject, 'response-status-added', pointerJoin(a.pointer, 'responses', status), `status ${status} added`);
  }
}
