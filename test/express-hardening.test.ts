import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeQuery, ModuleErrorSchema, silentLogger } from '@webstir-io/module-contract';
import { createContextFactory } from '../adapters/express/request-context.js';
import { startProbeServer } from './fixtures/express-server.js';

const json = { 'content-type': 'application/json' };

describe('Express binding: hardening', () => {
  let server: Awaited<ReturnType<typeof startProbeServer>>;
  beforeAll(async () => {
    server = await startProbeServer();
  });
  afterAll(() => server.close());
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops __proto__ and constructor.prototype keys from JSON bodies before any handler code sees them', async () => {
    const payloads = [
      '{"__proto__": {"polluted": "yes"}, "a": 1}',
      '{"constructor": {"prototype": {"polluted": "yes"}}, "b": 2}',
      '{"nested": {"deeper": [{"__proto__": {"polluted": "yes"}}]}}',
      // The same key spelled with a JSON escape.
      '{"\\u005f_proto__": {"polluted": "yes"}, "c": 3}',
    ];
    const keys: string[][] = [];
    for (const body of payloads) {
      const response = await fetch(`${server.url}/probe/merge`, { method: 'POST', headers: json, body });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { keys: string[]; polluted: boolean };
      expect(result.polluted).toBe(false);
      keys.push(result.keys);
    }
    expect(keys).toEqual([['a'], ['b'], ['nested'], ['c']]);
  });

  it('keeps a harmless constructor key', async () => {
    const response = await fetch(`${server.url}/probe/merge`, { method: 'POST', headers: json, body: '{"constructor": "Lego", "x": 1}' });
    expect(await response.json()).toEqual({ keys: ['constructor', 'x'], polluted: false });
  });

  it('never lets query strings or form bodies change a prototype', async () => {
    const attacks = [
      '__proto__[polluted]=yes',
      'constructor[prototype][polluted]=yes',
      '__proto__.polluted=yes',
      'filter[__proto__][polluted]=yes',
      'tags[__proto__][polluted]=yes',
    ];
    for (const attack of attacks) {
      const response = await fetch(`${server.url}/probe/filter?${attack}`);
      expect(response.status).toBeLessThan(500);
      const form = await fetch(`${server.url}/probe/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `name=x&${attack}` });
      expect(form.status).toBe(200);
      expect(await form.json()).toEqual({ name: 'x' });
    }
  });

  it('reads arrays as repeated keys, a lone value as a one-item array, and objects as deepObject', async () => {
    const read = async (query: string) => (await fetch(`${server.url}/probe/filter?${query}`)).json();
    expect(await read('tags=a&tags=b')).toEqual({ tags: ['a', 'b'] });
    expect(await read('tags=a')).toEqual({ tags: ['a'] });
    expect(await read('filter[name]=x')).toEqual({ filter: { name: 'x' } });
    const query = { tags: ['x y', 'ü&='], filter: { name: 'a/b' } };
    expect(await read(encodeQuery(query))).toEqual(query);
  });

  it('survives deep, wide and huge-index query strings with a client error or a success', async () => {
    const deep = `a${'[b]'.repeat(200)}=1`;
    // More parameters than the parser takes (1,000), in a URL Node still accepts (under 16 KB).
    const wide = Array.from({ length: 1500 }, (_, i) => `k${i}=1`).join('&');
    const repeated = Array.from({ length: 500 }, () => 'tags=x').join('&');
    for (const query of [deep, wide, repeated, 'tags[99999999]=x', 'filter[name][a][b][c][d][e][f]=1', 'tags[]=a&tags[]=b', '&&&==&=']) {
      const response = await fetch(`${server.url}/probe/filter?${query}`);
      expect(response.status, query.slice(0, 40)).toBeLessThan(500);
      if (response.status >= 400) ModuleErrorSchema.parse(await response.json());
      else await response.arrayBuffer();
    }
  });

  it('parses form bodies with the same rules as query strings', async () => {
    const response = await fetch(`${server.url}/probe/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ada&tags=a&tags=b' });
    expect(await response.json()).toEqual({ name: 'Ada', tags: ['a', 'b'] });
  });
});

describe('the default ctx.env', () => {
  it('redacts values of keys that look like secrets when serialized', async () => {
    process.env.MC_TEST_API_TOKEN = 'tok-should-not-leak';
    process.env.MC_TEST_REGION = 'eu-west';
    try {
      const factory = createContextFactory({}, silentLogger);
      const ctx = await factory({ headers: {} } as never, {} as never, 'r1', 'probe.get');
      const serialized = JSON.stringify(ctx.env);
      expect(serialized).not.toContain('tok-should-not-leak');
      expect(JSON.parse(serialized)).toMatchObject({ MC_TEST_API_TOKEN: '[REDACTED]', MC_TEST_REGION: 'eu-west' });
    } finally {
      delete process.env.MC_TEST_API_TOKEN;
      delete process.env.MC_TEST_REGION;
    }
  });
});
