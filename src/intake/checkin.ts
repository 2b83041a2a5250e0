// A validated check-in: the one shape the log holds, from flags, the prompts or the athlete file.
import { z } from 'zod';
import { isIsoDate } from '../core/isoDate.js';
import { SYMPTOM_IDS } from '../core/symptoms.js';
import type { CheckIn } from '../core/types.js';
import { COMPLETED, WARMUP_SORENESS } from '../core/choices.js';

const pain = z.number().int().min(0).max(10);

export const checkInSchema = z
  .strictObject({
    date: z.string().refine(isIsoDate, 'must be a real date as YYYY-MM-DD'),
    completed: z.enum(COMPLETED).optional(),
    painBefore: pain.optional(),
    painDuring: pain.optional(),
    painAfter: pain.optional(),
    nextMorning: pain.optional(),
    warmup: z.enum(WARMUP_SORENESS).optional(),
    symptoms: z.array(z.enum(SYMPTOM_IDS as [string, ...string[]])).optional(),
    note: z.string().max(2000).optional(),
    morning: z.boolean().optional(),
    restPain: pain.optional(),
    cleared: z.boolean().optional(),
    plannedLevel: z.number().int().min(1).max(99).optional(),
    plannedMinutes: z.number().min(0).max(1440).optional(),
  })
  .refine(
    (e) =>
      e.completed !== undefined ||
      e.morning === true ||
      e.restPain !== undefined ||
      e.cleared === true ||
      (e.symptoms?.length ?? 0) > 0,
    {
      message:
        'a log entry needs completed (a session), morning: true with nextMorning, restPain, symptoms, or cleared: true',
    },
  )
  .refine((e) => !e.morning || e.nextMorning !== undefined, {
    message: 'a morning entry needs nextMorning',
    path: ['nextMorning'],
  });

export type CheckInInput = z.input<typeof checkInSchema>;

// The schema must give the engine exactly what it expects.
export const checkCheckIn = (parsed: z.output<typeof checkInSchema>): CheckIn => parsed;
