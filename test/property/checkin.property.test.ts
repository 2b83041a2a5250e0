// Property tests of the check-in rules over random logs: whatever the runner logs, the re-planned
// plan keeps R-PAIN-3, R-PROG-2, R-PROG-1, R-VOL-1 and the red-flag stops.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/core/dates.js';
import { plan } from '../../src/core/plan.js';
import { toMinutes } from '../../src/core/progression.js';
import { replan } from '../../src/core/replay.js';
import { findSymptom, SYMPTOMS } from '../../src/core/symptoms.js';
import type { CheckIn, Intake } from '../../src/core/types.js';
import { renderJson } from '../../src/export/json.js';
import { templates } from '../helpers.js';
import { runnerArb } from './arbitraries.js';

const RUNS = { numRuns: Number(process.env.BACKPLAN_PROPERTY_RUNS ?? 500) };
const START = '2026-11-23'; // a Monday
const rules = templates.rules;
const ids = (level: string) => SYMPTOMS.filter((s) => s.level === level).map((s) => s.id);

const painArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 2 }) },
  { weight: 2, arbitrary: fc.integer({ min: 3, max: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 10 }) },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const sessionArb = fc.record({
  day: fc.integer({ min: 0, max: 90 }),
  completed: fc.constantFrom<CheckIn['completed']>('yes', 'yes', 'yes', 'yes', 'partial', 'no'),
  painBefore: maybe(fc.integer({ min: 0, max: 3 })),
  painDuring: painArb,
  painAfter: maybe(painArb),
  nextMorning: maybe(painArb),
  warmup: maybe(fc.constantFrom<CheckIn['warmup']>('none', 'eased', 'stayed')),
  symptoms: fc.oneof(
    { weight: 30, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray(ids('caution'), { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.subarray(ids('urgent'), { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.subarray(ids('emergency'), { minLength: 1, maxLength: 1 }) },
  ),
});

/** A log of session check-ins (one a day at most), with now and then a clearance. */
const logArb: fc.Arbitrary<CheckIn[]> = fc
  .tuple(fc.array(sessionArb, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 2 }))
  .map(([sessions, clearances]) => {
    const seen = new Set<number>();
    const log: CheckIn[] = [];
    for (const { day, symptoms, ...rest } of sessions) {
      if (seen.has(day)) continue;
      seen.add(day);
      const entry: CheckIn = { date: addDays(START, day), ...rest };
      if (symptoms.length > 0) entry.symptoms = symptoms;
      log.push(Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as CheckIn);
    }
    for (const day of clearances) log.push({ date: addDays(START, day), cleared: true });
    return log;
  });

/** A runner who mostly does well: a session every 2-3 days, mostly clean, now and then a setback. */
const steadyLogArb: fc.Arbitrary<CheckIn[]> = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 3 }),
      during: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: painArb }),
    }),
    { maxLength: 40 },
  )
  .map((steps) => {
    let day = 0;
    return steps.map(({ gap, during }) => {
      day += gap;
      return {
        date: addDays(START, day - 1),
        completed: 'yes' as const,
        painBefore: 1,
        painDuring: during,
        painAfter: 1,
      };
    });
  });
const anyLogArb = fc.oneof(logArb, steadyLogArb);

const todayArb = fc.integer({ min: 0, max: 95 }).map((d) => addDays(START, d));

/** R-PAIN-3's clean row, written out here independently of the engine. */
function isClean(s: CheckIn, intake: Intake): boolean {
  const baseline = s.painBefore ?? intake.pain;
  return (
    s.completed === 'yes' &&
    (s.painDuring ?? 0) < rules.painThreshold &&
    (s.painBefore ?? 0) < rules.painThreshold &&
    !(s.painAfter !== undefined && s.painBefore !== undefined && s.painAfter > s.painBefore) &&
    !(s.nextMorning !== undefined && s.nextMorning > baseline) &&
    s.warmup !== 'stayed' &&
    (s.symptoms ?? []).length === 0
  );
}

describe('check-in properties over random logs', () => {
  it('R-PAIN-3 / R-PROG-2: never an advance after a session that was not clean', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const { progress } = replan(intake, log, templates, today);
        for (const session of progress.sessions) {
          if (session.decision.kind === 'advance') expect(isClean(session, intake)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('R-PROG-2: at most one advance in any 7 days', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const advances = replan(intake, log, templates, today)
          .progress.decisions.filter((d) => d.kind === 'advance')
          .map((d) => d.date);
        for (let i = 1; i < advances.length; i++)
          expect(daysBetween(advances[i - 1]!, advances[i]!)).toBeGreaterThanOrEqual(7);
      }),
      RUNS,
    );
  });

  it('R-PAIN-3: pain of 5 or more during or the next morning always drops back, with 2 days without running', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const { plan: p, progress } = replan(intake, log, templates, today);
        const runs = p.weeks
          .flatMap((w) => w.sessions)
          .filter((s) => s.runMinutes > 0 && s.status !== 'done' && s.status !== 'partial' && s.status !== 'not-done');
        for (const session of progress.sessions) {
          const flagged = (session.symptoms ?? []).some((id) => findSymptom(id)?.level !== 'caution');
          if (flagged || Math.max(session.painDuring ?? 0, session.nextMorning ?? 0) < rules.dropBackPain) continue;
          // A drop-back, or worse: pain of 7+ or a second drop-back stops running (R-ESC-1, R-ESC-2).
          if (session.decision.kind === 'stop-running') expect(session.decision.rule).toMatch(/^R-ESC-[12]$/);
          else expect(session.decision.kind).toBe('drop-back');
          const restDays = [1, 2].map((d) => addDays(session.date, d));
          expect(runs.filter((r) => restDays.includes(r.date))).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('R-TRIAGE-1/2: an emergency or urgent symptom at a check-in stops running until a clearance', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const { plan: p, progress } = replan(intake, log, templates, today);
        const clearances = log.filter((e) => e.cleared && e.date <= today).map((e) => e.date);
        for (const session of progress.sessions) {
          // An urgent symptom a clinician has already cleared the runner with is no new red flag (R-PAIN-3: a hold).
          const clearedBefore = (id: string) =>
            clearances.some((d) => d < session.date) &&
            progress.sessions.some((s) => s.date < session.date && s.symptoms?.includes(id));
          const levels = (session.symptoms ?? [])
            .filter((id) => findSymptom(id)?.level === 'emergency' || !clearedBefore(id))
            .map((id) => findSymptom(id)?.level);
          if (!levels.includes('emergency') && !levels.includes('urgent')) continue;
          expect(['stop', 'stop-running']).toContain(session.decision.kind);
          // A clearance on the day of the session comes after it (the engine reads it so: the conservative order).
          const cleared = clearances.filter((d) => d >= session.date).sort()[0];
          const planned = p.weeks
            .flatMap((w) => w.sessions)
            .filter((s) => s.runMinutes > 0 && s.date > session.date && !s.status?.match(/done|partial/));
          if (!cleared) {
            expect(planned).toEqual([]);
            expect(p.triage.withheld).toBe(true);
            if (levels.includes('emergency')) expect(p.weeks).toEqual([]);
          } else {
            expect(planned.filter((s) => s.date < cleared)).toEqual([]);
          }
        }
      }),
      RUNS,
    );
  });

  it('R-VOL-1 and R-VOL-6 after every re-plan: from this week on, each full week ≤ 110% of the last (above the base), never above the goal', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const { plan: p } = replan(intake, log, templates, today);
        const goal = toMinutes(intake.goalWeekly, intake.units, rules, intake.pace);
        const base = toMinutes(rules.baseThreshold[intake.units], intake.units, rules, intake.pace);
        let lastFull: number | undefined;
        for (const week of p.weeks) {
          // R-VOL-6 binds what is planned: runs to come, beside the minutes already logged that week.
          const toCome = week.sessions
            .filter((s) => s.status === undefined || s.status === 'to-come')
            .reduce((a, s) => a + s.runMinutes, 0);
          if (toCome > 0) expect(toCome + (week.loggedRunMinutes ?? 0)).toBeLessThanOrEqual(goal);
          const over = week.end < today;
          const ran = over ? (week.loggedRunMinutes ?? 0) : week.runMinutes;
          if (week.phase === 'settle' || week.phase === 'walk-run' || week.level !== null) {
            lastFull = undefined;
            continue;
          }
          if (week.lighter) continue;
          // What the re-plan asks of the runner this week: runs done plus runs to come (not the missed ones).
          if (!over && toCome > 0 && lastFull !== undefined)
            expect(toCome + (week.loggedRunMinutes ?? 0)).toBeLessThanOrEqual(
              Math.max(base, Math.floor(lastFull * rules.volumeCap)),
            );
          lastFull = ran;
        }
      }),
      RUNS,
    );
  });

  it('R-PROG-1: runs planned from today never follow a run the day before, nor make 4 in 7 days, on the ladder', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const { plan: p } = replan(intake, log, templates, today);
        const runs = p.weeks
          .filter((w) => w.phase === 'walk-run')
          .flatMap((w) => w.sessions)
          .filter(
            (s) =>
              s.runMinutes > 0 &&
              (s.status === undefined || s.status === 'to-come' || s.status === 'done' || s.status === 'partial'),
          );
        const dates = runs.map((s) => s.date);
        for (const run of runs.filter((s) => s.date >= today && (s.status === undefined || s.status === 'to-come'))) {
          expect(dates).not.toContain(addDays(run.date, -1));
          expect(dates.filter((d) => d <= run.date && daysBetween(d, run.date) < 7).length).toBeLessThanOrEqual(
            rules.maxRunDaysPer7,
          );
        }
      }),
      RUNS,
    );
  });

  it('recomputing from the same intake and log gives identical output', () => {
    fc.assert(
      fc.property(runnerArb, anyLogArb, todayArb, (intake, log, today) => {
        const a = replan(intake, log, templates, today);
        const b = replan(structuredClone(intake), structuredClone(log), templates, today);
        expect(renderJson(b.plan)).toBe(renderJson(a.plan));
        expect(JSON.stringify(b.progress)).toBe(JSON.stringify(a.progress));
      }),
      { numRuns: 200 },
    );
  });

  it('with no check-ins and the plan not yet begun, the re-plan is the plan as made', () => {
    fc.assert(
      fc.property(runnerArb, (intake) => {
        const today = addDays(START, -1);
        expect(renderJson(replan(intake, [], templates, today).plan)).toBe(renderJson(plan(intake, templates, today)));
      }),
      { numRuns: 300 },
    );
  });
});
