// Check-in decisions and re-planning, one rule at a time (domain.md R-PAIN-3, R-PAIN-4, R-PROG-2,
// R-PROG-3, R-TRIAGE-1..3), on a runner starting at walk/run level 1 on Mon 23 Nov 2026.
import { describe, expect, it } from 'vitest';
import { judgeSession } from '../../src/core/checkin.js';
import { replan } from '../../src/core/replay.js';
import type { CheckIn, Intake } from '../../src/core/types.js';
import { changesAlong, sequencesOf } from '../../src/export/sequence.js';
import { renderIcs } from '../../src/export/ics.js';
import { cleanCheckIn, intake as makeIntake, templates } from '../helpers.js';

const START = '2026-11-23'; // Monday; runs fall on Mon, Wed, Sat
const runner = (overrides: Partial<Intake> = {}) => makeIntake({ start: START, goalWeekly: 150, ...overrides });
const ok = cleanCheckIn;
const judge = (session: Partial<CheckIn>) =>
  judgeSession(
    { date: START, completed: 'yes', ...session },
    { rules: templates.rules, baseline: 1, clearedSymptoms: new Set() },
  );
const last = (intake: Intake, log: CheckIn[], today: string) =>
  replan(intake, log, templates, today).progress.decisions.at(-1)!;
const runsOn = (intake: Intake, log: CheckIn[], today: string) =>
  replan(intake, log, templates, today)
    .plan.weeks.flatMap((w) => w.sessions)
    .filter((s) => s.runMinutes > 0);

describe('R-PAIN-3: one session on its own, most severe first', () => {
  it('an emergency symptom stops everything (R-TRIAGE-1), even with low pain', () => {
    expect(judge({ painDuring: 0, symptoms: ['saddle-numbness'] })).toMatchObject({ kind: 'stop', rule: 'R-TRIAGE-1' });
  });
  it('an urgent symptom stops running (R-TRIAGE-2), and so does one a clinician cleared that comes back', () => {
    expect(judge({ painDuring: 1, symptoms: ['radiating-pain'] })).toMatchObject({
      kind: 'stop-running',
      rule: 'R-TRIAGE-2',
    });
    const cleared = judgeSession(
      { date: START, completed: 'yes', painDuring: 1, symptoms: ['radiating-pain'] },
      { rules: templates.rules, baseline: 1, clearedSymptoms: new Set(['radiating-pain']) },
    );
    expect(cleared).toMatchObject({ kind: 'stop-running', rule: 'R-TRIAGE-2' });
    expect(cleared.reason).toMatch(/again after a clinician cleared you/);
  });
  it('pain during 5 or more, or next-morning pain of 5 or more, drops back', () => {
    expect(judge({ painDuring: 5 })).toMatchObject({ kind: 'drop-back', reason: 'pain during 5/10' });
    expect(judge({ painDuring: 1, nextMorning: 6 })).toMatchObject({
      kind: 'drop-back',
      reason: 'next-morning pain 6/10',
    });
  });
  it('pain during 3-4, pain after above before, next morning above baseline, or warm-up soreness that stayed: hold', () => {
    expect(judge({ painDuring: 3 }).kind).toBe('hold');
    expect(judge({ painDuring: 4 }).kind).toBe('hold');
    expect(judge({ painBefore: 1, painDuring: 1, painAfter: 2 }).kind).toBe('hold');
    expect(judge({ painDuring: 1, nextMorning: 2 }).kind).toBe('hold');
    expect(judge({ painDuring: 1, warmup: 'stayed' }).kind).toBe('hold');
    expect(judge({ painDuring: 1, warmup: 'eased' }).kind).toBe('clean');
  });
  it('R-PAIN-1: pain at rest of 3 before the session holds, however the run went', () => {
    expect(judge({ painBefore: 3, painDuring: 2, painAfter: 2 })).toMatchObject({ kind: 'hold', rule: 'R-PAIN-1' });
  });
  it('pain after above the baseline holds when no pain before was logged (found in review)', () => {
    expect(judge({ painDuring: 0, painAfter: 6 })).toMatchObject({
      kind: 'hold',
      reason: 'pain after 6/10, higher than your baseline of 1/10 (no pain before was logged)',
    });
    expect(judge({ painDuring: 0, painAfter: 1 }).kind).toBe('clean');
  });
  it('R-TRIAGE-3: a new caution sign holds', () => {
    expect(judge({ painDuring: 1, symptoms: ['limp'] })).toMatchObject({ kind: 'hold', rule: 'R-TRIAGE-3' });
  });
  it('a session not completed is not counted; a completed one with low, steady pain is clean', () => {
    expect(judge({ completed: 'partial', painDuring: 1 }).kind).toBe('not-counted');
    expect(judge({ completed: 'no' }).kind).toBe('not-counted');
    expect(judge({ painBefore: 1, painDuring: 2, painAfter: 1, nextMorning: 1 }).kind).toBe('clean');
  });
});

describe('R-PROG-2: advancing on clean sessions', () => {
  it('2 clean sessions advance one level, but not within 7 days of the last change', () => {
    const log = [ok('2026-11-23'), ok('2026-11-25')];
    expect(last(runner(), log, '2026-11-25')).toMatchObject({ kind: 'clean', rule: 'R-PROG-2', level: 1 });
    expect(last(runner(), log, '2026-11-25').text).toMatch(
      /next level starts with your first run on or after Mon 30 Nov/,
    );
    const later = [...log, ok('2026-11-30')];
    const monday = replan(runner(), later, templates, '2026-11-30').progress.decisions.filter(
      (d) => d.date === '2026-11-30',
    );
    expect(monday.map((d) => [d.kind, d.level])).toEqual([
      ['advance', 2],
      ['clean', 2],
    ]);
    expect(runsOn(runner(), later, '2026-11-30').find((s) => s.date === '2026-12-02')?.title).toMatch(/^Walk\/run L2/);
  });
  it('the returning runner needs 3 clean sessions', () => {
    const log = [ok('2026-11-23'), ok('2026-11-25')];
    expect(last(runner({ runner: 'returning' }), log, '2026-11-25').text).toMatch(/2 of 3 toward the next level/);
    expect(last(runner({ runner: 'returning' }), [...log, ok('2026-11-30')], '2026-11-30')).toMatchObject({
      kind: 'advance',
      level: 2,
    });
  });
  it('a hold starts the clean count again and adds a rest day: the next run moves back', () => {
    const log = [ok('2026-11-23'), ok('2026-11-25', { painDuring: 4 })];
    const decision = last(runner(), log, '2026-11-25');
    expect(decision.text).toBe('Hold at walk/run level 1, with an extra rest day (R-PAIN-3: pain during 4/10).');
    const progress = replan(runner(), log, templates, '2026-11-25').progress;
    expect(progress.cleanSessions).toBe(0);
    expect(progress.restThrough).toBe('2026-11-27');
    const next = runsOn(runner(), log, '2026-11-25').find((s) => s.date > '2026-11-25');
    expect(next?.date).toBe('2026-11-28');
  });
});

describe('R-PAIN-3 drop-back, R-PAIN-4 and R-PROG-3', () => {
  it('pain during 5 drops one level, with 2 days without running', () => {
    const log = [ok('2026-11-23'), ok('2026-11-25'), ok('2026-11-30'), ok('2026-12-02', { painDuring: 6 })];
    const decision = last(runner(), log, '2026-12-02');
    expect(decision).toMatchObject({ kind: 'drop-back', level: 1 });
    const runs = runsOn(runner(), log, '2026-12-02').filter((s) => s.date > '2026-12-02');
    expect(runs[0]!.date >= '2026-12-05').toBe(true);
    expect(runs[0]?.title).toMatch(/^Walk\/run L1/);
  });
  it('R-PAIN-4: weekly pain rising blocks the advance even when every session was clean', () => {
    const zero = (date: string) => ok(date, { painDuring: 0, painAfter: 0, painBefore: 0 });
    const log = [
      zero('2026-11-23'),
      zero('2026-11-25'),
      ok('2026-11-30', { painDuring: 2 }),
      ok('2026-12-02', { painDuring: 2 }),
    ];
    expect(last(runner(), log, '2026-12-02')).toMatchObject({ kind: 'clean', rule: 'R-PAIN-4', level: 2 });
    expect(
      replan(runner(), log, templates, '2026-12-02').plan.weeks[1]!.sessions.find((s) => s.date === '2026-12-05')
        ?.level,
    ).toBe(2);
  });
  it('R-PROG-3: more than 7 days without running drops a level per full week', () => {
    const log = [
      ok('2026-11-23'),
      ok('2026-11-25'),
      ok('2026-11-30'),
      ok('2026-12-02'),
      ok('2026-12-07'),
      ok('2026-12-09'),
    ];
    expect(replan(runner(), log, templates, '2026-12-09').progress.level).toBe(3);
    const gaps = replan(runner(), [...log, ok('2026-12-24')], templates, '2026-12-24').progress.decisions.filter(
      (d) => d.rule === 'R-PROG-3',
    );
    // One level once a full week is missed (at the next week's start), another at 14 days.
    expect(gaps.map((d) => [d.date, d.level])).toEqual([
      ['2026-12-21', 2],
      ['2026-12-24', 1],
    ]);
    expect(gaps[1]?.text).toMatch(/14 days without running since Wed 9 Dec/);
  });
  it('planned runs with no check-in count as missed', () => {
    const p = replan(runner(), [ok('2026-11-23')], templates, '2026-11-27').plan;
    const statuses = p.weeks[0]!.sessions.filter((s) => s.runMinutes > 0).map((s) => [s.date, s.status]);
    expect(statuses).toEqual([
      ['2026-11-23', 'done'],
      ['2026-11-25', 'missed'],
      ['2026-11-28', 'to-come'],
    ]);
  });
});

describe('R-PHASE-1 with a log: the settle week is left only on check-ins that kept pain low', () => {
  const settling = runner({ pain: 4 });
  const phaseOfWeek2 = (log: CheckIn[]) => replan(settling, log, templates, '2026-12-01').plan.weeks[1]!.phase;
  it('a settle week with a clean check-in opens walk/run', () => {
    expect(phaseOfWeek2([{ date: '2026-11-26', completed: 'yes', painBefore: 2, painDuring: 1, painAfter: 1 }])).toBe(
      'walk-run',
    );
  });
  it('a settle week over with no check-in, or with pain at rest of 3, repeats', () => {
    expect(phaseOfWeek2([{ date: '2026-11-30', completed: 'yes', painBefore: 1, painDuring: 1 }])).toBe('settle');
    expect(phaseOfWeek2([{ date: '2026-11-26', completed: 'yes', painBefore: 3, painDuring: 2 }])).toBe('settle');
  });
});

describe('red flags at a check-in', () => {
  it('R-TRIAGE-2: an urgent symptom withholds every run until a clearance; running resumes where it stopped', () => {
    const log = [ok('2026-11-23'), ok('2026-11-25', { symptoms: ['numbness-tingling'] })];
    const stopped = replan(runner(), log, templates, '2026-11-26');
    expect(stopped.plan.triage).toMatchObject({ level: 'urgent', withheld: true });
    expect(
      stopped.plan.weeks.flatMap((w) => w.sessions).filter((s) => s.runMinutes > 0 && s.date > '2026-11-25'),
    ).toEqual([]);
    const cleared = replan(runner(), [...log, { date: '2026-11-27', cleared: true }], templates, '2026-11-27');
    expect(cleared.plan.triage.withheld).toBe(false);
    expect(cleared.progress.decisions.at(-1)).toMatchObject({ kind: 'cleared', level: 1 });
    expect(cleared.plan.weeks.flatMap((w) => w.sessions).some((s) => s.runMinutes > 0 && s.date > '2026-11-27')).toBe(
      true,
    );
  });
  it('R-TRIAGE-2: an urgent symptom reported again after a clearance stops running again (found by a hostile tester)', () => {
    // The plan's own safety net says: if it returns, stop running. It had only held the level.
    const cleared = [
      { date: '2026-11-23', symptoms: ['numbness-tingling'] },
      { date: '2026-11-25', cleared: true },
    ];
    for (const again of [
      { date: '2026-11-27', symptoms: ['numbness-tingling'] },
      ok('2026-11-28', { symptoms: ['numbness-tingling'] }),
    ]) {
      const { plan: p, progress } = replan(runner(), [...cleared, again], templates, again.date);
      expect(progress.stopped).toMatchObject({ level: 'urgent', reason: 'R-TRIAGE-2', since: again.date });
      expect(progress.decisions.at(-1)!.text).toMatch(/numbness or tingling again after a clinician cleared you/);
      expect(p.triage).toMatchObject({ level: 'urgent', withheld: true });
    }
    // A caution sign reported again still holds the level, as before.
    const caution = [ok('2026-11-23', { symptoms: ['hip-buttock'] }), { date: '2026-11-25', cleared: true }];
    const held = replan(
      runner(),
      [...caution, ok('2026-11-28', { symptoms: ['hip-buttock'] })],
      templates,
      '2026-11-28',
    );
    expect(held.progress.stopped).toBeNull();
    expect(held.progress.decisions.at(-1)).toMatchObject({ kind: 'hold' });
  });
  it('R-TRIAGE-1: an emergency symptom leaves no plan at all', () => {
    const { plan: p, progress } = replan(
      runner(),
      [ok('2026-11-23', { symptoms: ['bladder-bowel'] })],
      templates,
      '2026-11-24',
    );
    expect(p.triage.level).toBe('emergency');
    expect(p.weeks).toEqual([]);
    expect(progress.stopped).toMatchObject({ level: 'emergency', reason: 'R-TRIAGE-1', since: '2026-11-23' });
  });
  it('R-TRIAGE-1: a clearance after an emergency sign names R-TRIAGE-1 and says the sign must have gone', () => {
    const log = [ok('2026-11-23'), { date: '2026-11-25', restPain: 1, symptoms: ['both-legs'] }];
    const cleared = replan(runner(), [...log, { date: '2026-11-27', cleared: true }], templates, '2026-11-27');
    const decision = cleared.progress.decisions.at(-1)!;
    expect(decision).toMatchObject({ kind: 'cleared', rule: 'R-TRIAGE-1', phase: 'settle' });
    expect(decision.text).toMatch(/only if the sign has gone \(.*both legs\)/);
    expect(decision.text).toMatch(/emergency care today/);
  });
  it('R-TRIAGE-3: a caution sign caps the plan at walk/run from then on', () => {
    const fast = runner({ weekly: 120, goalWeekly: 200, runsPerWeek: 3, longestRun: 40 });
    const before = replan(fast, [], templates, '2026-11-23').plan;
    expect(before.weeks.some((w) => w.phase !== 'walk-run')).toBe(true);
    const capped = replan(fast, [ok('2026-11-23', { symptoms: ['hip-buttock'] })], templates, '2026-11-24').plan;
    expect(
      capped.weeks
        .slice(1)
        .flatMap((w) => w.sessions)
        .filter((s) => s.runMinutes > 0)
        .every((s) => s.kind === 'walk-run'),
    ).toBe(true);
  });
});

describe('R-VOL-1 and R-VOL-3 after a stop cleared mid-week', () => {
  it('a week growing more than 10% over the part week before names R-VOL-3, not the 10% cap', () => {
    const start = '2026-11-30';
    const atThree = { completed: 'yes', painBefore: 1, painDuring: 3, painAfter: 2, warmup: 'none' } as const;
    const log: CheckIn[] = [
      ...['2026-11-30', '2026-12-05', '2026-12-09'].map((date) => ({ date, ...atThree })),
      { date: '2026-12-10', cleared: true },
    ];
    const km = runner({ start, pain: 1, weekly: 20, units: 'km', goalWeekly: 40 });
    const weeks = replan(km, log, templates, '2026-12-10').plan.weeks;
    const [before, after] = [weeks[1]!, weeks[2]!];
    expect(after.runMinutes).toBeGreaterThan(Math.floor(before.runMinutes * templates.rules.volumeCap));
    expect(after.why).toMatch(new RegExp(`holds ${after.runMinutes} min after ${before.runMinutes} last week`));
    expect(after.why).toMatch(/\(R-VOL-3\)/);
    expect(after.why).not.toMatch(/grows by at most/);
    // Every week that does grow by no more than 10% still says so.
    for (const [w, week] of weeks.entries())
      if (/grows by at most 10%/.test(week.why) && w > 0 && !weeks[w - 1]!.lighter)
        expect(week.runMinutes).toBeLessThanOrEqual(Math.floor(weeks[w - 1]!.runMinutes * templates.rules.volumeCap));
  });
});

describe('next-morning pain logged the next day, and ICS SEQUENCE', () => {
  it('a morning entry re-decides the session before it', () => {
    const log: CheckIn[] = [ok('2026-11-23'), { date: '2026-11-24', morning: true, nextMorning: 3 }];
    const session = replan(runner(), log, templates, '2026-11-24').progress.sessions[0]!;
    expect(session.nextMorning).toBe(3);
    expect(session.decision.kind).toBe('hold');
  });
  it('SEQUENCE counts how often a day changed; unchanged days stay at 0', () => {
    expect(
      changesAlong([
        new Map([
          ['a', '1'],
          ['b', '1'],
        ]),
        new Map([
          ['a', '2'],
          ['b', '1'],
        ]),
        new Map([
          ['a', '3'],
          ['b', '1'],
        ]),
      ]),
    ).toEqual(
      new Map([
        ['a', 2],
        ['b', 0],
      ]),
    );
    const log = [ok('2026-11-23'), ok('2026-11-25', { painDuring: 6 })];
    const sequences = sequencesOf({ intake: runner(), log, templates, today: '2026-11-25' });
    expect(sequences.get('2026-11-23')).toBe(0); // past and unchanged
    expect(sequences.get('2026-11-30')).toBeGreaterThan(0); // the run after the drop-back's rest moved
    const last8 = [...sequences].filter(([date]) => date >= '2027-01-01');
    expect(last8.length).toBeGreaterThan(0);
    const ics = renderIcs(replan(runner(), log, templates, '2026-11-25').plan, { sequences });
    expect(ics).toMatch(/UID:athlete-2026-11-23-day@backplan[\s\S]*?SEQUENCE:0/);
    expect(ics).toMatch(/SEQUENCE:[1-9]/);
  });
});
