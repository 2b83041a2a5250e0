import fc from 'fast-check';
import { SYMPTOMS } from '../../src/core/symptoms.js';
import type { Intake, Weekday } from '../../src/core/types.js';

const ids = (level: string) => SYMPTOMS.filter((s) => s.level === level).map((s) => s.id);
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Mostly symptom-free intakes (so the running rules get exercised), with every red-flag mix too. */
export const symptomsArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string[]>([]) },
  { weight: 2, arbitrary: fc.subarray(ids('caution'), { minLength: 1 }) },
  { weight: 1, arbitrary: fc.subarray(ids('urgent'), { minLength: 1 }) },
  { weight: 1, arbitrary: fc.subarray(SYMPTOMS.map((s) => s.id)) },
);

export const isoDateArb = fc
  .date({ min: new Date(Date.UTC(2024, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const intakeArb: fc.Arbitrary<Intake> = fc
  .record({
    pain: fc.integer({ min: 0, max: 10 }),
    symptoms: symptomsArb,
    units: fc.constantFrom<Intake['units']>('min', 'km', 'mi'),
    weekly: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })),
    goalExtra: fc.integer({ min: 0, max: 600 }),
    runsPerWeek: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    longestRun: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
    age: fc.option(fc.integer({ min: 10, max: 90 }), { nil: undefined }),
    firstEpisode: fc.boolean(),
    archingPain: fc.boolean(),
    runner: fc.constantFrom<Intake['runner']>('beginner', 'distance', 'returning'),
    start: fc.option(isoDateArb, { nil: undefined }),
    weeks: fc.integer({ min: 1, max: 40 }),
    days: fc.option(fc.subarray(WEEKDAYS, { minLength: 1 }), { nil: undefined }),
    cleared: fc.boolean(),
    secondsPerKm: fc.option(fc.integer({ min: 180, max: 720 }), { nil: undefined }),
  })
  .map(({ goalExtra, units, weekly, secondsPerKm, ...rest }) => {
    // Distances are scaled down so km and mi volumes stay realistic; the goal is never below now.
    const scale = units === 'min' ? 1 : 0.1;
    const now = Math.round(weekly * scale * 10) / 10;
    const intake: Intake = {
      ...rest,
      units,
      weekly: now,
      goalWeekly: Math.max(now, units === 'min' ? 5 : 2) + Math.round(goalExtra * scale),
      longestRun: rest.longestRun && Math.round(rest.longestRun * scale * 10) / 10,
    };
    // R-VOL-7: a real easy pace, from 3:00 to 12:00 per km, on whole seconds per unit.
    if (secondsPerKm !== undefined && units !== 'min')
      intake.pace = Math.round(secondsPerKm * (units === 'mi' ? 1.609344 : 1)) / 60;
    return intake;
  });

/** A real easy pace in minutes per km, whole seconds, 3:00 to 12:00. */
export const paceKmArb = fc.integer({ min: 180, max: 720 }).map((seconds) => seconds / 60);

/** Runners the plan lets run from a Monday start (2026-11-23): pain below 3, no urgent or emergency flags at intake. */
export const runnerArb: fc.Arbitrary<Intake> = intakeArb.map((intake) => ({
  ...intake,
  pain: intake.pain % 3,
  symptoms: intake.symptoms.filter((id) => SYMPTOMS.find((s) => s.id === id)?.level === 'caution'),
  age: intake.age !== undefined && intake.age < 20 ? 30 : intake.age,
  start: '2026-11-23',
  weeks: 4 + ((intake.weeks ?? 0) % 9),
}));
