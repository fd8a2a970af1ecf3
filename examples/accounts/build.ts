// Build steps for the example's generated artifacts, run by `npm run build` after `tsc`.
import { buildWebApp } from './web/build-web.js';
import { writeAccountsOpenApi } from './write-openapi.js';

type Step = { name: string; run: () => Promise<string> };

const steps: Step[] = [
  { name: 'web app', run: () => buildWebApp() },
  { name: 'openapi', run: () => writeAccountsOpenApi() },
];

for (const step of steps) {
  const summary = await step.run();
  console.log(`[example] ${step.name}: ${summary}`);
}
