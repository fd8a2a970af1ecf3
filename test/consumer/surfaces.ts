// The server, client and OpenAPI surfaces as a consumer sees them, through dist/*.d.ts.
import express from 'express';
import { createClient, unwrap, type ClientResult } from '@webstir-io/module-contract/client';
import { mountModule } from '@webstir-io/module-contract/express';
import { generateOpenApi, openApiToYaml, serveDocs } from '@webstir-io/module-contract/openapi';
import { contract, module } from './consumer.js';

const app = express();
const mounted = mountModule(app, module, { bodyLimit: '64kb' });
export const closing: Promise<void> = mounted.close();

const document = generateOpenApi(module, { info: { title: 'Todos', version: '1.0.0' } });
serveDocs(app, document, { path: '/docs' });
export const yaml: string = openApiToYaml(document);
export const legacy: string = generateOpenApi(module, { openapi: '3.0.3' }).openapi;

const client = createClient(contract, { baseUrl: 'http://127.0.0.1:3000' });
export async function createTodo(): Promise<string> {
  const result = await client.todos.create({ body: { title: 'write docs' } });
  if (result.status === 201) return result.body.title;
  if (result.status === 409) return result.body.code;
  const todo = await unwrap(client.todos.create({ body: { title: 'again' } }));
  return String(todo.id);
}
export type CreateResult = ClientResult<typeof contract.todos.create>;

// @ts-expect-error - the body of todos.create needs a title
client.todos.create({ body: { done: true } });
