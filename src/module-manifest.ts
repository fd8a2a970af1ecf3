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

/** One version of an event, with the schema of its payload (`<type>.v<N>` unless the schema has a name of its own). */
export interface EventVersionDefinition {
  /** The envelope's `v`. */
  v: number;
  payload: SchemaReference;
}

/**
 * An event the module emits or consumes. `versions` are the ones it emits (its grace window) or the
 * ones it accepts, ascending.
 */
export interface EventDefinition {
  /** The envelope's `type`, such as `coach.reflect`. */
  type: string;
  direction: 'emit' | 'consume';
  versions: EventVersionDefinition[];
  description?: string;
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

export const EventVersionDefinitionSchema = z
  .object({ v: z.number().int().min(1), payload: SchemaReferenceSchema })
  .strict();

export const EventDefinitionSchema = z
  .object({
    type: z.string().min(1),
    direction: z.enum(['emit', 'consume']),
    versions: z
      .array(EventVersionDefinitionSchema)
      .min(1)
      .refine((versions) => versions.every((entry, i) => i === 0 || entry.v > (versions[i - 1] as { v: number }).v), 'versions must be ascending and distinct'),
    description: z.string().optional(),
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
