// Build steps for the example's generated artifacts, run by `npm run build` after `tsc`.
// `--web-only` bundles the web apps alone and writes none of the committed files: `npm test` runs it,
// so the tests compare the committed files with a fresh build instead of with files just rewritten.
import { buildReactWebApp } from './web/build-react-web.js';
import { buildWebApp } from './web/build-web.js';
import { writeAccountsOpenApi } from './write-openapi.js';

/** `writesCommitted`: the step writes files the repository commits (and the tests check). */
type Step = { name: string; writesCommitted: boolean; run: () => Promise<string> };

const steps: Step[] = [
  { name: 'web app', writesCommitted: false, run: () => buildWebApp() },
  { name: 'react web app', writesCommitted: false, run: () => buildReactWebApp() },
  { name: 'openapi', writesCommitted: true, run: () => writeAccountsOpenApi() },
];

const webOnly = process.argv.includes('--web-only');
for (const step of webOnly ? steps.filter((each) => !each.writesCommitted) : steps) {
  const summary = await step.run();
  console.log(`[example] ${step.name}: ${summary}`);
}
