// Build steps for the example's generated artifacts, run by `npm run build` after `tsc`.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArtifacts, loadConfig, loadSources, writeArtifacts } from '@webstir-io/module-contract/artifacts';
import { buildWebApp } from './web/build-web.js';

type Step = { name: string; run: () => Promise<string> };

// Run from dist/examples/accounts/: the repository root is three folders up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The artifact set of module-contract.config.json (the Accounts module) into examples/accounts/generated/. */
async function writeAccountsArtifacts(): Promise<string> {
  const loaded = await loadConfig(root);
  const { out, ...sources } = await loadSources(loaded);
  const { files } = await buildArtifacts(sources, { draft: loaded.config.draft });
  writeArtifacts(out, files);
  return `${files.size} files written to ${relative(root, out)}/`;
}

const steps: Step[] = [
  { name: 'web app', run: () => buildWebApp() },
  { name: 'artifacts', run: () => writeAccountsArtifacts() },
];

for (const step of steps) {
  const summary = await step.run();
  console.log(`[example] ${step.name}: ${summary}`);
}
