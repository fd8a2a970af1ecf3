// multipart/form-data end to end on loopback: multer in the binding, File objects in the handler,
// limits and the one error shape, createClient sending FormData, and the Accounts example's avatars.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initContract } from '@ts-rest/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '@webstir-io/module-contract/client';
import { openApiToJson } from '@webstir-io/module-contract/openapi';
import { avatarsContract } from '../examples/accounts/avatars-contract.js';
import { avatarsOpenApi } from '../examples/accounts/avatars-openapi-docs.js';
import { startAccountsServer } from './fixtures/express-server.js';
import { serveContract, type ServedContract } from './fixtures/ts-rest-server.js';

const c = initContract();
const FileInfo = z.object({ field: z.string(), name: z.string(), type: z.string(), size: z.number(), text: z.string() });
const Received = z.object({ title: z.string(), count: z.number().optional(), tags: z.array(z.string()).optional(), files: z.array(FileInfo) });

const contract = c.router({
  upload: {
    method: 'POST',
    path: '/upload',
    contentType: 'multipart/form-data',
    body: z.object({
      title: z.string().min(1),
      count: z.coerce.number().int().optional(),
      tags: z.array(z.string()).optional(),
      document: z.instanceof(File),
      attachments: z.array(z.custom<File>((value) => value instanceof File)).optional(),
    }),
    responses: { 201: Received },
  },
});

const describeFile = async (field: string, file: File) => ({ field, name: file.name, type: file.type, size: file.size, text: await file.text() });

let server: ServedContract;
beforeAll(async () => {
  server = await serveContract(
    contract,
    {
      upload: async ({ body }) => ({
        status: 201,
        body: {
          title: body.title,
          ...(body.count !== undefined && { count: body.count }),
          ...(body.tags && { tags: body.tags }),
          files: [await describeFile('document', body.document), ...(await Promise.all((body.attachments ?? []).map((f) => describeFile('attachments', f))))],
        },
      }),
    },
    { mount: { multipart: { fileSize: 64, files: 3, fields: 5 } } },
  );
});
afterAll(() => server.close());

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const post = (body: BodyInit, headers?: Record<string, string>) => fetch(`${server.url}/upload`, { method: 'POST', body, headers });
const note = (text = 'hello', name = 'note.txt') => new File([text], name, { type: 'text/plain' });

describe('multipart bodies in the binding', () => {
  it('hands the handler File objects and plain text fields, as an HTML form sends them', async () => {
    const response = await post(form([['title', 'Report'], ['count', '3'], ['document', note('the body')]]));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ title: 'Report', count: 3, files: [{ field: 'document', name: 'note.txt', type: 'text/plain', size: 8, text: 'the body' }] });
  });

  it('makes a repeated field an array, for files and text alike', async () => {
    const response = await post(
      form([['title', 'T'], ['tags', 'a'], ['tags', 'b'], ['document', note()], ['attachments', note('one', 'a.txt')], ['attachments', note('two', 'b.txt')]]),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as z.infer<typeof Received>;
    expect(body.tags).toEqual(['a', 'b']);
    expect(body.files.map((f) => `${f.field}:${f.name}:${f.text}`)).toEqual(['document:note.txt:hello', 'attachments:a.txt:one', 'attachments:b.txt:two']);
  });

  it('answers 400 validation, naming the field, when a file is missing or a text field is sent as a file', async () => {
    const missing = await post(form([['title', 'T']]));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'validation', details: [expect.objectContaining({ part: 'body', path: ['document'] })] });
    const asText = await post(form([['title', 'T'], ['document', 'not a file']]));
    expect(asText.status).toBe(400);
    expect(await asText.json()).toMatchObject({ code: 'validation', details: [expect.objectContaining({ part: 'body', path: ['document'] })] });
  });

  it.each([
    ['a file over fileSize', form([['title', 'T'], ['document', note('x'.repeat(65))]]), 'File exceeds the limit of 64 bytes (field document)'],
    ['too many files', form([['title', 'T'], ['document', note()], ['attachments', note()], ['attachments', note()], ['attachments', note()]]), 'More than 3 files'],
    ['too many fields', form([['title', 'T'], ['tags', 'a'], ['tags', 'b'], ['tags', 'c'], ['tags', 'd'], ['tags', 'e'], ['document', note()]]), 'Too many fields'],
  ])('answers 413 in the one shape for %s', async (_case, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(413);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ code: 'payload_too_large', message });
    expect(Object.keys(json).sort()).toEqual(['code', 'correlationId', 'message']);
  });

  it('answers 400 in the one shape for a malformed body', async () => {
    const truncated = '--XYZ\r\ncontent-disposition: form-data; name="title"\r\n\r\nT\r\n--XYZ\r\ncontent-disposition: form-data; name="document"; filename="a.txt"\r\n\r\nabc';
    const response = await post(truncated, { 'content-type': 'multipart/form-data; boundary=XYZ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^Malformed multipart body/) });
    const noBoundary = await post('title=T', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.status).toBe(400);
    expect(await noBoundary.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^Malformed multipart body/) });
  });

  it.each(['__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__', 'title[__proto__][polluted]'])('never lets the field name %s change a prototype', async (name) => {
    const response = await post(form([['title', 'T'], [name, 'yes'], ['document', note()]]));
    expect([200, 201, 400]).toContain(response.status);
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status === 400) expect(body).toMatchObject({ code: expect.stringMatching(/^(bad_request|validation)$/) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers 415 for a JSON body on a multipart route', async () => {
    const response = await post(JSON.stringify({ title: 'T' }), { 'content-type': 'application/json' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'unsupported_media_type', message: 'Expected a request body of type multipart/form-data' });
  });
});

describe('createClient sends multipart bodies as FormData', () => {
  it('sends an object with File values (ts-rest JSON-encodes the text fields; the binding decodes them)', async () => {
    const client = createClient(contract, { baseUrl: server.url });
    const result = await client.upload({ body: { title: '42', count: 7, tags: ['x'], document: note('from the client') } });
    expect(result).toMatchObject({ status: 201, body: { title: '42', count: 7, tags: ['x'], files: [{ name: 'note.txt', text: 'from the client' }] } });
  });

  it('sends a FormData as it is', async () => {
    const client = createClient(contract, { baseUrl: server.url });
    const result = await client.upload({ body: form([['title', 'Raw'], ['document', note('raw')]]) });
    expect(result).toMatchObject({ status: 201, body: { title: 'Raw', files: [{ text: 'raw' }] } });
  });
});

describe('the Accounts example: avatars', () => {
  let accounts: Awaited<ReturnType<typeof startAccountsServer>>;
  beforeAll(async () => {
    accounts = await startAccountsServer();
  });
  afterAll(() => accounts.close());

  it('uploads a real image file and describes it back', async () => {
    const path = join(import.meta.dirname, 'fixtures', 'avatar.png');
    const bytes = readFileSync(path);
    const created = await fetch(`${accounts.url}/api/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'pic@example.com', name: 'Pic' }) });
    const { id } = (await created.json()) as { id: string };

    const client = createClient(avatarsContract, { baseUrl: accounts.url });
    const uploaded = await client.avatars.upload({ params: { id }, body: { avatar: new File([bytes], 'avatar.png', { type: 'image/png' }), alt: 'A red dot' } });
    const expected = { accountId: id, fileName: 'avatar.png', contentType: 'image/png', size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), alt: 'A red dot' };
    expect(uploaded).toMatchObject({ status: 200, body: expected });
    expect(await client.avatars.get({ params: { id } })).toMatchObject({ status: 200, body: expected });
  });

  it('refuses a file that is not an image, an unknown account and a file over 1 MB, in the one shape', async () => {
    const created = await fetch(`${accounts.url}/api/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'big@example.com', name: 'Big' }) });
    const { id } = (await created.json()) as { id: string };
    const put = (accountId: string, file: File) => fetch(`${accounts.url}/api/accounts/${accountId}/avatar`, { method: 'PUT', body: form([['avatar', file]]) });
    const text = await put(id, note());
    expect([text.status, ((await text.json()) as { code: string }).code]).toEqual([415, 'unsupported_media_type']);
    const unknown = await put('3f1d2a9e-5c1b-4a8e-9d7f-2b6c8e4a1f00', new File(['x'], 'a.png', { type: 'image/png' }));
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'not_found']);
    const big = await put(id, new File([new Uint8Array(1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'payload_too_large', message: 'File exceeds the limit of 1mb (field avatar)' });
  });

  it('keeps the existing Accounts routes and adds the avatar ones', () => {
    expect(accounts.routes.map((r) => `${r.method} ${r.path} ${r.name}`)).toEqual([
      'GET /api/accounts accounts.list',
      'GET /api/accounts/:id accounts.get',
      'POST /api/accounts accounts.create',
      'DELETE /api/accounts/:id accounts.remove',
      'GET /_views/accounts/:id account-profile',
      'PUT /api/accounts/:id/avatar avatars.upload',
      'GET /api/accounts/:id/avatar avatars.get',
    ]);
  });

  it('documents the avatar routes at /docs/avatars, as the document the build writes', async () => {
    const fresh = avatarsOpenApi();
    const served = await fetch(`${accounts.url}/docs/avatars/openapi.json`);
    expect(await served.json()).toEqual(JSON.parse(openApiToJson(fresh)));
    expect(Object.keys(fresh.paths ?? {})).toEqual(['/api/accounts/{id}/avatar']);
    expect(fresh.paths!['/api/accounts/{id}/avatar']!.put!.requestBody).toMatchObject({ content: { 'multipart/form-data': {} } });
  });
});
