import { z } from 'zod';

/** Features a module needs from its host, so an orchestrator can wire providers. */
export const CAPABILITIES = ['auth', 'db', 'cache', 'queue', 'views', 'events', 'jobs', 'files', 'email'] as const;

export type Capability = (typeof CAPABILITIES)[number];

export const CapabilitySchema = z.enum(CAPABILITIES);
