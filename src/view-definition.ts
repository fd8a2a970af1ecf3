import { z } from 'zod';
import { SchemaReferenceSchema, type SchemaReference } from './schema-reference.js';

export const RENDER_MODES = ['ssr', 'ssg', 'csr'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

/** The plain-JSON description of a view: a page whose data is loaded on the server. */
export interface ViewDefinition {
  name: string;
  path: string;
  params?: SchemaReference;
  data: SchemaReference;
  /** @default 'ssr' */
  renderMode?: RenderMode;
  /** Concrete paths to prerender when `renderMode` is `ssg`. */
  staticPaths?: string[];
}

export const ViewDefinitionSchema = z
  .object({
    name: z.string().min(1),
    path: z.string().regex(/^\//, 'must start with "/"'),
    params: SchemaReferenceSchema.optional(),
    data: SchemaReferenceSchema,
    renderMode: z.enum(RENDER_MODES).optional(),
    staticPaths: z.array(z.string().regex(/^\//, 'must start with "/"')).optional(),
  })
  .strict();
