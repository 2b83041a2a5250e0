// One block per rule of shared/domain.md that the engine applies when it makes a plan.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/core/dates.js';
import type { Plan } from '../../src/core/types.js';
import { makePlan, runningSessions, templates } from '../helpers.js';

const weekTotals = (p: Plan) => p.weeks.map((w) => w.runMinutes);

describe('R-PAIN-1: no running while pain at rest is 3/10 or more', () => {
  // Pain of 7 or more is R-PAIN-6's (see escalation.test.ts): no plan to run until a clinician clears it.
  it.each([3, 5, 6])('pain %i puts week 1 in settle, without running', (pain) => {
    const p = makePlan({ pain, weekly: 120, goalWeekly: 200 });
    expect(p.weeks[0]!.phase).toBe('settle');
    expect(p.weeks[0]!.runMinutes).toBe(0);
    expect(p.weeks[0]!.gate).toMatch(/R-PAIN-1/);
    expect(p.weeks[0]!.sessions.some((s) => s.kind === 'walk')).toBe(true);
  });

  it('pain 2 may run in week 1', () => {
    expect(makePlan({ pain: 2 }).weeks[0]!.runMinutes).toBeGreaterThan(0);
  });

  it('the threshold comes from plans/rules.yaml', () => {
    const strict = { ...templates, rules: { ...templates.rules, painThreshold: 2 } };
    expect(makePlan({ pain: 2 }, undefined, strict).weeks[0]!.phase).toBe('settle');
  });
});

describe('R-PHASE-1: leaving the settle phase', () => {
  it('the week after settle starts walk/run at level 1 behind the 30-minute walk gate', () => {
    const p = makePlan({ pain: 4 });
    expect(p.weeks[1]!.phase).toBe('walk-run');
    expect(p.weeks[1]!.level).toBe(1);
    expect(p.weeks[1]!.gate).toMatch(/30-minute brisk walk.*no limp.*R-PHASE-1/);
  });
});

describe('week skeletons per phase and runner type', () => {
  const titles = (p: ReturnType<typeof makePlan>, week: number) => p.weeks[week]!.sessions.map((s) => s.title);

  it('the settle week holds the 30-minute walk test its exit gate asks for (R-PHASE-1)', () => {
    expect(titles(makePlan({ pain: 5 }), 0)).toContain('30-minute walk test');
    expect(titles(makePlan({ pain: 5 }), 1)).not.toContain('30-minute walk test');
  });

  it('a runner waiting for assessment gets no walk test (R-TRIAGE-2)', () => {
    const p = makePlan({ pain: 5, symptoms: ['fever'] });
    expect(p.weeks.flatMap((w) => w.sessions).some((s) => s.title === '30-minute walk test')).toBe(false);
  });

  it('runner types change the week: returning runners get balance work and longer warm-ups', () => {
    const returning = makePlan({ runner: 'returning' });
    expect(titles(returning, 0)).toContain('Balance work');
    expect(runningSessions(returning)[0]!.details).toMatch(/^Walk 10 min to warm up/);
    expect(titles(makePlan({ runner: 'beginner' }), 0)).not.toContain('Balance work');
  });
});

describe('R-PAIN-2: every week after the first states its gate', () => {
  it('names the 3/10 limit, pain after runs and the next morning, and repeating the week', () => {
    const p = makePlan({ weeks: 10 });
    for (const week of p.weeks.slice(1)) {
      expect(week.gate).toMatch(/below 3\/10/);
      expect(week.gate).toMatch(/after runs or the next morning/);
      expect(week.gate).toMatch(/repeat last week/);
    }
  });
});

describe('R-PROG-1: never two running days in a row, at most 3 in any 7 during walk/run', () => {
  it('holds across week boundaries for every start weekday and preferred-day list', () => {
    const dayLists = [
      undefined,
      ['mon', 'tue', 'wed', 'thu'],
      ['sat', 'sun', 'mon'],
      ['sun', 'mon'],
      ['fri', 'sat', 'sun', 'mon', 'tue'],
    ] as const;
    for (let shift = 0; shift < 7; shift++) {
      for (const days of dayLists) {
        const p = makePlan({
          start: addDays('2026-11-23', shift),
          days: days ? [...days] : undefined,
          runsPerWeek: 3,
          weeks: 10,
        });
        const dates = runningSessions(p)
          .filter((s) => s.kind === 'walk-run')
          .map((s) => s.date);
        for (let i = 1; i < dates.length; i++) expect(daysBetween(dates[i - 1]!, dates[i]!)).toBeGreaterThanOrEqual(2);
        for (const d of dates)
          expect(dates.filter((x) => daysBetween(d, x) >= 0 && daysBetween(d, x) < 7).length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('runs on the preferred days when they allow it', () => {
    const p = makePlan({ days: ['tue', 'thu', 'sat'] });
    const weekdays = new Set(runningSessions(p).map((s) => new Date(`${s.date}T12:00:00`).getDay()));
    expect([...weekdays].sort()).toEqual([2, 4, 6]);
  });

  it('runs on fewer days, and says why, when the preferred days are all neighbours', () => {
    const p = makePlan({ days: ['mon', 'tue'], runsPerWeek: 3 });
    expect(p.weeks[0]!.sessions.filter((s) => s.runMinutes > 0)).toHaveLength(1);
    expect(p.notes.join(' ')).toMatch(
      /In the walk\/run phase only 1 running day a week fit your preferred days.*R-PROG-1/,
    );
  });
});

describe('R-PROG-2: a level needs clean sessions, and at most one level a week', () => {
  it('advances one level a week with 2 or 3 runs', () => {
    const levels = makePlan({ weeks: 7 }).weeks.map((w) => w.level);
    expect(levels).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('a returning runner needs 3 clean sessions: two weeks a level on 2 runs a week', () => {
    const levels = makePlan({ runner: 'returning', runsPerWeek: 2, weeks: 6 }).weeks.map((w) => w.level);
    expect(levels).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('one run a week climbs a level every other week', () => {
    const levels = makePlan({ runsPerWeek: 1, weeks: 4 }).weeks.map((w) => w.level);
    expect(levels).toEqual([1, 1, 2, 2]);
  });
});

describe('R-PROG-4: no hills, speed work or races', () => {
  it('every running session and the notes say so', () => {
    const p = makePlan({ weeks: 16, goalWeekly: 300 });
    for (const s of runningSessions(p)) {
      expect(s.details).toMatch(/no hills, speed work or races/);
      expect(s.rules).toContain('R-PROG-4');
    }
    expect(p.notes.join(' ')).toMatch(/No hills, speed work or races/);
  });
});

describe('R-VOL-1: at most 10% more each week once running is continuous', () => {
  it('grows from the last full week by no more than 10%', () => {
    const p = makePlan({ weeks: 30, goalWeekly: 400 });
    let lastFull: number | undefined;
    for (const week of p.weeks) {
      if (week.phase === 'walk-run' || week.phase === 'settle') continue;
      if (lastFull !== undefined && !week.lighter) expect(week.runMinutes).toBeLessThanOrEqual(lastFull * 1.1);
      if (!week.lighter) lastFull = week.runMinutes;
    }
    expect(lastFull).toBeGreaterThan(90);
  });
});

describe('R-VOL-2: no single run much longer than the longest recent run', () => {
  it('caps the first runs of a runner by their longest recent run', () => {
    const p = makePlan({ pain: 0, weekly: 150, runsPerWeek: 3, longestRun: 30, goalWeekly: 300 });
    expect(Math.max(...p.weeks[0]!.sessions.map((s) => s.runMinutes))).toBeLessThanOrEqual(33);
  });

  it('no run is longer than max(110%, +2 min) of the longest run in the 30 days before it', () => {
    const p = makePlan({ pain: 0, weekly: 100, runsPerWeek: 3, goalWeekly: 400, weeks: 30 });
    const runs = runningSessions(p);
    for (const run of runs) {
      const earlier = runs
        .filter((r) => r.date < run.date && daysBetween(r.date, run.date) <= 30)
        .map((r) => r.runMinutes);
      // 100 min over 3 runs: a 33-minute run now.
      const longest = Math.max(daysBetween(p.start, run.date) < 30 ? 33 : 0, ...earlier);
      expect(run.runMinutes).toBeLessThanOrEqual(Math.max(Math.floor(longest * 1.1), longest + 2));
    }
  });
});

describe('R-VOL-3: below the base the ladder governs', () => {
  it('walk/run weeks follow the ladder even when that is more than 10% a week', () => {
    const totals = weekTotals(makePlan({ weeks: 3 }));
    expect(totals).toEqual([15, 30, 45]);
  });
});

describe('R-VOL-4: every 4th week is lighter', () => {
  it('is 80% of the week before, and the week after grows from the last full week', () => {
    const p = makePlan({ pain: 0, weekly: 120, runsPerWeek: 3, goalWeekly: 400, weeks: 9 });
    const [w3, w4, w5] = [p.weeks[2]!, p.weeks[3]!, p.weeks[4]!];
    expect(w4.lighter).toBe(true);
    expect(w4.runMinutes).toBeLessThanOrEqual(Math.floor(w3.runMinutes * 0.8));
    expect(w4.sessions.find((s) => s.runMinutes > 0)!.rules).toContain('R-VOL-4');
    expect(w5.lighter).toBe(false);
    expect(w5.runMinutes).toBeGreaterThan(w3.runMinutes);
    expect(w5.runMinutes).toBeLessThanOrEqual(w3.runMinutes * 1.1);
    expect(p.weeks[7]!.lighter).toBe(true);
  });
});

describe('R-VOL-5: still running with pain 1-2 starts at 80% of current volume', () => {
  it.each([1, 2])('pain %i: week 1 is at most 80% of current', (pain) => {
    const p = makePlan({ pain, weekly: 150, runsPerWeek: 3, goalWeekly: 300 });
    expect(p.weeks[0]!.runMinutes).toBeLessThanOrEqual(120);
    expect(p.weeks[0]!.runMinutes).toBeGreaterThan(100);
    expect(runningSessions(p)[0]!.rules).toContain('R-VOL-5');
  });

  it('pain 0: week 1 is never above current volume', () => {
    const p = makePlan({ pain: 0, weekly: 150, runsPerWeek: 3, goalWeekly: 300 });
    expect(p.weeks[0]!.runMinutes).toBeLessThanOrEqual(150);
  });

  it('a runner doing short runs now is placed on the ladder, not above it', () => {
    const p = makePlan({ pain: 1, weekly: 45, runsPerWeek: 3, goalWeekly: 150 });
    expect(p.weeks[0]!.phase).toBe('walk-run');
    expect(Math.max(...p.weeks[0]!.sessions.map((s) => s.runMinutes))).toBeLessThanOrEqual(12);
  });
});

describe('R-VOL-6: never above the goal', () => {
  it('trims run days, then holds the last level that fits a small goal', () => {
    const p = makePlan({ goalWeekly: 20, weeks: 8 });
    for (const week of p.weeks) expect(week.runMinutes).toBeLessThanOrEqual(20);
    expect(p.weeks.map((w) => w.sessions.filter((s) => s.runMinutes > 0).length)).toEqual([3, 2, 2, 2, 2, 2, 2, 2]);
    expect(p.weeks.at(-1)!.phase).toBe('maintain');
    // Level 3 fits the goal once (15 min), less than level 2's two sessions (20 min): the goal is
    // reached at level 2, and the ladder does not climb through a lighter level (R-WEEK-3).
    expect(p.weeks.at(-1)!.level).toBe(2);
    expect(p.weeks[1]!.sessions.find((s) => s.runMinutes > 0)!.rules).toContain('R-VOL-6');
  });

  it('reaches the goal and holds it', () => {
    const p = makePlan({ pain: 0, weekly: 180, runsPerWeek: 4, goalWeekly: 200, weeks: 8 });
    expect(Math.max(...weekTotals(p))).toBe(200);
    expect(p.weeks.at(-1)!.phase).toBe('maintain');
  });

  it('refuses a goal smaller than one level-1 session', () => {
    expect(() => makePlan({ goalWeekly: 4 })).toThrow(/less than one walk\/run level 1 session/);
  });
});

describe('R-SAFE-1: the safety net travels with every plan', () => {
  it('names the emergency and urgent symptoms and what to do', () => {
    for (const p of [makePlan(), makePlan({ symptoms: ['bladder-bowel'] }), makePlan({ symptoms: ['night-pain'] })]) {
      expect(p.safetyNet.emergency.join(' ')).toMatch(/bladder or bowel/);
      expect(p.safetyNet.urgent.join(' ')).toMatch(/pain at night/);
      expect(p.safetyNet.emergencyAction).toMatch(/emergency department/);
      expect(p.safetyNet.urgentAction).toMatch(/stop running/i);
      expect(p.notice).toMatch(/not medical advice/);
    }
  });
});

describe('dates', () => {
  it('starts on the next Monday after today, and each week is seven days', () => {
    const p = makePlan({ weeks: 3 });
    expect(p.start).toBe('2026-11-23');
    expect(p.weeks.map((w) => [w.start, w.end])).toEqual([
      ['2026-11-23', '2026-11-29'],
      ['2026-11-30', '2026-12-06'],
      ['2026-12-07', '2026-12-13'],
    ]);
    expect(makePlan({}, '2026-11-23').start).toBe('2026-11-30'); // a Monday: the next one
  });

  it('every session names its rules and why', () => {
    for (const s of makePlan({ weeks: 12, goalWeekly: 300 }).weeks.flatMap((w) => w.sessions)) {
      expect(s.why.length).toBeGreaterThan(10);
      if (s.runMinutes > 0) expect(s.rules.length).toBeGreaterThan(0);
    }
  });
});
