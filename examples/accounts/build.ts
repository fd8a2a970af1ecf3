// Build steps for the example's generated artifacts, run by `npm run build` after `tsc`.
// `--web-only` bundles the web apps alone and writes none of the committed files: `npm test` runs it,
// so the tests compare the committed files with a fresh build instead of with files just rewritten.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArtifacts, loadConfig, loadSources, writeArtifacts } from '@webstir-io/module-contract/artifacts';
import { buildReactWebApp } from './web/build-react-web.js';
import { buildWebApp } from './web/build-web.js';
import { writeAvatarsOpenApi } from './write-openapi.js';

/** `writesCommitted`: the step writes files the repository commits (and the tests check). */
type Step = { name: string; writesCommitted: boolean; run: () => Promise<string> };

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
  { name: 'web app', writesCommitted: false, run: () => buildWebApp() },
  { name: 'react web app', writesCommitted: false, run: () => buildReactWebApp() },
  { name: 'artifacts', writesCommitted: true, run: () => writeAccountsArtifacts() },
  { name: 'avatars openapi', writesCommitted: true, run: () => writeAvatarsOpenApi() },
];

const webOnly = process.argv.includes('--web-only');
for (const step of webOnly ? steps.filter((each) => !each.writesCommitted) : steps) {
  const summary = await step.run();
  console.log(`[example] ${step.name}: ${summary}`);
}
