import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { pageQuery, queryBoolean, queryInteger } from '@webstir-io/module-contract';

describe('query helper types', () => {
  it('read numbers and booleans, and callers pass numbers and booleans', () => {
    const query = z.object({ year: queryInteger(), archived: queryBoolean({ default: false }), pinned: queryBoolean().optional() });
    expectTypeOf<z.output<typeof query>>().toEqualTypeOf<{ year: number; archived: boolean; pinned?: boolean | undefined }>();
    expectTypeOf<z.input<typeof query>>().toEqualTypeOf<{ year: number; archived?: boolean | undefined; pinned?: boolean | undefined }>();
    expectTypeOf<z.input<ReturnType<typeof pageQuery>>>().toEqualTypeOf<{ page?: number | undefined; limit?: number | undefined }>();
    // @ts-expect-error - a default is a value, not its wire string
    queryInteger({ default: '1' });
  });
});
