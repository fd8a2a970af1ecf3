import { defineEvent } from '@webstir-io/module-contract/events';
import { CoachReflectV1 } from './contracts.js';

/**
 * `coach.reflect` as an older release of the contracts described it: v1 only. The old consumer is
 * built against this, so it knows nothing of v2 and skips v2 envelopes on the stream.
 */
export const coachReflectV1Only = defineEvent({
  type: 'coach.reflect',
  versions: { 1: CoachReflectV1 },
  description: 'A coach reflection on one trade.',
});
