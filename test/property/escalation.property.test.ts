// Property tests of escalation and of the check-in's word over random logs (domain.md 2, 2b, 2c):
// sessions, pain at rest on days without one, next-morning entries and clearances, logged in any
// order. Each property is stated from the log, not from the engine's decisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/core/dates.js';
import { judgeInTurn, judgeRowsInTurn } from '../../src/cli/logCheckIn.js';
import { replan, replanAround } from '../../src/core/replay.js';
import type { CheckIn, Plan } from '../../src/core/types.js';
import { renderJson } from '../../src/export/json.js';
import { templates } from '../helpers.js';
import { runnerArb } from './arbitraries.js';

const RUNS = { numRuns: Number(process.env.BACKPLAN_PROPERTY_RUNS ?? 400) };
const START = '2026-11-23';
const rules = templates.rules;

const painArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 }) },
  { weight: 2, arbitrary: fc.integer({ min: 3, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 7, max: 10 }) },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const entryArb: fc.Arbitrary<{ day: number; entry: Omit<CheckIn, 'date'> }> = fc.record({
  day: fc.integer({ min: 0, max: 60 }),
  entry: fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        completed: fc.constantFrom<CheckIn['completed']>('yes', 'yes', 'yes', 'partial', 'no'),
        painBefore: maybe(fc.integer({ min: 0, max: 4 })),
        painDuring: painArb,
        painAfter: maybe(painArb),
        nextMorning: maybe(painArb),
      }),
    },
    { weight: 2, arbitrary: fc.record({ restPain: painArb }) },
    { weight: 1, arbitrary: fc.record({ morning: fc.constant(true), nextMorning: painArb }) },
    { weight: 1, arbitrary: fc.record({ cleared: fc.constant(true) }) },
  ),
});

/** Entries in the order logged (not always date order), one session a day. */
const logArb: fc.Arbitrary<CheckIn[]> = fc.array(entryArb, { maxLength: 30 }).map((entries) => {
  const sessionDays = new Set<number>();
  const log: CheckIn[] = [];
  for (const { day, entry } of entries) {
    if (entry.completed !== undefined) {
      if (sessionDays.has(day)) continue;
      sessionDays.add(day);
    }
    log.push(
      Object.fromEntries(
        Object.entries({ date: addDays(START, day), ...entry }).filter(([, v]) => v !== undefined),
      ) as unknown as CheckIn,
    );
  }
  return log;
});
/** A runner who mostly does well: a session every 2-3 days, mostly clean, so that levels are earned and named. */
const steadyLogArb: fc.Arbitrary<CheckIn[]> = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 2, max: 3 }),
      during: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: painArb }),
    }),
    { maxLength: 25 },
  )
  .map((steps) => {
    let day = -2;
    return steps.map(({ gap, during }) => ({
      date: addDays(START, (day += gap)),
      completed: 'yes' as const,
      painBefore: 1,
      painDuring: during,
      painAfter: 1,
    }));
  });
const todayArb = fc.integer({ min: 0, max: 70 }).map((d) => addDays(START, d));

/** Runs the plan holds that were not logged: what it asks the runner to do. */
const plannedRuns = (plan: Plan) =>
  plan.weeks
    .flatMap((w) => w.sessions)
    .filter((s) => s.runMinutes > 0 && s.status !== 'done' && s.status !== 'partial' && s.status !== 'not-done');
const clearancesOf = (log: CheckIn[], today: string) =>
  log
    .filter((e) => e.cleared && e.date <= today)
    .map((e) => e.date)
    .sort();
/** The first clearance on or after a date (a clearance covers what its own day logged before it). */
const clearedFrom = (clearances: string[], date: string) => clearances.find((d) => d >= date) ?? null;

describe('escalation over random logs', () => {
  it('R-ESC-1: after any logged pain of 7 or more, no run until a clearance', () => {
    fc.assert(
      fc.property(runnerArb, logArb, todayArb, (intake, log, today) => {
        const { plan } = replan(intake, log, templates, today);
        const clearances = clearancesOf(log, today);
        for (const entry of log.filter((e) => e.date <= today)) {
          const pains = [entry.painBefore, entry.painDuring, entry.painAfter, entry.nextMorning, entry.restPain].filter(
            (p) => p !== undefined,
          );
          if (!pains.some((p) => p! >= rules.escalationPain)) continue;
          const until = clearedFrom(clearances, entry.date);
          const blocked = plannedRuns(plan).filter((s) => s.date > entry.date && (until === null || s.date < until));
          expect(blocked).toEqual([]);
          if (until === null) expect(plan.triage.withheld).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('R-ESC-2: after a second drop-back within 14 days, no run until a clearance', () => {
    fc.assert(
      fc.property(runnerArb, logArb, todayArb, (intake, log, today) => {
        const { plan, progress } = replan(intake, log, templates, today);
        const clearances = clearancesOf(log, today);
        // Sessions whose pain drops back (R-PAIN-3), with next-morning pain folded in as the runner logged it.
        const dropping = progress.sessions.filter(
          (s) => Math.max(s.painDuring ?? 0, s.nextMorning ?? 0) >= rules.dropBackPain,
        );
        for (let i = 1; i < dropping.length; i++) {
          const [first, second] = [dropping[i - 1]!, dropping[i]!];
          if (daysBetween(first.date, second.date) > rules.repeatDropBackDays) continue;
          // A clearance starts the count again.
          if (clearances.some((d) => d >= first.date && d < second.date)) continue;
          const until = clearedFrom(clearances, second.date);
          expect(plannedRuns(plan).filter((s) => s.date > second.date && (until === null || s.date < until))).toEqual(
            [],
          );
        }
      }),
      RUNS,
    );
  });

  it('R-PAIN-5: with pain at rest of 3 or more as the latest logged, no run is scheduled', () => {
    fc.assert(
      fc.property(runnerArb, logArb, todayArb, (intake, log, today) => {
        const { plan } = replan(intake, log, templates, today);
        // Pain at rest by day: before a session, the next morning (on its own, or given with the session), on its own.
        const rest = new Map<string, number[]>();
        const add = (date: string, pain: number | undefined) => {
          if (pain !== undefined && date <= today) rest.set(date, [...(rest.get(date) ?? []), pain]);
        };
        for (const e of log) {
          add(e.date, e.painBefore);
          add(e.date, e.restPain);
          add(e.morning ? e.date : addDays(e.date, 1), e.nextMorning);
        }
        const latest = [...rest.keys()].sort().at(-1);
        if (latest === undefined || rest.get(latest)!.some((p) => p < rules.painThreshold)) return;
        expect(plannedRuns(plan).filter((s) => s.date > latest)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('a check-in keeps its word over random logs (R-LOG-1)', () => {
  it('the next session checkin names is the first run on or after its date in show --format json', () => {
    fc.assert(
      fc.property(runnerArb, logArb, todayArb, (intake, log, today) => {
        const { progress } = replan(intake, log, templates, today);
        const shown = JSON.parse(renderJson(replan(intake, log, templates, today).plan)) as Plan;
        const next = progress.next;
        if (next === null) return;
        const sessions = shown.weeks.flatMap((w) => w.sessions).filter((s) => s.date >= next.date);
        const first =
          next.runMinutes > 0 ? sessions.find((s) => s.runMinutes > 0) : sessions.find((s) => s.kind !== 'rest');
        expect(
          first && { date: first.date, title: first.title, level: first.level ?? null, runMinutes: first.runMinutes },
        ).toEqual(next);
        expect(next.date >= today).toBe(true);
      }),
      RUNS,
    );
  });

  it('an advance named "from" a date lands on the first run on or after it', () => {
    let named = 0;
    fc.assert(
      fc.property(runnerArb, fc.oneof(logArb, steadyLogArb), todayArb, (intake, log, today) => {
        const { progress } = replan(intake, log, templates, today);
        for (const decision of progress.decisions.filter((d) => d.advanceFrom !== undefined)) {
          // The plan as the runner saw it right after that check-in.
          const then = replan(
            intake,
            log.filter((e) => e.date <= decision.date),
            templates,
            decision.date,
          ).plan;
          const run = plannedRuns(then).find((s) => s.date >= decision.advanceFrom!);
          if (!run) continue;
          named += 1;
          const next = templates.ladder[decision.level!]!;
          expect(run.level ?? null).toBe(next.walk > 0 ? next.level : null);
          expect(run.runMinutes).toBe(next.run * next.repeats);
          // Every run before it stays at the level the decision named.
          for (const before of plannedRuns(then).filter((s) => s.date > decision.date && s.date < run.date))
            expect(before.level).toBe(decision.level);
        }
      }),
      RUNS,
    );
    expect(named).toBeGreaterThan(20); // the property met many named advances, not a handful
  });
});

describe('a re-plan around today (team status) is the re-plan, cut', () => {
  it('holds the same weeks from the view on, the same progress, and the next run among them', () => {
    let cut = 0;
    fc.assert(
      fc.property(
        runnerArb,
        fc.oneof(logArb, steadyLogArb),
        todayArb,
        fc.integer({ min: 0, max: 21 }),
        (intake, log, today, back) => {
          const full = replan(intake, log, templates, today);
          const around = replanAround(intake, log, templates, today, { from: addDays(today, -back), through: today });
          expect(around.progress).toEqual(full.progress);
          expect([around.name, around.triage]).toEqual([full.plan.name, full.plan.triage]);
          const shown = full.plan.weeks.filter((w) => w.end >= addDays(today, -back));
          expect(around.weeks).toEqual(shown.slice(0, around.weeks.length));
          if (around.weeks.length < shown.length) cut += 1;
          // Every week up to the one holding today, and the next run, are there.
          expect(around.weeks.map((w) => w.index)).toEqual(
            shown.filter((w) => w.start <= today || w.index <= around.weeks.at(-1)!.index).map((w) => w.index),
          );
          const next = full.progress.next;
          if (next && next.runMinutes > 0) expect(around.weeks.some((w) => w.end >= next.date)).toBe(true);
        },
      ),
      RUNS,
    );
    expect(cut).toBeGreaterThan(20); // weeks ahead were left out, not only compared
  });
});

describe("a team's rows are judged as checkin judges them", () => {
  it('records the same entries and reaches the same progress as judgeInTurn', () => {
    let judged = 0;
    fc.assert(
      fc.property(
        runnerArb,
        fc.oneof(logArb, steadyLogArb),
        todayArb,
        fc.integer({ min: 1, max: 4 }),
        (intake, log, today, rows) => {
          const known = log.filter((e) => e.date <= today);
          const [before, entries] = [known.slice(0, -rows), known.slice(-rows)];
          const target = { intake, templates, today };
          const attempt = <T>(judge: () => T): T | string => {
            try {
              return judge();
            } catch (error) {
              return (error as Error).message;
            }
          };
          const one = attempt(() => judgeInTurn(before, entries, target));
          const team = attempt(() => judgeRowsInTurn(before, entries, target));
          if (typeof one === 'string' || typeof team === 'string') {
            expect(team).toEqual(one); // the same refusal
            return;
          }
          judged += 1;
          expect(team.map((j) => [j.checked, j.progress])).toEqual(one.map((j) => [j.checked, j.progress]));
        },
      ),
      RUNS,
    );
    expect(judged).toBeGreaterThan(100);
  });
});
