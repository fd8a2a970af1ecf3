// Build steps for the example's generated artifacts, run by `npm run build` after `tsc`.
import { buildReactWebApp } from './web/build-react-web.js';
import { buildWebApp } from './web/build-web.js';
import { writeAccountsOpenApi } from './write-openapi.js';

type Step = { name: string; run: () => Promise<string> };

const steps: Step[] = [
  { name: 'web app', run: () => buildWebApp() },
  { name: 'react web app', run: () => buildReactWebApp() },
  { name: 'openapi', run: () => writeAccountsOpenApi() },
];

for (const step of steps) {
  const summary = await step.run();
  console.log(`[example] ${step.name}: ${summary}`);
}
