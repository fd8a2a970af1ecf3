/** Contract parts with no runtime schema (ts-rest's c.type<>()): accepted with a warning, or refused under strict. */
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createModule, defineRoute, uncheckedSchema, UNCHECKED_DESCRIPTION, type Diagnostic } from '@webstir-io/module-contract';
import { mountModule } from '@webstir-io/module-contract/express';
import { generateOpenApi, lossyParts } from '@webstir-io/module-contract/openapi';
import { listen } from './fixtures/listen.js';

const body = uncheckedSchema();
const reply = uncheckedSchema();
const route = defineRoute({
  name: 'loose.save',
  method: 'POST',
  path: '/loose',
  input: { body, query: z.object({ n: z.coerce.number().int() }) },
  responses: { 200: reply, 400: z.object({ code: z.string(), message: z.string() }) },
  handler: ({ body: received }) => ({ status: 200, body: { echoed: received } }),
});
const manifest = { name: 'loose', version: '1.0.0', kind: 'backend' } as const;

describe('a part with no runtime schema', () => {
  const seen: Diagnostic[] = [];
  const module = createModule({ manifest, routes: [route], onDiagnostic: (d) => seen.push(d) });
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const app = express();
    mountModule(app, module);
    server = await listen(app);
  });
  afterAll(() => server.close());

  it('is a warning per route and part, collected and reported', () => {
    const expected = [
      { level: 'warning', at: 'route loose.save body', message: 'no runtime schema (c.type<>()): not validated, documented as any value' },
      { level: 'warning', at: 'route loose.save response 200', message: 'no runtime schema (c.type<>()): not validated, documented as any value' },
    ];
    expect(module.diagnostics).toEqual(expected);
    expect(seen).toEqual(expected);
  });

  it('is not validated by the binding, while the other parts still are', async () => {
    const ok = await fetch(`${server.url}/loose?n=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"anything":[1,"two"]}' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ echoed: { anything: [1, 'two'] } });
    const bad = await fetch(`${server.url}/loose?n=x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(400);
  });

  it('is documented as an open schema that says it is unchecked, and listed as lossy', () => {
    const operation = (generateOpenApi(module).paths?.['/loose'] as Record<string, { requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: unknown }> }> }>).post!;
    expect(operation.requestBody.content['application/json']!.schema).toEqual({ description: UNCHECKED_DESCRIPTION });
    expect(operation.responses['200']!.content['application/json']!.schema).toEqual({ description: UNCHECKED_DESCRIPTION });
    expect(lossyParts(body).map((p) => p.construct)).toEqual(['unchecked']);
  });

  it('is an error naming the route and the part with strict: true', () => {
    expect(() => createModule({ manifest, routes: [route], strict: true })).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: [module] loose: 2 problems
        - routes[0] (loose.save): body: no runtime schema (c.type<>()): not validated, documented as any value (strict: give it a Zod schema)
        - routes[0] (loose.save): response 200: no runtime schema (c.type<>()): not validated, documented as any value (strict: give it a Zod schema)]
    `);
  });
});
