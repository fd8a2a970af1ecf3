// Every corpus contract through every surface: fromTsRestRouter → createModule → mountModule on
// loopback → generateOpenApi (validated) → createClient and the generated client, one request per
// route, each answer checked against the document (status, media type, body schema).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModule, type AnyRouteSpec, type ContractModule } from '@webstir-io/module-contract';
import { createClient } from '@webstir-io/module-contract/client';
import { generateOpenApi } from '@webstir-io/module-contract/openapi';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { generateClient } from '../adapters/client/codegen/generate-client.js';
import { blog } from './corpus/blog.js';
import type { CorpusEntry, CorpusRequest } from './corpus/corpus-entry.js';
import { media } from './corpus/media.js';
import { authorizationHeader, optionalPathParams, plainTypes, voidResponses } from './corpus/pending.js';
import { shop } from './corpus/shop.js';
import { status } from './corpus/status.js';
import { serveModule, type ServedContract } from './fixtures/ts-rest-server.js';

type Document = ReturnType<typeof generateOpenApi>;
type Operation = { parameters?: { name: string; in: string }[]; security?: Record<string, string[]>[]; responses: Record<string, { content?: Record<string, { schema?: object }>; description?: string }> };
type Answer = { status: number; contentType: string | null; body: unknown };
type AnyCall = (args?: unknown) => Promise<{ status: number; body: unknown; headers: Headers }>;

const work = mkdtempSync(join(tmpdir(), 'mc-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Everything one entry turns into, built once per entry. */
interface Surfaces {
  routes: AnyRouteSpec[];
  module: ContractModule;
  document: Document;
  server: ServedContract;
  answers: Map<string, Answer>;
}

function mediaTypeOf(headers: Headers): string | null {
  const type = headers.get('content-type');
  return type ? type.split(';')[0]!.trim() : null;
}

async function settle(body: unknown): Promise<unknown> {
  return body instanceof Blob ? await body.text() : body;
}

function callAt(client: unknown, name: string): AnyCall {
  const call = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], client);
  if (typeof call !== 'function') throw new Error(`no call ${name} on the client`);
  return call as AnyCall;
}

function operationOf(document: Document, spec: AnyRouteSpec): Operation {
  const path = spec.path.replace(/:(\w+)/g, '{$1}');
  const operation = (document.paths as Record<string, Record<string, Operation>>)[path]?.[spec.method.toLowerCase()];
  if (!operation) throw new Error(`the document has no ${spec.method} ${path}`);
  return operation;
}

/** Validates bodies against the document's own schemas (JSON Schema 2020-12, as OpenAPI 3.1 says). */
function bodyChecker(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: 'document.json', components: document.components ?? {} });
  let count = 0;
  return (schema: object, body: unknown): string[] => {
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"document.json#/components/')) as object;
    const validate = ajv.compile({ ...rebased, $id: `response-${count++}.json` });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

/** The checks every entry gets; they share one build of its surfaces. */
function surfaceTests(entry: CorpusEntry) {
  let surfaces: Surfaces;
  let setupError: unknown;

  beforeAll(async () => {
    try {
      const routes = fromTsRestRouter(entry.contract, entry.implementation as never, { onWarning: () => {}, ...entry.adapter });
      const module = createModule({ manifest: { name: 'corpus', version: '1.0.0', kind: 'backend' }, routes });
      const document = generateOpenApi(module, { info: { title: entry.name, version: '1.0.0' } });
      const server = await serveModule(module, routes, entry.mount);
      surfaces = { routes, module, document, server, answers: new Map() };
    } catch (error) {
      setupError = error;
    }
  });
  afterAll(() => surfaces?.server.close());
  const ready = () => {
    if (setupError) throw setupError;
    return surfaces;
  };

  it('is adopted as written: one route spec per contract route, one request per route', () => {
    const { routes } = ready();
    expect(routes.map((r) => r.name).sort()).toEqual(Object.keys(entry.requests).sort());
  });

  it('has a valid OpenAPI document', async () => {
    await SwaggerParser.validate(structuredClone(ready().document) as never);
  });

  it('answers each request as the entry expects and as the document says (createClient)', async () => {
    const { routes, document, server, answers } = ready();
    const client = createClient(entry.contract, { baseUrl: server.url, headers: entry.headers });
    const check = bodyChecker(document);
    const problems: string[] = [];
    for (const spec of routes) {
      const request = entry.requests[spec.name] as CorpusRequest;
      const result = await callAt(client, spec.name)(request.args);
      const answer: Answer = { status: result.status, contentType: mediaTypeOf(result.headers), body: await settle(result.body) };
      answers.set(spec.name, answer);
      problems.push(...agreement(spec.name, request, answer, operationOf(document, spec), check));
    }
    expect(problems).toEqual([]);
  });

  it('gets the same answers from the generated client, or is refused as documented', async () => {
    const { module, server, answers } = ready();
    if (entry.generatedClient) {
      expect(() => generateClient(module)).toThrow(entry.generatedClient.refuses);
      return;
    }
    const file = join(work, `${entry.name.replace(/\W+/g, '-')}-${Date.now()}.mjs`);
    writeFileSync(file, transformSync(generateClient(module), { loader: 'ts', format: 'esm' }).code);
    const generated = (await import(pathToFileURL(file).href)) as { createClient(options: object): unknown };
    const client = generated.createClient({ baseUrl: server.url, headers: entry.headers });
    const seen: Record<string, Answer> = {};
    const expected: Record<string, Answer | undefined> = {};
    for (const spec of ready().routes) {
      const result = await callAt(client, spec.name)(entry.requests[spec.name]!.args);
      seen[spec.name] = { status: result.status, contentType: mediaTypeOf(result.headers), body: await settle(result.body) };
      expected[spec.name] = answers.get(spec.name);
    }
    expect(seen).toEqual(expected);
  });

  return { ready };
}

/** Where an answer and the entry or the document disagree, as readable lines. */
function agreement(name: string, request: CorpusRequest, answer: Answer, operation: Operation, check: (schema: object, body: unknown) => string[]): string[] {
  const problems: string[] = [];
  const at = `${name} → ${answer.status}`;
  if (answer.status !== request.status) return [`${name}: status ${answer.status}, expected ${request.status} (body ${JSON.stringify(answer.body)})`];
  const expectedType = request.contentType === undefined ? 'application/json' : request.contentType;
  if (answer.contentType !== expectedType) problems.push(`${at}: content type ${answer.contentType}, expected ${expectedType}`);
  if ('body' in request && JSON.stringify(answer.body) !== JSON.stringify(request.body)) problems.push(`${at}: body ${JSON.stringify(answer.body)}, expected ${JSON.stringify(request.body)}`);
  if (expectedType === null && answer.body !== undefined && answer.body !== '') problems.push(`${at}: a body was sent where none is declared`);

  const documented = operation.responses[String(answer.status)];
  if (!documented) return [...problems, `${at}: the document does not declare this status`];
  const types = Object.keys(documented.content ?? {});
  if (expectedType === null) {
    if (types.length > 0) problems.push(`${at}: the document gives content ${types.join(', ')} for a response with no body`);
    return problems;
  }
  if (!types.includes(expectedType)) return [...problems, `${at}: the document has ${types.join(', ') || 'no content'}, the server sent ${expectedType}`];
  const schema = documented.content![expectedType]!.schema;
  if (expectedType === 'application/json' && schema) problems.push(...check(schema, answer.body).map((issue) => `${at}: body does not match the document: ${issue}`));
  return problems;
}

describe.each([blog, shop, status, media])('corpus: $name', (entry) => {
  surfaceTests(entry);
});

// These wait on the resolved model: each asserts what the issue asks of the construct.
describe('needs the resolved model', () => {
  describe('c.type<>() parts are accepted, unvalidated and documented as open', () => {
    const { ready } = surfaceTests(plainTypes);
    it('documents each such part as an open schema that says it is unchecked', () => {
      const { document, routes } = ready();
      const get = operationOf(document, routes.find((r) => r.name === 'get')!);
      const schema = get.responses['200']!.content!['application/json']!.schema as { type?: unknown; description?: string };
      expect(schema.type).toBeUndefined();
      expect(schema.description).toMatch(/not validated|unchecked|no runtime schema/i);
    });
    it('is an error under createModule({ strict: true }), naming the route and the part', () => {
      const routes = fromTsRestRouter(plainTypes.contract, plainTypes.implementation as never, { onWarning: () => {} });
      expect(() => createModule({ manifest: { name: 'corpus', version: '1.0.0', kind: 'backend' }, routes, strict: true })).toThrow(/\(get\): response 200: no runtime schema[\s\S]*\(create\): body: no runtime schema[\s\S]*\(create\): response 201: no runtime schema/);
    });
  });

  describe('z.void() responses have no body, no JSON content type and no documented content', () => {
    surfaceTests(voidResponses);
  });

  describe('a required authorization header is a security requirement', () => {
    const { ready } = surfaceTests(authorizationHeader);
    it('documents a bearer scheme and requires it, with no authorization header parameter', () => {
      const { document, routes } = ready();
      const me = operationOf(document, routes[0]!);
      expect(me.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'authorization') ?? false).toBe(false);
      const [requirement] = me.security ?? [];
      const schemeName = Object.keys(requirement ?? {})[0];
      expect(schemeName).toBeDefined();
      expect((document.components?.securitySchemes as Record<string, unknown>)[schemeName!]).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });

  describe('optional path parameters are refused with a message that says what to write instead', () => {
    it('names the route and the parameter when the module is built', () => {
      const routes = fromTsRestRouter(optionalPathParams.contract, optionalPathParams.implementation as never, { onWarning: () => {} });
      expect(() => createModule({ manifest: { name: 'corpus', version: '1.0.0', kind: 'backend' }, routes })).toThrow(
        /routes\[0\] \(posts\): path "\/pending\/posts\/:id\?" has the optional parameter\(s\) ":id\?": OpenAPI has no optional path parameters.*declare one route without the segment and one with it/,
      );
    });
  });
});
