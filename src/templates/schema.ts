// zod schemas for the YAML files in plans/. Each file says what it holds with `kind:`.
import { z } from 'zod';
import type { Exercise, LadderLevel, Rules, Template } from '../core/types.js';
import { PHASES, RUNNER_TYPES } from '../core/choices.js';

const positive = z.number().positive();
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const multiplier = z.number().min(1).max(1.5);
const fraction = z.number().gt(0).lt(1);
const exerciseId = z.string().regex(/^[a-z0-9-]+$/, 'an exercise id: lower-case letters, digits and dashes');

export const rulesSchema = z.strictObject({
  kind: z.literal('rules'),
  painThreshold: wholeNumber(1, 10),
  maxRunDaysPer7: wholeNumber(1, 4),
  cleanSessionsPerLevel: wholeNumber(1, 10),
  cleanSessionsPerLevelReturning: wholeNumber(1, 10),
  gapDaysBeforeDrop: wholeNumber(1, 60),
  dropBackPain: wholeNumber(2, 10),
  dropBackRestDays: wholeNumber(1, 14),
  holdExtraRestDays: wholeNumber(0, 14),
  painRiseToBlock: z.number().min(0).max(10),
  restPainDaysToSettle: wholeNumber(1, 28),
  severeRestPain: wholeNumber(1, 10),
  escalationPain: wholeNumber(1, 10),
  repeatDropBackDays: wholeNumber(1, 60),
  setbacksInRow: wholeNumber(2, 20),
  notImprovingDays: wholeNumber(7, 120),
  cautionReminderDays: wholeNumber(7, 120),
  volumeCap: multiplier,
  singleRunCap: multiplier,
  singleRunMinStepMinutes: wholeNumber(0, 10),
  baseThreshold: z.strictObject({ minutes: positive, km: positive, mi: positive }),
  downWeekEvery: wholeNumber(2, 12),
  downWeekFactor: fraction,
  cutBackFactor: fraction,
  continuousTargetMinutes: wholeNumber(5, 180),
  singleRunShare: z.number().gt(0).max(1),
  assumedPaceMinutesPer: z.strictObject({ km: positive, mi: positive }),
  defaultWeeks: wholeNumber(1, 52),
  defaultRunDays: wholeNumber(1, 7),
  maxRebuildRunDays: wholeNumber(1, 7),
});

const levelSchema = z.strictObject({
  level: wholeNumber(1, 99),
  run: positive,
  walk: z.number().min(0),
  repeats: wholeNumber(1, 50),
});

export const ladderSchema = z.strictObject({
  kind: z.literal('ladder'),
  levels: z.array(levelSchema).min(1),
});

const exerciseSchema = z.strictObject({
  kind: z.enum(['walk', 'cross-train', 'core', 'mobility', 'rest']),
  title: z.string().min(1),
  minutes: positive.optional(),
  details: z.string().min(1),
  steps: z.array(z.string().min(1)).optional(),
  loads: z.array(z.enum(['extension', 'nerve-tension', 'exertion'])).optional(),
});

export const exercisesSchema = z.strictObject({
  kind: z.literal('exercises'),
  exercises: z.record(exerciseId, exerciseSchema),
});

const dayNumber = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
]);
const weekSchema = z.partialRecord(
  z.enum(['1', '2', '3', '4', '5', '6', '7'], 'a day number from 1 to 7'),
  z.array(exerciseId),
);

const variantSchema = z.strictObject({
  note: z.string().min(1),
  warmupMinutes: wholeNumber(0, 30).optional(),
  cooldownMinutes: wholeNumber(0, 30).optional(),
  runFocus: z.string().min(1).optional(),
  week: weekSchema.optional(),
});

export const templateSchema = z.strictObject({
  kind: z.literal('template'),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a template name: lower-case letters, digits and dashes'),
  description: z.string().min(1),
  warmupMinutes: wholeNumber(0, 30),
  cooldownMinutes: wholeNumber(0, 30),
  runDayOrder: z.array(dayNumber).min(1).max(7),
  afterRun: z.array(exerciseId),
  runFocus: z.string().min(1),
  week: weekSchema,
  phases: z.partialRecord(z.enum(PHASES), z.strictObject({ week: weekSchema })).default({}),
  runnerTypes: z.partialRecord(z.enum(RUNNER_TYPES), variantSchema),
});

export const KINDS = ['rules', 'ladder', 'exercises', 'template'] as const;
export type FileKind = (typeof KINDS)[number];

// Compile-time checks that the schemas produce what the core expects.
type Assignable<T, U extends T> = U;
export type _RulesMatch = Assignable<
  Rules,
  Omit<z.infer<typeof rulesSchema>, 'kind' | 'baseThreshold'> & { baseThreshold: Rules['baseThreshold'] }
>;
export type _LevelMatch = Assignable<LadderLevel, z.infer<typeof levelSchema>>;
export type _ExerciseMatch = Assignable<Exercise, z.infer<typeof exerciseSchema>>;
export type _TemplateMatch = Assignable<
  Omit<Template, 'week' | 'runnerTypes'>,
  Omit<z.infer<typeof templateSchema>, 'kind' | 'week' | 'runnerTypes'>
>;
