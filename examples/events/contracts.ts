import { z } from 'zod';
import { defineEvent } from '@webstir-io/module-contract/events';

/** Progress of a trade import, emitted as rows are processed. */
export const ImportProgressV1 = z
  .object({
    importId: z.string().min(1),
    userId: z.string().min(1),
    processed: z.number().int().min(0),
    total: z.number().int().min(0),
  })
  .strict();

/** A reflection on one trade: v1 as first shipped. */
export const CoachReflectV1 = z
  .object({
    userId: z.string().min(1),
    tradeId: z.string().min(1),
    note: z.string(),
  })
  .strict();

/** v2, a breaking change: the trade becomes an object, `note` becomes `text`, and bias tags are required. */
export const CoachReflectV2 = z
  .object({
    userId: z.string().min(1),
    trade: z.object({ id: z.string().min(1), symbol: z.string().min(1).optional() }).strict(),
    text: z.string(),
    biasTags: z.array(z.enum(['fomo', 'revenge', 'overconfidence', 'loss-aversion'])),
  })
  .strict();

/** The weekly digest is ready to read. */
export const DigestReadyV1 = z
  .object({
    userId: z.string().min(1),
    weekOf: z.string().date(),
    url: z.string().url(),
  })
  .strict();

export const importProgress = defineEvent({
  type: 'import.progress',
  versions: { 1: ImportProgressV1 },
  description: 'Progress of a trade import.',
});

export const coachReflect = defineEvent({
  type: 'coach.reflect',
  versions: { 1: CoachReflectV1, 2: CoachReflectV2 },
  // Producers build v1 from v2 while v1 consumers remain…
  downgrade: { 2: (p) => ({ userId: p.userId, tradeId: p.trade.id, note: p.text }) },
  // …and consumers read a v1 from a producer not yet moved to v2 in the v2 shape.
  upgrade: { 1: (p) => ({ userId: p.userId, trade: { id: p.tradeId }, text: p.note, biasTags: [] }) },
  grace: [1, 2],
  description: 'A coach reflection on one trade.',
});

export const digestReady = defineEvent({
  type: 'digest.ready',
  versions: { 1: DigestReadyV1 },
  description: 'The weekly digest is ready.',
});
