// The validated intake: the one shape every way in (flags, wizard, profile, roster) must reach.
import { z } from 'zod';
import { SYMPTOM_IDS } from '../core/symptoms.js';
import { isIsoDate } from '../core/isoDate.js';
import type { Intake } from '../core/types.js';
import { RUNNER_TYPES, VOLUME_UNITS, WEEKDAYS } from '../core/choices.js';

const volume = z.number().min(0).max(10_000);

export const intakeSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    pain: z.number().int().min(0).max(10),
    symptoms: z.array(z.enum(SYMPTOM_IDS as [string, ...string[]])).default([]),
    weekly: volume.default(0),
    units: z.enum(VOLUME_UNITS).default('km'),
    runsPerWeek: z.number().int().min(1).max(7).optional(),
    longestRun: volume.optional(),
    goalWeekly: volume.refine((n) => n > 0, 'must be more than 0'),
    /** R-VOL-7: the runner's easy pace, minutes per km or mile (the intake's units). */
    pace: z.number().min(2).max(30).optional(),
    age: z.number().int().min(5).max(110).optional(),
    firstEpisode: z.boolean().default(false),
    archingPain: z.boolean().default(false),
    runner: z.enum(RUNNER_TYPES).default('beginner'),
    start: z.string().refine(isIsoDate, 'must be a real date as YYYY-MM-DD').optional(),
    weeks: z.number().int().min(1).max(52).optional(),
    days: z.array(z.enum(WEEKDAYS)).min(1).optional(),
    cleared: z.boolean().default(false),
  })
  .superRefine((intake, ctx) => {
    if (intake.pace !== undefined && intake.units === 'min') {
      const message = 'applies to distances only; with volumes in minutes, leave the pace out';
      ctx.addIssue({ code: 'custom', path: ['pace'], message });
    }
    if (intake.goalWeekly < intake.weekly) {
      ctx.addIssue({
        code: 'custom',
        path: ['goalWeekly'],
        message: `is below the current weekly volume (${intake.weekly}); the goal is your weekly volume before the pain, so at least what you run now`,
      });
    }
    // The longest run sets how long one run may grow (R-VOL-2): one longer than a whole pre-injury week is a typo.
    if (intake.longestRun !== undefined && intake.longestRun > intake.goalWeekly) {
      ctx.addIssue({
        code: 'custom',
        path: ['longestRun'],
        message: `is more than your whole weekly goal (${intake.goalWeekly}); give your longest single run of the last 30 days`,
      });
    }
  });

export type IntakeInput = z.input<typeof intakeSchema>;

// The schema must give the engine exactly what it expects.
export const checkIntake = (parsed: z.output<typeof intakeSchema>): Intake => parsed;
