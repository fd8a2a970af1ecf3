import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  AuthRequirement,
  AuthRequirementSchema,
  EventDefinition,
  EventDefinitionSchema,
  JobDefinition,
  JobDefinitionSchema,
  ModuleDiscovery,
  ModuleDiscoverySchema,
  ModuleError,
  ModuleErrorSchema,
  ModuleManifest,
  ModuleManifestSchema,
  RouteDefinition,
  RouteDefinitionSchema,
  SchemaReference,
  SchemaReferenceSchema,
  ViewDefinition,
  ViewDefinitionSchema,
} from '@webstir-io/module-contract';

// Each hand-written type and the type its Zod schema infers must agree exactly.
describe('hand-written types agree with their Zod schemas', () => {
  it('SchemaReference', () => expectTypeOf<z.infer<typeof SchemaReferenceSchema>>().toEqualTypeOf<SchemaReference>());
  it('AuthRequirement', () => expectTypeOf<z.infer<typeof AuthRequirementSchema>>().toEqualTypeOf<AuthRequirement>());
  it('RouteDefinition', () => expectTypeOf<z.infer<typeof RouteDefinitionSchema>>().toEqualTypeOf<RouteDefinition>());
  it('ViewDefinition', () => expectTypeOf<z.infer<typeof ViewDefinitionSchema>>().toEqualTypeOf<ViewDefinition>());
  it('JobDefinition', () => expectTypeOf<z.infer<typeof JobDefinitionSchema>>().toEqualTypeOf<JobDefinition>());
  it('EventDefinition', () => expectTypeOf<z.infer<typeof EventDefinitionSchema>>().toEqualTypeOf<EventDefinition>());
  it('ModuleManifest', () => expectTypeOf<z.infer<typeof ModuleManifestSchema>>().toEqualTypeOf<ModuleManifest>());
  it('a drifted type is caught', () => {
    // @ts-expect-error - dropping a field from the hand-written type must break the agreement
    expectTypeOf<z.infer<typeof ModuleManifestSchema>>().toEqualTypeOf<Omit<ModuleManifest, 'contractVersion'>>();
  });
  it('ModuleDiscovery', () => expectTypeOf<z.infer<typeof ModuleDiscoverySchema>>().toEqualTypeOf<ModuleDiscovery>());
  it('ModuleError', () => {
    // `code` is a string in JSON; the TypeScript type adds the known codes for completion.
    type Flat<T> = { [K in keyof T]: T[K] };
    expectTypeOf<z.infer<typeof ModuleErrorSchema>>().toEqualTypeOf<Flat<Omit<ModuleError, 'code'> & { code: string }>>();
    expectTypeOf<ModuleError['code']>().toMatchTypeOf<string>();
  });
});
