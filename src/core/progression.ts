// How much running each plan week holds: phases (section 3 of domain.md), the ladder
// (R-PROG-2), the volume rules (R-VOL-1..6) and the pain gate at intake (R-PAIN-1).
// A plan made ahead of time assumes each week's gate is met; the gate itself is printed.
import type { DistanceUnit, Intake, LadderLevel, Phase, Rules, Triage } from './types.js';

export interface WeekLoad {
  phase: Phase;
  /** The walk/run ladder level of the week, when it is on the ladder. */
  level: LadderLevel | null;
  /** Running minutes of each run this week, in date order. Empty: no running. */
  runs: number[];
  lighter: boolean;
  /** Rule ids that decided this week's load. */
  rules: string[];
  /** One line: why the week looks as it does. */
  why: string;
  /** Why running was held back this week, when a rule did so. */
  heldBack: string | null;
}

export interface ProgressionInput {
  intake: Intake;
  rules: Rules;
  ladder: LadderLevel[];
  triage: Triage;
  weeks: number;
  /** Running days the schedule gives each week on the ladder and in the continuous phase (R-PROG-1). */
  runDays: number;
  /** Running days the schedule can give each week in the rebuild phase. */
  rebuildRunDays: number;
}

/** Where a runner stands between two weeks. */
export type Stage =
  | { phase: 'settle'; waiting: boolean; because?: SettleReason }
  | { phase: 'walk-run'; index: number; clean: number; goalReached: boolean; runs?: number }
  | { phase: 'continuous' | 'rebuild' | 'maintain'; weekly: number; runDays: number };

/** Why a runner without a red flag is in the settle phase: pain at rest (the default), a limp (R-WEEK-4), or
 * pain at rest that stayed high for days after intake (R-PAIN-5). */
export type SettleReason = 'pain' | 'limp' | 'rest-pain';

export type LadderStage = Extract<Stage, { phase: 'walk-run' }>;

/** R-VOL-5 holds week 1 to fewer runs; from week 2 the ladder governs (R-VOL-3), on every day it may use. */
export function afterWeekOne(stage: LadderStage): LadderStage {
  const { runs: _weekOne, ...rest } = stage;
  return rest;
}
export type VolumeStage = Extract<Stage, { weekly: number }>;

export const LIMP = 'limp';

export const runMinutesOf = (level: LadderLevel): number => level.run * level.repeats;
export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** R-VOL-7: the pace that turns the runner's distances into minutes. */
export interface Pace {
  units: DistanceUnit;
  minutesPer: number;
  /** True when the runner gave none and the rules' fast pace stands in. */
  assumed: boolean;
}

export function paceOf(intake: Pick<Intake, 'units' | 'pace'>, rules: Rules): Pace | null {
  if (intake.units === 'min') return null;
  return intake.pace !== undefined
    ? { units: intake.units, minutesPer: intake.pace, assumed: false }
    : { units: intake.units, minutesPer: rules.assumedPaceMinutesPer[intake.units], assumed: true };
}

/** 6.5 → "6:30". */
export function formatPace(minutesPer: number): string {
  const total = Math.round(minutesPer * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * A volume in minutes. A distance is turned into minutes at the runner's own pace, else at the
 * rules' fast assumed pace (R-VOL-7), so the minutes never stand for more than the distance named.
 */
export function toMinutes(value: number, units: Intake['units'], rules: Rules, pace?: number): number {
  return units === 'min' ? value : value * (pace ?? rules.assumedPaceMinutesPer[units]);
}

/** Index of the first ladder level without walk breaks: where the continuous phase starts. */
export function firstContinuousIndex(ladder: LadderLevel[]): number {
  const index = ladder.findIndex((l) => l.walk === 0);
  return index === -1 ? ladder.length : index;
}

/** R-PROG-2: clean sessions a level needs before the next one. */
export function cleanSessionsNeeded(runner: Intake['runner'], rules: Rules): number {
  return runner === 'returning' ? rules.cleanSessionsPerLevelReturning : rules.cleanSessionsPerLevel;
}

/** R-VOL-2: the longest single run allowed after a longest recent run of `longest` minutes. */
export function singleRunCeiling(longest: number, rules: Rules): number {
  return Math.max(Math.floor(longest * rules.singleRunCap), longest + rules.singleRunMinStepMinutes);
}

/**
 * Spread a weekly total over runs; a remainder lengthens the week's last runs by a minute each, so
 * that no run passes the ceiling when the runs together could hold the week.
 */
export function spreadRuns(weekly: number, runDays: number, ceiling: number): number[] {
  if (runDays <= 0 || weekly <= 0) return [];
  const base = Math.floor(weekly / runDays);
  const extra = Math.round(weekly - base * runDays);
  const runs = Array.from({ length: runDays }, (_, i) => Math.min(base + (i >= runDays - extra ? 1 : 0), ceiling));
  return runs.filter((r) => r > 0);
}

/** How many runs of a ladder level fit the week under the goal (R-VOL-6). */
function runsThatFit(level: LadderLevel, runDays: number, goal: number): number {
  return Math.min(runDays, Math.floor(goal / runMinutesOf(level)));
}

/** What stays fixed while a plan's weeks are worked out: the goal, the ladder's landmarks, the caps. */
export interface Course {
  input: ProgressionInput;
  goal: number;
  continuousAt: number;
  /** The highest ladder index the plan may reach (R-TRIAGE-3 stops it below the continuous phase). */
  topIndex: number;
  cautionCap: boolean;
  baseMinutes: number;
  startLongest: number;
  /** R-VOL-2: the longest single run once running is continuous, a share of the goal week. */
  runCap: number;
  /** The most a week may hold: the goal, or less when the runner's days cannot hold it in runs of runCap. */
  ceiling: number;
}

/** The weeks already worked out: their runs feed R-VOL-2 and R-VOL-4. */
export interface History {
  weeks: { runs: number[]; lighter: boolean }[];
  lastFullWeekly: number;
}

export function courseOf(input: ProgressionInput): Course {
  const { intake, rules, ladder, triage } = input;
  const continuousAt = firstContinuousIndex(ladder);
  const cautionCap = triage.level === 'caution' && !triage.cleared;
  const goal = Math.floor(toMinutes(intake.goalWeekly, intake.units, rules, intake.pace));
  const runCap = Math.max(rules.continuousTargetMinutes, Math.floor(rules.singleRunShare * goal));
  return {
    input,
    goal,
    runCap,
    ceiling: Math.min(goal, runCap * Math.max(1, input.rebuildRunDays)),
    continuousAt,
    topIndex: cautionCap ? continuousAt - 1 : ladder.length - 1,
    cautionCap,
    baseMinutes: Math.floor(toMinutes(rules.baseThreshold[intake.units], intake.units, rules, intake.pace)),
    startLongest: longestRunNow(intake, rules),
  };
}

export function planLoads(input: ProgressionInput): WeekLoad[] {
  if (input.triage.level === 'emergency') return []; // R-TRIAGE-1
  const course = courseOf(input);
  let stage = startingStage(course);
  const history: History = { weeks: [], lastFullWeekly: 0 };
  const loads: WeekLoad[] = [];
  for (let w = 0; w < input.weeks; w++) {
    const { load, next } = projectWeek(course, stage, w, history);
    history.weeks.push({ runs: load.runs, lighter: load.lighter });
    loads.push(load);
    stage = next;
  }
  return loads;
}

/**
 * One plan week from the stage it starts in, assuming its gate is met (the stage after it is the
 * one the gate opens). Updates `history.lastFullWeekly`; the caller records the week's runs.
 */
export function projectWeek(
  course: Course,
  stage: Stage,
  w: number,
  history: History,
): { load: WeekLoad; next: Stage } {
  const { intake, rules } = course.input;
  let load: WeekLoad;
  let next: Stage;
  if (stage.phase === 'settle') {
    load = settleWeek(stage, intake.pain, rules);
    // R-PHASE-1 is assumed met by the week's end, unless waiting for a clinician.
    next = stage.waiting ? stage : { phase: 'walk-run', index: 0, clean: 0, goalReached: false };
  } else if (stage.phase === 'walk-run') {
    ({ load, next } = ladderWeek(stage, course));
  } else {
    // R-VOL-4 needs a full volume week before it to be lighter than. Holding the goal has lighter weeks
    // too, so a runner who reaches it sooner (R-WEEK-3) never holds more than one still climbing.
    const previous = history.weeks[w - 1];
    const lighter =
      (w + 1) % rules.downWeekEvery === 0 && history.lastFullWeekly > 0 && previous !== undefined && !previous.lighter;
    const ceiling = runCeilingFor(course, w, history);
    const before = previous && !previous.lighter ? sum(previous.runs) : null;
    load = volumeWeek(stage, lighter ? previous!.runs : null, ceiling, course, before);
    if (!lighter) history.lastFullWeekly = sum(load.runs);
    next = nextVolumeStage(stage, history.lastFullWeekly, course);
  }
  if (w === 0 && intake.weekly > 0 && load.runs.length > 0) {
    load.rules.push('R-VOL-5');
    const allowed = cutBackMinutes(intake, rules);
    const share =
      intake.pain >= 1 ? `${Math.round(rules.cutBackFactor * 100)}% of your current running` : 'your current running';
    // Below the ladder's first level the ladder governs (R-VOL-3): the week cannot hold less, and says so.
    const start =
      sum(load.runs) > allowed && stage.phase === 'walk-run'
        ? `Your running now is less than walk/run level 1 on ${load.runs.length} day${load.runs.length === 1 ? '' : 's'}, the least the ladder holds: below ${course.baseMinutes} min a week the ladder governs (R-VOL-3), so week 1 starts there, above ${share} (R-VOL-5) but in the ladder's shortest jogs, with walks between.`
        : intake.pain >= 1
          ? `You are still running with pain ${intake.pain}/10: week 1 holds no more than ${share} (R-VOL-5).`
          : `Week 1 holds no more than ${share} (R-VOL-5).`;
    load.why = `${start} ${load.why}`;
  }
  return { load, next };
}

/** R-VOL-2: the longest single run week `w` may hold, from the runs before it and the continuous run cap. */
export function runCeilingFor(course: Course, w: number, history: History): number {
  return Math.min(singleRunCeiling(longestRecent(course, w, history), course.input.rules), course.runCap);
}

/**
 * R-VOL-2 looks back 30 days. A longer look-back only raises the ceiling, so the engine uses the
 * three plan weeks before this one: from any day of this week they lie within the last 30 days.
 * The intake's longest run counts only while it can still be within those 30 days.
 */
function longestRecent(course: Course, w: number, history: History): number {
  return Math.max(
    w < 3 ? course.startLongest : 0,
    ...history.weeks.slice(Math.max(0, w - 3), w).flatMap((week) => week.runs),
    0,
  );
}

function settleWeek(stage: Extract<Stage, { phase: 'settle' }>, pain: number, rules: Rules): WeekLoad {
  const settle = (rule: string, why: string): WeekLoad => ({
    phase: 'settle',
    level: null,
    runs: [],
    lighter: false,
    rules: [rule, 'R-PHASE-1'],
    heldBack: null,
    why,
  });
  if (stage.waiting) {
    return {
      phase: 'settle',
      level: null,
      runs: [],
      lighter: false,
      rules: ['R-TRIAGE-2'],
      heldBack: null,
      why:
        'A red flag, or a pattern in your log, needs assessment first: no running, and only the walking, gentle mobility and core ' +
        'work that suit your signs (R-TRIAGE-2).',
    };
  }
  const walkTest =
    'It ends with a 30-minute brisk walk, logged with "backplan checkin" on day 4 or later: no pain ' +
    'increase and no limp opens walk/run (R-PHASE-1).';
  if (stage.because === 'limp') {
    return settle(
      'R-WEEK-4',
      `Pain changes your stride (a limp): no running before a settle week of walking, cross-training, core and mobility (R-WEEK-4). ${walkTest}`,
    );
  }
  if (stage.because === 'rest-pain') {
    return settle(
      'R-PAIN-5',
      `Pain at rest stayed at ${rules.painThreshold}/10 or more for ${rules.restPainDaysToSettle} days: back to settling it with walking, cross-training, core and mobility (R-PAIN-5). ${walkTest}`,
    );
  }
  return settle(
    'R-PAIN-1',
    `Pain at rest is ${pain}/10, at or above ${rules.painThreshold}/10: settle it with walking, cross-training, core and mobility before any running (R-PAIN-1). ${walkTest}`,
  );
}

function ladderWeek(stage: LadderStage, course: Course): { load: WeekLoad; next: Stage } {
  const { input, goal, topIndex, cautionCap } = course;
  const { ladder, rules, intake } = input;
  const level = ladder[stage.index]!;
  // A start on the ladder may hold fewer runs than the days allow, so week 1 stays within R-VOL-5.
  const days = Math.min(input.runDays, stage.runs ?? input.runDays);
  const runs = Array.from({ length: runsThatFit(level, days, goal) }, () => runMinutesOf(level));
  const needed = cleanSessionsNeeded(intake.runner, rules);
  const ruleIds = ['R-PROG-1', 'R-PROG-2', 'R-VOL-3', 'R-PAIN-2'];
  let heldBack: string | null = null;
  if (runs.length < days) {
    ruleIds.push('R-VOL-6');
    heldBack = `${runs.length} run${runs.length === 1 ? '' : 's'} this week keep you within your goal of ${goal} running min a week (R-VOL-6)`;
  }
  if (cautionCap && stage.index === topIndex) {
    ruleIds.push('R-TRIAGE-3');
    heldBack =
      'the plan stays in the walk/run phase until the caution signs are gone or a clinician clears you (R-TRIAGE-3)';
  }
  const load: WeekLoad = {
    phase: stage.goalReached ? 'maintain' : 'walk-run',
    level,
    runs,
    lighter: false,
    rules: ruleIds,
    heldBack,
    why: stage.goalReached
      ? sum(runs) >= goal
        ? `Your goal of ${goal} running min a week is reached at this level: hold it (R-VOL-6).`
        : `The ladder's next step would pass your goal of ${goal} running min a week: hold this level, ` +
          `${sum(runs)} min a week, the most this plan holds (R-VOL-6).`
      : cautionCap && stage.index === topIndex
        ? `Walk/run level ${level.level}, the highest this plan goes while the caution signs last: hold it until they are gone or a clinician clears you (R-TRIAGE-3).`
        : `Walk/run level ${level.level}: ${needed} clean sessions earn the next level, at most one level a week (R-PROG-2).`,
  };

  const clean = Math.min(stage.clean + runs.length, needed);
  const after = afterWeekOne(stage);
  return { load, next: clean < needed ? { ...after, clean } : levelUp({ ...after, clean }, course) };
}

/**
 * R-PROG-2: the stage one ladder level up, once the level's clean sessions are done. Stays put at
 * the top the plan may reach, and for good when even one session of the next level would pass the
 * goal (R-VOL-6).
 */
export function levelUp(stage: LadderStage, course: Course): Stage {
  const { input, goal, topIndex, continuousAt } = course;
  if (stage.goalReached || stage.index >= topIndex) return stage;
  const nextIndex = stage.index + 1;
  const nextLevel = input.ladder[nextIndex]!;
  // R-VOL-6: a level that fits the goal too few times to hold this week's running is not taken
  // (nor any beyond it, R-PROG-2): the goal is reached at this one.
  const weekAt = (l: LadderLevel) => runsThatFit(l, input.runDays, goal) * runMinutesOf(l);
  const fewer = nextIndex < continuousAt && weekAt(nextLevel) < weekAt(input.ladder[stage.index]!);
  if (runsThatFit(nextLevel, input.runDays, goal) === 0 || fewer) return { ...stage, goalReached: true };
  if (nextIndex < continuousAt) return { phase: 'walk-run', index: nextIndex, clean: 0, goalReached: false };
  const weekly = Math.min(course.ceiling, runMinutesOf(nextLevel) * input.runDays);
  return { phase: weekly >= course.ceiling ? 'maintain' : 'continuous', weekly, runDays: input.runDays };
}

/** `before`: the running of the week before, when it was a full week (not a lighter one). */
function volumeWeek(
  stage: VolumeStage,
  lightAfter: number[] | null,
  ceiling: number,
  course: Course,
  before: number | null,
): WeekLoad {
  const { rules } = course.input;
  if (lightAfter !== null) return lighterWeek(stage, lightAfter, ceiling, course);
  const runs = spreadRuns(stage.weekly, stage.runDays, ceiling);
  if (stage.phase === 'maintain') {
    const capped = course.ceiling < course.goal;
    return {
      phase: 'maintain',
      level: null,
      runs,
      lighter: false,
      heldBack: null,
      rules: capped ? ['R-VOL-6', 'R-VOL-2', 'R-WEEK-3', 'R-PAIN-2'] : ['R-VOL-6', 'R-VOL-2', 'R-PAIN-2'],
      why: capped
        ? `The most this plan holds: ${runDaysWords(course.input.rebuildRunDays)} of at most ${course.runCap} min ` +
          `each (${Math.round(rules.singleRunShare * 100)}% of your goal week, R-VOL-2); hold it and keep up the ` +
          'core and mobility work.'
        : `Your goal of ${course.goal} running min a week is reached: hold it and keep up the core and mobility ` +
          'work (R-VOL-6).',
    };
  }
  const cap = `${Math.round((rules.volumeCap - 1) * 100)}%`;
  const held = sum(runs);
  // Past 10% of the week before only where R-VOL-3 lets it: below the base, after a week that held
  // less than planned (runs missed, or running resumed mid-week).
  const pastCap = before !== null && held > Math.floor(before * rules.volumeCap);
  return {
    phase: stage.phase,
    level: null,
    runs,
    lighter: false,
    heldBack: null,
    rules: [pastCap ? 'R-VOL-3' : 'R-VOL-1', 'R-VOL-2', 'R-PAIN-2'],
    why: pastCap
      ? `This week holds ${held} min after ${before} last week, more than ${cap} more: below ` +
        `${course.baseMinutes} running min a week the ladder's steps govern, not the ${cap} cap (R-VOL-3). ` +
        `No single run passes ${ceiling} min (R-VOL-2).`
      : `Weekly running grows by at most ${cap}, and no single run passes ${ceiling} min (R-VOL-1, R-VOL-2).`,
  };
}

/**
 * R-VOL-4: a lighter week; the week after it grows from the last full week, not this one. R-WEEK-3
 * keeps it at the walk/run ladder's top on one day fewer at least; where that is all of the week
 * before, the week is held (no growth), not lightened, and says so. It runs on no more days than
 * the week before: a running day the stage adds comes with the next full week.
 */
function lighterWeek(stage: VolumeStage, runsBefore: number[], ceiling: number, course: Course): WeekLoad {
  const { rules } = course.input;
  const before = sum(runsBefore);
  const share = Math.round(rules.downWeekFactor * 100);
  const ladderFloor = Math.min(before, ladderTopOneDayFewer(course));
  const minutes = Math.max(Math.floor(before * rules.downWeekFactor), ladderFloor);
  const days = Math.min(stage.runDays, runsBefore.length);
  const week = { phase: stage.phase, level: null, heldBack: null, runs: spreadRuns(minutes, days, ceiling) };
  if (minutes >= before) {
    return {
      ...week,
      lighter: false,
      rules: ['R-WEEK-3', 'R-VOL-4', 'R-VOL-2', 'R-PAIN-2'],
      why:
        `Held at last week's ${before} min, with no growth, in place of a lighter week: ${share}% of it would be ` +
        'less than the walk/run ladder holds, and running continuously never means less running (R-WEEK-3).',
    };
  }
  const why =
    minutes === Math.floor(before * rules.downWeekFactor)
      ? `A lighter week at ${share}% of the week before, so the body can absorb the training (R-VOL-4).`
      : `A lighter week, ${minutes} of last week's ${before} min: ${share}% would be less than the walk/run ladder ` +
        'holds, and running continuously never means less running (R-VOL-4, R-WEEK-3).';
  return { ...week, lighter: true, rules: ['R-VOL-4', 'R-VOL-2', 'R-PAIN-2'], why };
}

/**
 * R-WEEK-3: a lighter week never holds less than the walk/run ladder's top level would on one
 * running day fewer, so that a runner who reached continuous running sooner, on more days, never
 * holds less than one still on the ladder.
 */
function ladderTopOneDayFewer({ input, goal, continuousAt }: Course): number {
  const top = Math.max(0, ...input.ladder.slice(0, continuousAt).map(runMinutesOf));
  return Math.min(goal, top * Math.max(0, input.runDays - 1));
}

const runDaysWords = (days: number): string => `${days} running day${days === 1 ? '' : 's'} a week`;

export function nextVolumeStage(stage: VolumeStage, lastFull: number, course: Course): Stage {
  const { baseMinutes, ceiling } = course;
  const { rules } = course.input;
  if (stage.phase === 'maintain') return stage;
  const weekly = Math.min(ceiling, Math.floor(lastFull * rules.volumeCap)); // R-VOL-1, R-VOL-6
  if (weekly >= ceiling) return { phase: 'maintain', weekly: ceiling, runDays: volumeDays(stage, ceiling, course) };
  // Once in the rebuild, the week stays there: the days it adds shorten the runs, which is no reason to go back.
  if (stage.phase !== 'rebuild' && (weekly / stage.runDays < rules.continuousTargetMinutes || weekly < baseMinutes)) {
    // A run at the single-run cap (R-VOL-2) takes a running day more, within the phase's days:
    // otherwise the week could never grow past one run's cap, and the plan would stall.
    const runDays = Math.max(stage.runDays, Math.min(course.input.runDays, Math.ceil(weekly / course.runCap)));
    return { phase: 'continuous', weekly, runDays };
  }
  return { phase: 'rebuild', weekly, runDays: volumeDays(stage, weekly, course) };
}

/**
 * Rebuild: a running day is added only when a run would pass the single-run cap (R-VOL-2), up to
 * the days the rebuild may use. Runs lengthen first; adding days only when needed keeps a runner
 * who may run more days on the same weeks as one who may not (R-WEEK-3) until the cap.
 */
function volumeDays(stage: VolumeStage, weekly: number, course: Course): number {
  return Math.max(stage.runDays, Math.min(course.input.rebuildRunDays, Math.ceil(weekly / course.runCap)));
}

/**
 * The runner's longest recent run in minutes: as given, else a typical run of their current week
 * over the days the walk/run and continuous phases can use (R-PROG-1). R-WEEK-3: the days asked
 * for beyond those are not counted, so more days never shorten the runs; --longest-run says better.
 */
export function longestRunNow(intake: Intake, rules: Rules): number {
  if (intake.longestRun) return Math.floor(toMinutes(intake.longestRun, intake.units, rules, intake.pace));
  if (intake.weekly <= 0) return 0;
  return Math.floor(toMinutes(intake.weekly, intake.units, rules, intake.pace) / Math.max(1, rules.maxRunDaysPer7));
}

/** R-VOL-5: the minutes week 1 may hold, still running with pain 1-2 → 80% of now, never above it. */
function cutBackMinutes(intake: Intake, rules: Rules): number {
  const factor = intake.pain >= 1 ? rules.cutBackFactor : 1;
  return Math.floor(toMinutes(intake.weekly, intake.units, rules, intake.pace) * factor);
}

/** Where a runner starts (R-PAIN-1, R-TRIAGE-2/3, R-VOL-5, R-VOL-2, R-WEEK-3). */
export function startingStage(course: Course): Stage {
  const { input, goal, topIndex, ceiling } = course;
  const { intake, rules, ladder, triage } = input;
  if (triage.withheld) return { phase: 'settle', waiting: true };
  if (intake.pain >= rules.painThreshold) return { phase: 'settle', waiting: false, because: 'pain' };
  // R-WEEK-4: a limp keeps even a cleared runner off running until the settle week's walk test.
  if (intake.symptoms.includes(LIMP)) return { phase: 'settle', waiting: false, because: 'limp' };
  if (intake.weekly <= 0) return { phase: 'walk-run', index: 0, clean: 0, goalReached: false };

  const current = Math.min(goal, cutBackMinutes(intake, rules));
  const runsNow = Math.max(1, intake.runsPerWeek ?? rules.defaultRunDays);
  const longest = singleRunCeiling(longestRunNow(intake, rules), rules);

  // R-WEEK-3: every way to start that the runner's days allow, counting only the days each phase
  // can use; the one that holds the most running wins (on fewer days when equal, as the rebuild adds
  // days only when needed), so more days never mean less running.
  const continuousAt = firstContinuousIndex(ladder);
  const continuousLevel = ladder[continuousAt];
  let best: { stage: Stage; weekly: number; days: number } | null = null;
  // Equal weeks: continuous running on fewer days (the rebuild adds days only when needed), and
  // walk/run on more days with shorter sessions.
  const consider = (stage: Stage, weekly: number, days: number) => {
    const sameWeek = best !== null && weekly === best.weekly && best.stage.phase === stage.phase;
    const tie = sameWeek && (stage.phase === 'walk-run' ? days > best!.days : days < best!.days);
    if (!best || weekly > best.weekly || tie) best = { stage, weekly, days };
  };
  if (continuousLevel && topIndex >= continuousAt) {
    for (let days = 1; days <= Math.min(runsNow, Math.max(input.runDays, input.rebuildRunDays)); days++) {
      // The runs share the week as spreadRuns does: the longest is the share rounded up.
      const perRun = Math.min(Math.ceil(current / days), longest, course.runCap);
      if (perRun < runMinutesOf(continuousLevel)) continue;
      const weekly = Math.min(current, ceiling, perRun * days);
      // The rebuild as nextVolumeStage reads it, so that week 2 never falls back to continuous running.
      const rebuild = perRun >= rules.continuousTargetMinutes && weekly >= course.baseMinutes;
      if (days > (rebuild ? input.rebuildRunDays : input.runDays)) continue;
      const phase = weekly >= ceiling ? 'maintain' : rebuild ? 'rebuild' : 'continuous';
      consider({ phase, weekly, runDays: days }, weekly, days);
    }
  }
  // On the ladder: the level and number of runs (within the days) that hold the most running. R-VOL-5:
  // more runs than level 1 fits into the cut-back week are no candidate; one run of it always is,
  // the least the ladder holds (R-VOL-3).
  for (let days = 1; days <= Math.min(runsNow, input.runDays); days++) {
    const perRun = Math.min(Math.floor(current / days), longest);
    if (days > 1 && perRun < runMinutesOf(ladder[0]!)) break;
    let index = 0;
    for (let i = 0; i <= Math.min(topIndex, continuousAt - 1); i++) {
      if (runMinutesOf(ladder[i]!) <= perRun) index = i;
    }
    const runs = Math.min(days, runsThatFit(ladder[index]!, days, goal));
    const fewerRuns = days < input.runDays ? { runs: days } : {};
    const stage: Stage = { phase: 'walk-run', index, clean: 0, goalReached: false, ...fewerRuns };
    consider(stage, runs * runMinutesOf(ladder[index]!), days);
  }
  return best!.stage;
}

/**
 * Why the week's phase differs from the week before's, in a sentence; null when it does not (or
 * when the week's own why is all about it: a settle week, a goal reached).
 */
export function phaseChangeWhy(previous: WeekLoad | undefined, load: WeekLoad): string | null {
  if (!previous || previous.phase === load.phase || load.phase === 'settle' || load.phase === 'maintain') return null;
  const runs = load.runs.length;
  const longest = runs > 0 ? Math.max(...load.runs) : 0;
  if (load.phase === 'walk-run') {
    const level = load.level ? ` at level ${load.level.level}` : '';
    return previous.phase === 'settle'
      ? `New phase, walk/run${level}: the settle week's gate opens running, in short jogs with walk breaks (R-PHASE-1).`
      : `New phase, walk/run${level}: your check-ins moved you back onto the ladder, with walk breaks again.`;
  }
  if (load.phase === 'continuous') {
    if (previous.phase === 'walk-run' && previous.level) {
      const { level, run, repeats } = previous.level;
      return (
        `New phase, continuous running: level ${level} (${repeats} × ${run} min with walk breaks) is done, and the ladder's next step is ${longest} min without a break. ` +
        'Running without breaks loads the back more than the same minutes with walks between, so each run starts shorter (R-PROG-2).'
      );
    }
    return previous.phase === 'settle'
      ? `New phase, continuous running: running resumes at ${longest} min a run.`
      : `New phase, continuous running: your check-ins brought the week back below the rebuild's run length, to ${longest} min a run.`;
  }
  return `New phase, rebuild: runs have reached ${longest} min, so the week grows toward your goal, adding a running day when it holds one more run of that length.`;
}
