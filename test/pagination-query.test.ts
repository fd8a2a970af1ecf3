import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cursorPaged, cursorQuery, encodeQuery, pageQuery, paged, paginate, readModuleDiscovery } from '@webstir-io/module-contract';

describe('pagination helpers', () => {
  it('coerces and bounds page queries', () => {
    const query = pageQuery({ defaultLimit: 10, maxLimit: 50 });
    expect(query.parse({})).toEqual({ page: 1, limit: 10 });
    expect(query.parse({ page: '3', limit: '25' })).toEqual({ page: 3, limit: 25 });
    expect(query.safeParse({ limit: '51' }).success).toBe(false);
    expect(query.safeParse({ page: '0' }).success).toBe(false);
    expect(cursorQuery().parse({ cursor: 'abc' })).toEqual({ cursor: 'abc', limit: 20 });
  });

  it('shapes paged responses', () => {
    const page = paged(z.string());
    expect(page.parse(paginate(['a', 'b', 'c'], { page: 2, limit: 2 }))).toEqual({ items: ['c'], page: 2, limit: 2, total: 3 });
    expect(cursorPaged(z.number()).parse({ items: [1], nextCursor: null })).toEqual({ items: [1], nextCursor: null });
  });
});

describe('encodeQuery', () => {
  it('repeats keys for arrays and uses deepObject for objects', () => {
    expect(encodeQuery({ tags: ['a', 'b c'], page: 2, filter: { name: 'x&y', min: 3 }, skip: undefined, none: null })).toBe(
      'tags=a&tags=b%20c&page=2&filter%5Bname%5D=x%26y&filter%5Bmin%5D=3&none=',
    );
    expect(encodeQuery({ at: new Date(0) })).toBe('at=1970-01-01T00%3A00%3A00.000Z');
    expect(encodeQuery(undefined)).toBe('');
  });
});

describe('readModuleDiscovery', () => {
  it('reads the nested and the flat form', () => {
    expect(readModuleDiscovery({ webstir: { module: { kind: 'backend', entry: './dist/module.js' } } })).toEqual({
      ok: true,
      discovery: { kind: 'backend', entry: './dist/module.js' },
    });
    expect(readModuleDiscovery({ 'webstir.module': { kind: 'frontend', entry: 'x.js' } })).toMatchObject({ ok: true });
    expect(readModuleDiscovery({ name: 'plain' })).toEqual({ ok: false, reason: 'absent' });
  });

  it('names every bad field', () => {
    expect(readModuleDiscovery({ webstir: { module: { kind: 'sidecar' } } })).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { at: 'webstir.module.kind', message: "Invalid enum value. Expected 'frontend' | 'backend', received 'sidecar'" },
        { at: 'webstir.module.entry', message: 'Required' },
      ],
    });
  });
});

describe('encodeQuery with objects of no prototype', () => {
  it('still writes deepObject keys', () => {
    const filter = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'ada' });
    expect(encodeQuery({ filter })).toBe('filter%5Bname%5D=ada');
  });
});
