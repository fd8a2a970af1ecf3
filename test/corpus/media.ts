// A media API: multipart uploads with z.instanceof(File) and z.custom<File>() fields, a binary
// download, and a JSON body that may be null.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { corpusEntry } from './corpus-entry.js';

const c = initContract();

const Upload = z.object({
  file: z.instanceof(File),
  thumbnails: z.array(z.custom<File>((value) => value instanceof File, 'Expected a file')).optional(),
  caption: z.string().max(100).optional(),
  width: z.coerce.number().int().positive().optional(),
});
const Stored = z.object({ name: z.string(), size: z.number().int(), type: z.string(), thumbnails: z.number().int(), caption: z.string().nullable() });

export const mediaContract = c.router(
  {
    upload: { method: 'POST', path: '/files', contentType: 'multipart/form-data', body: Upload, responses: { 201: Stored }, summary: 'Upload a file' },
    download: {
      method: 'GET',
      path: '/files/:name',
      responses: { 200: c.otherResponse({ contentType: 'application/octet-stream', body: z.custom<Buffer>((value) => Buffer.isBuffer(value)) }) },
    },
    label: { method: 'PATCH', path: '/files/:name/label', body: z.string().max(40).nullable(), responses: { 200: z.object({ label: z.string().nullable() }) } },
  },
  { pathPrefix: '/media' },
);

export const media = corpusEntry({
  name: 'media',
  contract: mediaContract,
  implementation: {
    upload: async ({ body }) => ({
      status: 201,
      body: { name: body.file.name, size: body.file.size, type: body.file.type, thumbnails: body.thumbnails?.length ?? 0, caption: body.caption ?? null },
    }),
    download: async ({ params }) => ({ status: 200, body: Buffer.from(`bytes of ${params.name}`) }),
    label: async ({ body }) => ({ status: 200, body: { label: body } }),
  },
  requests: {
    upload: {
      args: { body: { file: new File(['%PDF-1.4 tiny'], 'report.pdf', { type: 'application/pdf' }), thumbnails: [new File(['png'], 't1.png', { type: 'image/png' })], caption: 'Q1' } },
      status: 201,
      body: { name: 'report.pdf', size: 13, type: 'application/pdf', thumbnails: 1, caption: 'Q1' },
    },
    download: { args: { params: { name: 'report.pdf' } }, status: 200, contentType: 'application/octet-stream', body: 'bytes of report.pdf' },
    label: { args: { params: { name: 'report.pdf' }, body: 'final' }, status: 200, body: { label: 'final' } },
  },
  generatedClient: { refuses: /routes\[0\] upload: request content type multipart\/form-data is not supported by the generated client; use createClient/ },
});
