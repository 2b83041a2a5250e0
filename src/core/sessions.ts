// Turns a week's load into dated sessions on the template's week skeleton (domain.md section 5).
import { addDays } from './dates.js';
import { formatPace, paceOf, type Pace, type WeekLoad } from './progression.js';
import type {
  Exercise,
  ExerciseKind,
  ExerciseLoad,
  Intake,
  LadderLevel,
  Phase,
  Rules,
  Session,
  Template,
  Templates,
  WeekSkeleton,
} from './types.js';

const KIND_WHY: Record<ExerciseKind, string> = {
  walk: 'Walking keeps you moving without the impact of running.',
  'cross-train': 'Low-impact fitness that spares the back the load of running.',
  core: 'A strong, controlled trunk supports the lower back; aim for 3 times a week or more.',
  mobility: 'Gentle mobility and stretching ease stiffness.',
  rest: 'Recovery is part of the plan.',
};

export interface WeekContext {
  templates: Templates;
  intake: Intake;
  weekStart: string;
  load: WeekLoad;
  /** Offsets (0-6 from weekStart) that carry this week's runs, in date order. */
  runOffsets: readonly number[];
  /** The ladder level of each run, when the level changed within the week (check-ins). */
  runLevels?: (LadderLevel | null)[];
  /** The day exercises already worked out for this plan's weeks (see DayItemsByKind). */
  dayItems?: DayItemsByKind;
}

/**
 * A week's day exercises by the runner type, phase and signs they were worked out for: the same
 * in most weeks of a plan, so a plan (or a replay) makes one of these and passes it to each of its
 * weeks. It belongs to one set of templates: never share one between plans of other templates.
 */
export type DayItemsByKind = Map<string, readonly DayItems[]>;

interface RunText {
  title: string;
  details: string;
}

/** The template as one runner type sees it in one phase: base days, then the phase's, then the runner's. */
function resolvedTemplate(template: Template, runner: Intake['runner'], phase: Phase | null): Template {
  const variant = template.runnerTypes[runner];
  return {
    ...template,
    warmupMinutes: variant?.warmupMinutes ?? template.warmupMinutes,
    cooldownMinutes: variant?.cooldownMinutes ?? template.cooldownMinutes,
    runFocus: variant?.runFocus ?? template.runFocus,
    week: { ...template.week, ...(phase ? template.phases[phase]?.week : undefined), ...variant?.week },
  };
}

export function weekSessions(ctx: WeekContext): Session[] {
  const { templates, intake, weekStart, load, runOffsets } = ctx;
  const waiting = load.rules.includes('R-TRIAGE-2');
  // Waiting for assessment is no settle week: there is no gate to test for yet.
  const template = resolvedTemplate(templates.template, intake.runner, waiting ? null : load.phase);
  const phaseRules =
    load.phase === 'settle'
      ? load.rules.filter((r) => r !== 'R-PHASE-1')
      : load.phase === 'walk-run' || load.phase === 'continuous'
        ? ['R-PROG-1']
        : [];
  // R-WEEK-5: what the week skeleton places names it; while waiting for assessment R-TRIAGE-2 does.
  const restRules = waiting ? phaseRules : [...phaseRules, 'R-WEEK-5'];
  const withRunRules = waiting ? NO_RULES : SKELETON_RULES;
  const sessions: Session[] = [];

  const avoids = waiting ? waitingAvoids(intake) : null;
  const kind = `${intake.runner} ${waiting ? 'waiting' : load.phase} ${avoids?.join(',') ?? ''}`;
  let days = ctx.dayItems?.get(kind);
  if (!days) {
    days = dayItems(template, templates.exercises, avoids);
    ctx.dayItems?.set(kind, days);
  }
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(weekStart, offset);
    const sessionsBefore = sessions.length;
    const dayNumber = (offset + 1) as keyof WeekSkeleton;
    const runIndex = runOffsets.indexOf(offset);
    if (runIndex !== -1) {
      const minutes = load.runs[runIndex]!;
      const level = ctx.runLevels ? (ctx.runLevels[runIndex] ?? null) : load.level;
      sessions.push(runSession(date, minutes, level, load, template, intake, templates.rules));
    }
    // On a run day the other items go with the run; the rules that kept it a non-running day do not apply.
    const { plain, withRun } = days[offset]!;
    for (const exercise of runIndex === -1 ? plain : withRun)
      sessions.push(exerciseSession(date, exercise, runIndex === -1 ? restRules : withRunRules, dayNumber));
    if (sessions.length === sessionsBefore) {
      sessions.push({
        date,
        kind: 'rest',
        title: 'Rest',
        details: 'Full rest.',
        minutes: 0,
        runMinutes: 0,
        rules: restRules,
        why: KIND_WHY.rest,
      });
    }
  }
  return withFullRestDay(sessions);
}

/** R-WEEK-1: a full rest day holds no running, cross-training or core; an easy walk or gentle mobility at most. */
export function isFullRestDay(day: readonly Session[]): boolean {
  const easy = (s: Session) =>
    s.kind === 'rest' || s.kind === 'mobility' || (s.kind === 'walk' && s.minutes <= EASY_WALK_MINUTES);
  return day.every(easy);
}

const EASY_WALK_MINUTES = 20;
const FULL_REST_RULES: readonly string[] = ['R-WEEK-1'];

/**
 * R-WEEK-1: every week keeps at least one full rest day. When the runs and the skeleton leave
 * none, the lightest day without a run becomes one.
 */
function withFullRestDay(sessions: Session[]): Session[] {
  const byDate = new Map<string, Session[]>();
  for (const session of sessions) {
    const day = byDate.get(session.date);
    if (day) day.push(session);
    else byDate.set(session.date, [session]);
  }
  const days = [...byDate.values()];
  if (days.some(isFullRestDay)) return sessions;
  const free = days.filter((day) => day.every((s) => s.runMinutes === 0));
  if (free.length === 0) return sessions;
  const load = (day: Session[]) => day.reduce((sum, s) => sum + s.minutes + (s.kind === 'core' ? 1000 : 0), 0);
  const lightest = free.reduce((best, day) => (load(day) < load(best) ? day : best));
  const date = lightest[0]!.date;
  const rest: Session = {
    date,
    kind: 'rest',
    title: 'Full rest day',
    minutes: 0,
    runMinutes: 0,
    rules: FULL_REST_RULES,
    why: KIND_WHY.rest,
    details: 'No running, cross-training or core today: an easy walk or gentle mobility at most (R-WEEK-1).',
  };
  return sessions.flatMap((s) => (s.date !== date ? [s] : s === lightest[0] ? [rest] : []));
}

/** Section 5b: what the plan while waiting for assessment leaves out, for the runner's signs. */
export function waitingAvoids(intake: Pick<Intake, 'symptoms' | 'archingPain' | 'age'>): ExerciseLoad[] {
  const avoids: ExerciseLoad[] = [];
  if (intake.archingPain && (intake.age === undefined || intake.age < 20)) avoids.push('extension');
  const nerve = intake.symptoms.includes('radiating-pain') || intake.symptoms.includes('numbness-tingling');
  if (nerve) avoids.push('nerve-tension');
  if (intake.symptoms.includes('fever')) avoids.push('exertion');
  return avoids;
}

/** A day's exercises (offsets 0-6): on a day without a run, and beside a run. */
export interface DayItems {
  plain: readonly Exercise[];
  withRun: readonly Exercise[];
}

/** Section 5b: the library's mobility that suits most signs, put in where waiting leaves one out. */
const GENTLE_MOBILITY = 'gentle-mobility';
/** The library's plain rest, for a rest day's lighter activity while waiting. */
const FULL_REST = 'full-rest';

/** A day's exercises for each day of the week, with what waiting leaves out taken out. */
function dayItems(template: Template, exercises: Record<string, Exercise>, avoids: ExerciseLoad[] | null): DayItems[] {
  const days: DayItems[] = [];
  const suits = (exercise: Exercise) => !avoids || !(exercise.loads ?? []).some((l) => avoids.includes(l));
  for (let offset = 0; offset < 7; offset++) {
    let items = (template.week[(offset + 1) as keyof WeekSkeleton] ?? []).map((id) => ({
      id,
      exercise: exercises[id]!,
    }));
    // While waiting for assessment: walking, gentle mobility and core only (R-TRIAGE-2), and only
    // what suits the runner's signs (section 5b). Choice: any other mobility (foam rolling, lunges,
    // balance on one leg) becomes the gentle one, and a rest day's yoga becomes rest, whatever the
    // reason: a fall or a history of cancer is not yet assessed either.
    if (avoids) {
      const gentle = exercises[GENTLE_MOBILITY];
      const rest = exercises[FULL_REST];
      const hadMobility = items.some(({ exercise }) => exercise.kind === 'mobility');
      const hadRest = items.some(({ exercise }) => exercise.kind === 'rest');
      items = items.filter(
        ({ id, exercise }) =>
          exercise.kind !== 'cross-train' &&
          (exercise.kind !== 'mobility' || id === GENTLE_MOBILITY) &&
          (exercise.kind !== 'rest' || id === FULL_REST) &&
          suits(exercise),
      );
      if (hadRest && rest && !items.some(({ id }) => id === FULL_REST))
        items.unshift({ id: FULL_REST, exercise: rest });
      if (hadMobility && gentle && suits(gentle) && !items.some(({ id }) => id === GENTLE_MOBILITY)) {
        items.push({ id: GENTLE_MOBILITY, exercise: gentle });
      }
    }
    // Beside a run: the after-run items, then the day's own core and mobility.
    const kept = items.filter(({ exercise }) => exercise.kind === 'core' || exercise.kind === 'mobility');
    const after = template.afterRun
      .filter((id) => !kept.some((k) => k.id === id))
      .map((id) => ({ id, exercise: exercises[id]! }));
    days.push({ plain: items.map((i) => i.exercise), withRun: [...after, ...kept].map((i) => i.exercise) });
  }
  return days;
}

const NO_RULES: readonly string[] = [];
const SKELETON_RULES: readonly string[] = ['R-WEEK-5'];

function exerciseSession(date: string, exercise: Exercise, rules: readonly string[], day: number): Session {
  return {
    date,
    kind: exercise.kind,
    title: exercise.title,
    details: exercise.details,
    minutes: exercise.minutes ?? 0,
    runMinutes: 0,
    rules,
    why: dayWhy(day, exercise.kind),
  };
}

// "Day 3 of the recovery week: …" for each day and kind, worded once.
const dayWhys: Partial<Record<ExerciseKind, string>>[] = [];
function dayWhy(day: number, kind: ExerciseKind): string {
  const byKind = (dayWhys[day] ??= {});
  return (byKind[kind] ??= `Day ${day} of the recovery week: ${KIND_WHY[kind]}`);
}

const NO_HARD_RUNNING =
  'Flat, even ground (a path or track; no cambered roads), easy effort: no hills, speed work or races (R-PROG-4).';

function runSession(
  date: string,
  minutes: number,
  level: LadderLevel | null,
  load: WeekLoad,
  template: Template,
  intake: Intake,
  rules: Rules,
): Session {
  const ids = [...load.rules, 'R-PROG-4', 'R-WEEK-2'];
  const walkingMinutes = template.warmupMinutes + template.cooldownMinutes;
  const pace = paceOf(intake, rules);
  const { title, details } = runText(template, minutes, level, load.lighter, pace, rules.painThreshold);
  if (level && level.walk > 0) {
    return {
      date,
      kind: 'walk-run',
      title,
      details,
      minutes: walkingMinutes + minutes + level.walk * level.repeats,
      runMinutes: minutes,
      level: level.level,
      rules: ids,
      why: load.why,
    };
  }
  return {
    date,
    kind: 'run',
    title,
    details,
    minutes: walkingMinutes + minutes,
    runMinutes: minutes,
    rules: ids,
    why: load.why,
  };
}

/** How the stop rule's sentence begins in every run's text (R-WEEK-2), for renderers that shorten the text. */
export const STOP_RULE_START = 'Stop the run';

/** A run's title and details, in words. */
function runText(
  template: Template,
  minutes: number,
  level: LadderLevel | null,
  lighter: boolean,
  pace: Pace | null,
  stopPain: number,
): RunText {
  // R-WEEK-2: a dynamic warm-up before, static stretches after, and the stop rule, in the run's own text.
  const warm =
    `Walk ${template.warmupMinutes} min to warm up, then leg swings and trunk rotations (10 each side, dynamic, ` +
    'before you run)';
  const cool = `walk ${template.cooldownMinutes} min to cool down`;
  const after =
    `Static stretches after the run, not before. ${STOP_RULE_START} if pain reaches ${stopPain}/10 or builds as ` +
    'you go, and log it.';
  if (level && level.walk > 0) {
    return {
      title: `Walk/run L${level.level} · ${level.run} min jog / ${level.walk} min walk × ${level.repeats}`,
      details:
        `${warm}, then ${level.run} min easy jog and ${level.walk} min walk, ${level.repeats} times ` +
        `(${minutes} min running); ${cool}. ${after} ${NO_HARD_RUNNING} ${template.runFocus}` +
        (pace ? ` ${byTheClock(pace)}` : ''),
    };
  }
  const distance = pace === null ? '' : ` (${distanceWords(minutes, pace)})`;
  return {
    title: `Easy run · ${minutes} min${lighter ? ' (lighter week)' : ''}`,
    details:
      `${warm}, then ${minutes} min easy continuous running${distance}; ${cool}. ` +
      `${after} ${NO_HARD_RUNNING} ${template.runFocus}`,
  };
}

/** R-VOL-7: the run by the clock, with the distance at the pace the plan used, and which pace that is. */
function distanceWords(minutes: number, pace: Pace): string {
  const distance = formatDistance(minutes / pace.minutesPer);
  const at = `${formatPace(pace.minutesPer)}/${pace.units}`;
  return pace.assumed
    ? `run by the clock; about ${distance} ${pace.units} at ${at}, the fast pace assumed without --pace, ` +
        'less at a slower pace'
    : `about ${distance} ${pace.units} at your easy pace of ${at}`;
}

/** R-VOL-7 on a walk/run session, which has no distance: the pace its minutes came from. */
function byTheClock(pace: Pace): string {
  const at = `${formatPace(pace.minutesPer)}/${pace.units}`;
  return pace.assumed
    ? `Run by the clock: your distances were read at ${at}, the fast pace assumed without --pace.`
    : `Run by the clock: your distances were read at your easy pace of ${at}.`;
}

function formatDistance(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}
