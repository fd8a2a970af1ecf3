import { initContract, type AppRouter } from '@ts-rest/core';
import { z } from 'zod';
import { createModule, ModuleErrorSchema, pageQuery, paged, type AnySchema, type ContractModule } from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';

const c = initContract();

/** The schemas one resource names: its item, its create body and its page. */
function resourceSchemas(index: number, Owner: AnySchema) {
  const Item = z.object({
    id: z.string().uuid(),
    name: z.string().min(1).max(100),
    [`count${index}`]: z.number().int().min(0),
    tags: z.array(z.string()).max(10),
    status: z.enum(['draft', 'live', 'archived']),
    note: z.string().nullable(),
    createdAt: z.string().datetime(),
    owner: Owner,
  });
  const CreateItem = Item.omit({ id: true, createdAt: true });
  const Page = paged(Item);
  return { Item, CreateItem, Page };
}

/**
 * A ts-rest contract of `resources × 5` routes (list, get, create, update, remove), each resource
 * with its own named schemas, all sharing an `Owner` and the `ModuleError` shape; and the same
 * contract as a module whose named schemas are those.
 */
export function generatedContract(resources = 100): { contract: AppRouter; schemas: Record<string, AnySchema>; toModule: () => ContractModule; toUnnamedModule: () => ContractModule } {
  const Owner = z.object({ id: z.string().uuid(), displayName: z.string() });
  const schemas: Record<string, AnySchema> = { Owner, ModuleError: ModuleErrorSchema };
  const routers: Record<string, AppRouter> = {};
  const implementation: Record<string, Record<string, () => Promise<never>>> = {};
  const handler = async () => ({ status: 200, body: {} }) as never;
  for (let i = 0; i < resources; i++) {
    const { Item, CreateItem, Page } = resourceSchemas(i, Owner);
    Object.assign(schemas, { [`Item${i}`]: Item, [`CreateItem${i}`]: CreateItem, [`Page${i}`]: Page });
    const id = z.object({ id: z.string().uuid() });
    routers[`resource${i}`] = c.router({
      list: { method: 'GET', path: `/resource${i}`, query: pageQuery().extend({ tag: z.array(z.string()).optional() }), responses: { 200: Page } },
      get: { method: 'GET', path: `/resource${i}/:id`, pathParams: id, responses: { 200: Item, 404: ModuleErrorSchema } },
      create: { method: 'POST', path: `/resource${i}`, body: CreateItem, responses: { 201: Item, 409: ModuleErrorSchema } },
      update: { method: 'PATCH', path: `/resource${i}/:id`, pathParams: id, body: CreateItem.partial(), responses: { 200: Item, 404: ModuleErrorSchema } },
      remove: { method: 'DELETE', path: `/resource${i}/:id`, pathParams: id, body: c.noBody(), responses: { 204: c.noBody(), 404: ModuleErrorSchema }, metadata: { auth: { required: true } } },
    });
    implementation[`resource${i}`] = { list: handler, get: handler, create: handler, update: handler, remove: handler };
  }
  const contract = c.router(routers, { pathPrefix: '/api' });
  const toModule = () =>
    createModule({
      manifest: { name: 'generated', version: '1.0.0', kind: 'backend' },
      routes: fromTsRestRouter(contract, implementation as never),
      schemas,
    });
  // As most ts-rest users write it: no schema registered under a name.
  const toUnnamedModule = () =>
    createModule({ manifest: { name: 'generated', version: '1.0.0', kind: 'backend' }, routes: fromTsRestRouter(contract, implementation as never) });
  return { contract, schemas, toModule, toUnnamedModule };
}
