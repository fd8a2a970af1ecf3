import { z } from 'zod';
import { CapabilitySchema, type Capability } from './capabilities.js';
import { CONTRACT_VERSION_PATTERN } from './contract-version.js';
import { RouteDefinitionSchema, type RouteDefinition } from './route-definition.js';
import { SchemaReferenceSchema, type SchemaReference } from './schema-reference.js';
import { ViewDefinitionSchema, type ViewDefinition } from './view-definition.js';

/** A background job the module runs. */
export interface JobDefinition {
  name: string;
  /** Cron expression; absent for jobs that are only enqueued. */
  schedule?: string;
  description?: string;
  payload?: SchemaReference;
}

/** An event the module emits or consumes. `version` is the envelope's `v`. */
export interface EventDefinition {
  name: string;
  version: number;
  direction: 'emit' | 'consume';
  payload: SchemaReference;
  description?: string;
  deprecated?: boolean;
}

/** Another service the module calls. */
export interface ServiceDependency {
  name: string;
  /** Semver range of the service's contract. */
  version?: string;
}

/** The plain-JSON description of a module, read by an orchestrator. */
export interface ModuleManifest {
  name: string;
  version: string;
  kind: 'frontend' | 'backend';
  contractVersion: string;
  routes?: RouteDefinition[];
  views?: ViewDefinition[];
  jobs?: JobDefinition[];
  events?: EventDefinition[];
  services?: ServiceDependency[];
  /** The module has an `init` hook that must run before it serves. */
  init?: boolean;
  /** The module has a `dispose` hook that must run when it stops. */
  dispose?: boolean;
  capabilities?: Capability[];
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export const JobDefinitionSchema = z
  .object({
    name: z.string().min(1),
    schedule: z.string().min(1).optional(),
    description: z.string().optional(),
    payload: SchemaReferenceSchema.optional(),
  })
  .strict();

export const EventDefinitionSchema = z
  .object({
    name: z.string().min(1),
    version: z.number().int().min(1),
    direction: z.enum(['emit', 'consume']),
    payload: SchemaReferenceSchema,
    description: z.string().optional(),
    deprecated: z.boolean().optional(),
  })
  .strict();

export const ServiceDependencySchema = z
  .object({ name: z.string().min(1), version: z.string().min(1).optional() })
  .strict();

export const ModuleManifestSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().regex(SEMVER, 'must be a semver version such as 1.2.3'),
    kind: z.enum(['frontend', 'backend']),
    contractVersion: z.string().regex(CONTRACT_VERSION_PATTERN, 'must look like 1.0.0 or 1.x'),
    routes: z.array(RouteDefinitionSchema).optional(),
    views: z.array(ViewDefinitionSchema).optional(),
    jobs: z.array(JobDefinitionSchema).optional(),
    events: z.array(EventDefinitionSchema).optional(),
    services: z.array(ServiceDependencySchema).optional(),
    init: z.boolean().optional(),
    dispose: z.boolean().optional(),
    capabilities: z.array(CapabilitySchema).optional(),
  })
  .strict();

/** Whether a value is a valid `ModuleManifest`; use `ModuleManifestSchema.safeParse` for the reasons. */
export function isModuleManifest(value: unknown): value is ModuleManifest {
  return ModuleManifestSchema.safeParse(value).success;
}
