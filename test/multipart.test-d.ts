import { initContract } from '@ts-rest/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { TsRestRequest } from '@webstir-io/module-contract/ts-rest';

const c = initContract();
const upload = c.router({
  upload: { method: 'POST', path: '/u', contentType: 'multipart/form-data', body: z.object({ file: z.instanceof(File), note: z.string() }), responses: { 200: z.null() } },
  json: { method: 'POST', path: '/j', body: z.object({ note: z.string() }), responses: { 200: z.null() } },
});

describe('handler requests', () => {
  it('keep the File fields of a multipart body (ts-rest alone drops them)', () => {
    expectTypeOf<TsRestRequest<typeof upload.upload>['body']>().toEqualTypeOf<{ file: File; note: string }>();
    expectTypeOf<TsRestRequest<typeof upload.json>['body']>().toEqualTypeOf<{ note: string }>();
    // @ts-expect-error - the file is a File, not a string
    expectTypeOf<TsRestRequest<typeof upload.upload>['body']['file']>().toEqualTypeOf<string>();
  });
});
