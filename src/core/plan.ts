// The engine's one entry point: a validated intake, the templates and today's date in; a plan out.
// Pure: no file system, no clock, no colour.
import { addDays, nextMondayAfter, weekdayIndex, weekdayNumber } from './dates.js';
import { cautionNote, cautionReminder, withCautionReminder } from './escalation.js';
import { PlanInputError } from './errors.js';
import {
  formatPace,
  longestRunNow,
  paceOf,
  phaseChangeWhy,
  planLoads,
  runMinutesOf,
  toMinutes,
  type WeekLoad,
} from './progression.js';
import { NOT_MEDICAL_ADVICE, safetyNet } from './safety.js';
import { basePattern, extendedRunDays, pickRunDays } from './schedule.js';
import { waitingAvoids, weekSessions, type DayItemsByKind, type WeekContext } from './sessions.js';
import { triage } from './triage.js';
import type { Intake, Plan, Rules, Templates, Week } from './types.js';

export const SCHEMA_VERSION = 1 as const;

export function plan(intake: Intake, templates: Templates, today: string): Plan {
  const { rules, ladder } = templates;
  const { start, weekCount, days } = planFrame(intake, templates, today);
  const result = triage(intake, rules);
  if (result.level !== 'emergency') checkGoal(intake, templates); // an emergency has no plan to fit
  const loads = planLoads({
    intake,
    rules,
    ladder,
    triage: result,
    weeks: weekCount,
    runDays: days.ladderDays,
    rebuildRunDays: days.rebuildDays,
  });

  // R-ESC-4: a caution plan reminds the runner to book the assessment once the signs have lasted.
  const cautionSince = result.level === 'caution' && !result.cleared ? start : null;
  const dayItems: DayItemsByKind = new Map();
  const weeks: Week[] = loads.map((load, index) => {
    const weekStart = addDays(start, index * 7);
    const week = assembleWeek(
      { templates, intake, weekStart, load, runOffsets: runOffsetsFor(days, load.runs.length), dayItems },
      index,
      loads[index - 1],
    );
    const reminder = cautionReminder(weekStart, cautionSince, rules, result);
    if (reminder) week.why = `${week.why} ${reminder}`;
    return week;
  });
  const notes = cautionSince ? [cautionNote(cautionSince, today, rules, result)] : [];
  const shown = withCautionReminder(result, cautionSince, today, rules);
  return assemblePlan(intake, templates, today, { start, weekCount, triage: shown, days, loads, weeks, notes });
}

/** Where the plan starts, how long it runs, and its running days (R-PROG-1). */
export function planFrame(
  intake: Intake,
  templates: Templates,
  today: string,
): { start: string; weekCount: number; days: RunDays } {
  const start = intake.start ?? nextMondayAfter(today);
  return { start, weekCount: intake.weeks ?? templates.rules.defaultWeeks, days: runDays(intake, templates, start) };
}

/** The days of a plan week (0-6) that carry `count` runs. */
export function runOffsetsFor(days: RunDays, count: number): readonly number[] {
  return count > days.pattern.length
    ? extendedRunDays(days.pattern, days.preference, days.allowed, count)
    : pickRunDays(days.pattern, days.preference, count);
}

/** While waiting with a sign that rules out exercise (fever), the week is rest: its why says so. */
const REST_ONLY_WHY =
  'A red flag needs assessment first: no running and no exercise; rest until a doctor has seen you (R-TRIAGE-2).';

export function assembleWeek(ctx: WeekContext, index: number, previous: WeekLoad | undefined): Week {
  const { load, weekStart, templates } = ctx;
  const restOnly = load.rules.includes('R-TRIAGE-2') && waitingAvoids(ctx.intake).includes('exertion');
  const why = restOnly ? REST_ONLY_WHY : load.why;
  return {
    index: index + 1,
    start: weekStart,
    end: addDays(weekStart, 6),
    phase: load.phase,
    level: load.level && load.level.walk > 0 ? load.level.level : null,
    gate: gateFor(load, previous, index, templates.rules),
    why: withPhaseChange(phaseChangeWhy(previous, load), load.heldBack ? `${why} Held back: ${load.heldBack}.` : why),
    lighter: load.lighter,
    runMinutes: load.runs.reduce((a, b) => a + b, 0),
    sessions: weekSessions(ctx),
  };
}

/** The phase change's reason first: it is what the runner notices. */
function withPhaseChange(change: string | null, why: string): string {
  return change ? `${change} ${why}` : why;
}

interface PlanParts {
  start: string;
  weekCount: number;
  triage: Plan['triage'];
  days: RunDays;
  loads: WeekLoad[];
  weeks: Week[];
  notes?: string[];
}

export function assemblePlan(intake: Intake, templates: Templates, today: string, parts: PlanParts): Plan {
  const { start, weekCount, triage: result, days, loads, weeks } = parts;
  return {
    schemaVersion: SCHEMA_VERSION,
    name: intake.name ?? null,
    today,
    start,
    end: addDays(start, weekCount * 7 - 1),
    runner: intake.runner,
    units: intake.units,
    pace: planPace(intake, templates),
    template: templates.template.name,
    triage: result,
    weeks,
    notes: [...(parts.notes ?? []), ...planNotes(intake, templates, loads, days, result)],
    safetyNet: safetyNet(),
    notice: NOT_MEDICAL_ADVICE,
  };
}

/** R-VOL-6 needs a goal that holds at least one session of the first ladder level. */
export function checkGoal(intake: Intake, { rules, ladder }: Templates): void {
  const first = ladder[0];
  if (!first) return;
  const goal = toMinutes(intake.goalWeekly, intake.units, rules, intake.pace);
  if (goal < runMinutesOf(first)) {
    const unit = intake.units === 'min' ? 'running minutes' : intake.units;
    throw new PlanInputError(
      `goal weekly volume ${intake.goalWeekly} ${unit} is less than one walk/run level 1 session (${runMinutesOf(first)} running minutes)`,
      'give your weekly volume before the pain with --goal-weekly',
    );
  }
}

/** A plan's running days: the pattern, the runner's preferred order, and the days allowed at all. */
export interface RunDays {
  readonly pattern: readonly number[];
  readonly preference: readonly number[];
  /** Days that may carry a run at all: the preferred days, or any day. */
  readonly allowed: readonly number[];
  ladderDays: number;
  rebuildDays: number;
  wanted: number;
}

/** R-PROG-1: the base pattern of running days, from preferred weekdays or the template. */
function runDays(intake: Intake, { rules, template }: Templates, start: string): RunDays {
  const startDay = weekdayIndex(start);
  const preference = intake.days?.length
    ? intake.days.map((d) => (weekdayNumber(d) - startDay + 7) % 7)
    : template.runDayOrder.map((d) => d - 1);
  const pattern = basePattern([...new Set(preference)], rules.maxRunDaysPer7);
  const wanted = Math.max(1, intake.runsPerWeek ?? rules.defaultRunDays);
  const allowed = intake.days?.length ? [...new Set(preference)] : [0, 1, 2, 3, 4, 5, 6];
  // R-WEEK-1: the most days that never make three running days in a row, week after week.
  const possible = extendedRunDays(pattern, preference, allowed, 7).length;
  // Without --runs-per-week the rebuild may add days up to its limit, but only where a run would
  // pass the single-run cap (R-VOL-2); the runner's own number is kept to.
  const rebuildWanted = intake.runsPerWeek ?? rules.maxRebuildRunDays;
  return {
    pattern,
    preference,
    allowed,
    ladderDays: Math.min(wanted, rules.maxRunDaysPer7, pattern.length),
    rebuildDays: Math.max(1, Math.min(rebuildWanted, rules.maxRebuildRunDays, possible)),
    wanted,
  };
}

function gateFor(load: WeekLoad, previous: WeekLoad | undefined, index: number, rules: Rules): string {
  const limit = `${rules.painThreshold}/10`;
  if (load.rules.includes('R-TRIAGE-2')) {
    return (
      'No running until a clinician has assessed you and cleared you to run; the triage note says who to see, ' +
      'and how soon (R-TRIAGE-2).'
    );
  }
  if (load.rules.includes('R-WEEK-4'))
    return 'No running this week: pain changes your stride, so a settle week comes first (R-WEEK-4).';
  if (load.rules.includes('R-PAIN-5'))
    return `No running this week: pain at rest stayed at or above ${limit} (R-PAIN-5).`;
  if (load.phase === 'settle') {
    return `No running this week: pain at rest is at or above ${limit} (R-PAIN-1).`;
  }
  if (previous?.phase === 'settle') {
    return `Start only if pain at rest stayed below ${limit} all last week and a 30-minute brisk walk caused no pain increase and no limp (R-PHASE-1); otherwise repeat last week.`;
  }
  if (index === 0) {
    return `Run only on days when pain at rest is below ${limit} (R-PAIN-1).`;
  }
  return `Go on only if pain stayed below ${limit} and did not rise after runs or the next morning; otherwise repeat last week (R-PAIN-2).`;
}

/** R-VOL-7: the pace the plan turned distances into minutes with, and whether it was assumed. */
function planPace(intake: Intake, { rules }: Templates): Plan['pace'] {
  const pace = paceOf(intake, rules);
  if (!pace) return null;
  const text = `${formatPace(pace.minutesPer)}/${pace.units}`;
  return { units: pace.units, minutesPer: pace.minutesPer, text, assumed: pace.assumed };
}

function planNotes(
  intake: Intake,
  templates: Templates,
  loads: WeekLoad[],
  days: RunDays,
  triageResult: Plan['triage'],
): string[] {
  const cautionCapped = triageResult.level === 'caution' && !triageResult.cleared;
  const withheld = triageResult.withheld;
  const { rules, template } = templates;
  const notes: string[] = [];
  // An emergency plan holds nothing to run or train: its notes would only distract from the message.
  if (triageResult.level === 'emergency') return notes;
  const variant = template.runnerTypes[intake.runner];
  if (variant) notes.push(`${capitalise(intake.runner)} runner: ${variant.note}`);
  if (cautionCapped) {
    const who = triageResult.reasons.filter((r) => r.level === 'caution' && r.referral).map((r) => r.referral);
    notes.push(
      `An assessment is recommended: ${who.join(' ')} Until then the plan stays in the walk/run phase (R-TRIAGE-3).`,
    );
  }
  if (loads.some((l) => l.runs.length > 0))
    notes.push('No hills, speed work or races anywhere in this plan (R-PROG-4).');
  if (!withheld)
    notes.push(
      'Cross-training, the core routine (3 times a week or more), mobility work (every week) and rest days come from the week skeleton (R-WEEK-5).',
    );
  const ladderLimit = Math.min(days.wanted, rules.maxRunDaysPer7);
  if (intake.days?.length && days.pattern.length < ladderLimit && loads.some((l) => l.phase === 'walk-run')) {
    notes.push(
      `In the walk/run phase only ${days.pattern.length} running day${days.pattern.length === 1 ? '' : 's'} a week fit your preferred days without running two days in a row (R-PROG-1).`,
    );
  }
  const pace = paceOf(intake, rules);
  if (pace && loads.some((l) => l.runs.length > 0)) {
    notes.push(
      pace.assumed
        ? `Pace assumed: ${formatPace(pace.minutesPer)}/${pace.units}, a fast pace, because none was given (R-VOL-7). ` +
            'Running is planned in minutes, so at your real, slower pace the plan never holds more than the distance you ' +
            'named; give your easy pace with --pace (e.g. --pace 6:30) for minutes that fit you.'
        : `Pace: your easy pace of ${formatPace(pace.minutesPer)}/${pace.units} turns your distances into the minutes ` +
            'this plan holds (R-VOL-7). Run by the clock.',
    );
  }
  // R-VOL-2 reads the longest recent run; without one it is taken as a third of the week, longer
  // than the usual run of someone who runs more often: such a runner is told, and how to fix it.
  const usual = intake.runsPerWeek ?? 0;
  if (!intake.longestRun && intake.weekly > 0 && usual > rules.maxRunDaysPer7 && loads.some((l) => l.runs.length)) {
    notes.push(
      `Longest recent run assumed: ${longestRunNow(intake, rules)} min, your week over ${rules.maxRunDaysPer7} days, ` +
        `as none was given; your ${usual} runs a week are likely shorter. No run passes your longest by more than 10% ` +
        '(R-VOL-2): give it with --longest-run for runs that fit you.',
    );
  }
  const onLadder = loads.some((l) => (l.phase === 'walk-run' || l.phase === 'continuous') && l.runs.length > 0);
  const rebuilds = loads.some((l) => l.phase === 'rebuild' || l.phase === 'maintain');
  const named = intake.days?.length ?? 7;
  if (days.wanted > days.ladderDays && onLadder && named >= days.wanted) {
    // R-WEEK-1: more days asked for become cross-training, and the plan says so from the first week.
    const keepsRest = days.wanted > days.rebuildDays ? ', so every week keeps a full rest day (R-WEEK-1)' : '';
    const rebuild = rebuilds ? `, the rebuild on at most ${Math.min(days.wanted, days.rebuildDays)}${keepsRest}` : '';
    notes.push(
      `You asked for ${days.wanted} running days; walk/run and the first continuous weeks run on at most ` +
        `${days.ladderDays} a week (R-PROG-1)${rebuild}. Use the other days for cross-training.`,
    );
  } else if (days.wanted > days.rebuildDays && rebuilds) {
    notes.push(
      named < days.wanted
        ? `You asked for ${days.wanted} running days and named ${named} to run on (--days): the plan runs on at most ` +
            `${days.rebuildDays} of them a week. Use the other days for cross-training.`
        : `You asked for ${days.wanted} running days; the plan runs at most ${days.rebuildDays} a week, so every week ` +
            'keeps a full rest day and never three running days in a row (R-WEEK-1). Use the other days for cross-training.',
    );
  }
  if (loads.some((l) => l.runs.length > 0)) {
    notes.push(
      'Shoes: replace running shoes every 300-500 miles (500-800 km); worn cushioning passes more of the impact ' +
        'to your back.',
      'Form: flat, even surfaces (a path or a track) and no cambered roads; short quick steps and a higher cadence ' +
        'rather than long strides.',
    );
  }
  const held = Math.max(
    0,
    ...loads.filter((l) => l.phase === 'maintain').map((l) => l.runs.reduce((a, b) => a + b, 0)),
  );
  if (held > 0) {
    const goal = Math.floor(toMinutes(intake.goalWeekly, intake.units, rules, intake.pace));
    notes.push(
      held >= goal
        ? 'Goal reached: keep the core and mobility work 2-3 times a week to protect your back.'
        : `The plan stops growing at ${held} running min a week, short of your goal of ${goal}: the weeks say why. ` +
            'Keep the core and mobility work 2-3 times a week to protect your back.',
    );
  }
  // Choice: "mild back pain often settles" would reassure a runner the plan has just sent to a clinician.
  if (!withheld)
    notes.push(
      'Repeating a week is normal. Mild back pain often settles within 2-4 weeks, but a full return often takes about two months.',
    );
  return notes;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
