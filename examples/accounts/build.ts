import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebApp } from './web/build-web.js';
import { writeAccountsOpenApi } from './write-openapi.js';

/** Build steps for the example's generated artifacts, run by `npm run build` after `tsc`. */
export const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'accounts');

type Step = { name: string; run: () => Promise<string> };

const steps: Step[] = [
  { name: 'web app', run: () => buildWebApp() },
  { name: 'openapi', run: () => writeAccountsOpenApi() },
];

for (const step of steps) {
  const summary = await step.run();
  console.log(`[example] ${step.name}: ${summary}`);
}
