import { z } from 'zod';

/** What a module package declares in its package.json under `"webstir": { "module": ... }`. */
export interface ModuleDiscovery {
  kind: 'frontend' | 'backend';
  /** Path, relative to the package, of the file whose default export (or `module` export) is the module. */
  entry: string;
  /** Path of the prebuilt manifest JSON, if the package ships one. */
  manifest?: string;
}

export const ModuleDiscoverySchema = z
  .object({
    kind: z.enum(['frontend', 'backend']),
    entry: z.string().min(1),
    manifest: z.string().min(1).optional(),
  })
  .strict();

export type DiscoveryResult =
  | { ok: true; discovery: ModuleDiscovery }
  | { ok: false; reason: 'absent' }
  | { ok: false; reason: 'invalid'; problems: { at: string; message: string }[] };

/**
 * Reads the module declaration from a parsed package.json. Accepts `webstir.module` nested, or the
 * flat key `"webstir.module"`.
 */
export function readModuleDiscovery(packageJson: unknown): DiscoveryResult {
  const pkg = (packageJson ?? {}) as Record<string, unknown>;
  const nested = (pkg.webstir as Record<string, unknown> | undefined)?.module;
  const raw = nested ?? pkg['webstir.module'];
  if (raw === undefined) return { ok: false, reason: 'absent' };
  const parsed = ModuleDiscoverySchema.safeParse(raw);
  if (parsed.success) return { ok: true, discovery: parsed.data };
  return {
    ok: false,
    reason: 'invalid',
    problems: parsed.error.issues.map((i) => ({ at: ['webstir', 'module', ...i.path].join('.'), message: i.message })),
  };
}
