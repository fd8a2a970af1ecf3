import { createModule } from '@webstir-io/module-contract';
import { emits } from '@webstir-io/module-contract/events';
import { coachReflect, digestReady, importProgress } from './contracts.js';

/** The producing service: it emits all three events, `coach.reflect` in v1 and v2 during the grace window. */
export const coachModule = createModule({
  manifest: { name: 'coach', version: '2.0.0', kind: 'backend', capabilities: ['events'] },
  events: [emits(importProgress), emits(coachReflect), emits(digestReady)],
});

export default coachModule;
