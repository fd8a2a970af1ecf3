import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isCompatibleContractVersion, CONTRACT_VERSION } from '../../src/contract-version.js';
import { readModuleDiscovery } from '../../src/discovery.js';
import { ModuleManifestSchema } from '../../src/module-manifest.js';
import { parseFlags, UsageError, type Command } from '../args.js';
import { loadModule } from '../load-module.js';

const usage = 'Usage: module-contract validate [<package-dir>]   (reads "webstir.module" from its package.json)';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'discover a module through package.json and validate its manifest',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {}, usage);
    if (values.help) return io.out(usage);
    const dir = resolve(io.cwd, positionals[0] ?? '.');
    const pkgFile = join(dir, 'package.json');
    let pkg: unknown;
    try {
      pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    } catch (error) {
      throw new UsageError(`${pkgFile}: ${(error as Error).message}`);
    }
    const discovery = readModuleDiscovery(pkg);
    if (!discovery.ok) {
      if (discovery.reason === 'absent') throw new UsageError(`${pkgFile}: no "webstir": { "module": { kind, entry } } field`);
      throw new UsageError(`${pkgFile}: ${discovery.problems.map((p) => `${p.at}: ${p.message}`).join('; ')}`);
    }
    const module = await loadModule(join(dir, discovery.discovery.entry), io.cwd);
    const parsed = ModuleManifestSchema.safeParse(module.manifest);
    if (!parsed.success) {
      throw new UsageError(`${discovery.discovery.entry}: ${parsed.error.issues.map((i) => `manifest.${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (!isCompatibleContractVersion(module.manifest)) {
      throw new UsageError(`${discovery.discovery.entry}: contractVersion ${module.manifest.contractVersion} is not compatible with ${CONTRACT_VERSION}`);
    }
    if (module.manifest.kind !== discovery.discovery.kind) {
      throw new UsageError(`${pkgFile}: webstir.module.kind is "${discovery.discovery.kind}" but the manifest says "${module.manifest.kind}"`);
    }
    io.out(`[validate] ${module.manifest.name}@${module.manifest.version}: ok (${module.manifest.routes?.length ?? 0} routes, ${module.manifest.views?.length ?? 0} views)`);
  },
};
