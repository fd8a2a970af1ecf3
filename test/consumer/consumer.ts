// A consumer of the published package: resolved through package.json "exports" to dist/*.d.ts,
// compiled without skipLibCheck by both TypeScript 7 and TypeScript 5.9.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import {
  createModule,
  defineRoute,
  DomainError,
  ModuleErrorSchema,
  pageQuery,
  paged,
  toErrorBody,
  type ModuleManifest,
  type RequestContext,
} from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';

const c = initContract();
const Todo = z.object({ id: z.number(), title: z.string(), done: z.boolean().default(false) });

export const contract = c.router({
  todos: c.router({
    list: { method: 'GET', path: '/todos', query: pageQuery(), responses: { 200: paged(Todo) } },
    create: { method: 'POST', path: '/todos', body: Todo.omit({ id: true }), responses: { 201: Todo, 409: ModuleErrorSchema } },
  }),
});

const routes = fromTsRestRouter(contract, {
  todos: {
    list: async ({ query }) => ({ status: 200, body: { items: [], page: query.page, limit: query.limit, total: 0 } }),
    create: async ({ body }, ctx: RequestContext) => {
      const done: boolean = body.done;
      if (body.title === '') throw new DomainError('Title taken', { code: 'title_taken', correlationId: ctx.requestId });
      return { status: 201, body: { id: 1, title: body.title, done } };
    },
  },
});

const health = defineRoute({
  name: 'health',
  method: 'GET',
  path: '/health',
  responses: { 200: z.object({ ok: z.boolean() }) },
  handler: () => ({ status: 200, body: { ok: true } }),
});

export const module = createModule({ manifest: { name: 'todos', version: '1.0.0', kind: 'backend' }, routes: [...routes, health], schemas: { Todo } });
export const manifest: ModuleManifest = module.manifest;
export const body = toErrorBody(new Error('x'), 'id');

fromTsRestRouter(contract, {
  todos: {
    list: async ({ query }) => ({ status: 200, body: { items: [], page: query.page, limit: query.limit, total: 0 } }),
    // @ts-expect-error - 200 is not a declared status of todos.create
    create: async () => ({ status: 200, body: { id: 1, title: 't', done: false } }),
  },
});
