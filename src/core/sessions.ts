// Turns a week's load into dated sessions on the template's week skeleton (domain.md section 5).
import { addDays } from './dates.js';
import type { WeekLoad } from './progression.js';
import type { Exercise, ExerciseKind, Intake, LadderLevel, Phase, Rules, Session, Template, Templates, WeekSkeleton } from './types.js';

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
}

// A batch resolves the same few templates and words the same runs for thousands of athletes: both
// are made once per template and kept. The texts are then the very same strings every time, which
// the renderers' caches find without hashing them again.
const resolved = new WeakMap<Template, Map<string, Template>>();
const runTexts = new WeakMap<Template, Map<string, RunText>>();

interface RunText {
  title: string;
  details: string;
}

/** The template as one runner type sees it in one phase: base days, then the phase's, then the runner's. */
export function resolvedTemplate(template: Template, runner: Intake['runner'], phase: Phase | null): Template {
  let byVariant = resolved.get(template);
  if (byVariant === undefined) resolved.set(template, (byVariant = new Map()));
  const key = `${runner} ${phase}`;
  let result = byVariant.get(key);
  if (result === undefined) byVariant.set(key, (result = resolve(template, runner, phase)));
  return result;
}

function resolve(template: Template, runner: Intake['runner'], phase: Phase | null): Template {
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
  const restRules = load.phase === 'settle' ? load.rules.filter((r) => r !== 'R-PHASE-1') : load.phase === 'walk-run' || load.phase === 'continuous' ? ['R-PROG-1'] : [];
  const sessions: Session[] = [];

  const days = dayItems(template, templates.exercises, waiting);
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(weekStart, offset);
    const sessionsBefore = sessions.length;
    const dayNumber = (offset + 1) as keyof WeekSkeleton;
    const runIndex = runOffsets.indexOf(offset);
    if (runIndex !== -1) {
      const minutes = load.runs[runIndex]!;
      const level = ctx.runLevels ? ctx.runLevels[runIndex] ?? null : load.level;
      sessions.push(runSession(date, minutes, level, load, template, intake, templates.rules));
    }
    // On a run day the other items go with the run; the rules that kept it a non-running day do not apply.
    const { plain, withRun } = days[offset]!;
    for (const exercise of runIndex === -1 ? plain : withRun) sessions.push(exerciseSession(date, exercise, runIndex === -1 ? restRules : NO_RULES, dayNumber));
    if (sessions.length === sessionsBefore) {
      sessions.push({ date, kind: 'rest', title: 'Rest', details: 'Full rest.', minutes: 0, runMinutes: 0, rules: restRules, why: KIND_WHY.rest });
    }
  }
  return sessions;
}

/** A day's exercises (offsets 0-6): on a day without a run, and beside a run. */
interface DayItems {
  plain: readonly Exercise[];
  withRun: readonly Exercise[];
}

/** Worked out once per resolved template, exercises and waiting or not: the same for every week of every athlete. */
function dayItems(template: Template, exercises: Record<string, Exercise>, waiting: boolean): readonly DayItems[] {
  let byExercises = dayItemsByTemplate.get(template);
  if (byExercises === undefined) dayItemsByTemplate.set(template, (byExercises = new WeakMap()));
  let pair = byExercises.get(exercises);
  if (pair === undefined) byExercises.set(exercises, (pair = [undefined, undefined]));
  return (pair[waiting ? 1 : 0] ??= workOutDayItems(template, exercises, waiting));
}

const dayItemsByTemplate = new WeakMap<Template, WeakMap<Record<string, Exercise>, [DayItems[] | undefined, DayItems[] | undefined]>>();

function workOutDayItems(template: Template, exercises: Record<string, Exercise>, waiting: boolean): DayItems[] {
  const days: DayItems[] = [];
  for (let offset = 0; offset < 7; offset++) {
    let items = (template.week[(offset + 1) as keyof WeekSkeleton] ?? []).map((id) => ({ id, exercise: exercises[id]! }));
    // While waiting for assessment: walking, gentle mobility and core only (R-TRIAGE-2).
    if (waiting) items = items.filter(({ exercise }) => exercise.kind !== 'cross-train');
    // Beside a run: the after-run items, then the day's own core and mobility.
    const kept = items.filter(({ exercise }) => exercise.kind === 'core' || exercise.kind === 'mobility');
    const after = template.afterRun.filter((id) => !kept.some((k) => k.id === id)).map((id) => ({ id, exercise: exercises[id]! }));
    days.push({ plain: items.map((i) => i.exercise), withRun: [...after, ...kept].map((i) => i.exercise) });
  }
  return days;
}

const NO_RULES: readonly string[] = [];

function exerciseSession(date: string, exercise: Exercise, rules: readonly string[], day: number): Session {
  return {
    date, kind: exercise.kind, title: exercise.title, details: exercise.details, minutes: exercise.minutes ?? 0,
    runMinutes: 0, rules, why: dayWhy(day, exercise.kind),
  };
}

// "Day 3 of the recovery week: …" for each day and kind, worded once.
const dayWhys: Partial<Record<ExerciseKind, string>>[] = [];
function dayWhy(day: number, kind: ExerciseKind): string {
  const byKind = (dayWhys[day] ??= {});
  return (byKind[kind] ??= `Day ${day} of the recovery week: ${KIND_WHY[kind]}`);
}

const NO_HARD_RUNNING = 'Flat ground, easy effort: no hills, speed work or races (R-PROG-4).';

function runSession(date: string, minutes: number, level: LadderLevel | null, load: WeekLoad, template: Template, intake: Intake, rules: Rules): Session {
  const ids = [...load.rules, 'R-PROG-4'];
  const walkingMinutes = template.warmupMinutes + template.cooldownMinutes;
  const { title, details } = runText(template, minutes, level, load.lighter, intake.units, rules);
  if (level && level.walk > 0) {
    return {
      date, kind: 'walk-run', title, details, minutes: walkingMinutes + minutes + level.walk * level.repeats, runMinutes: minutes, level: level.level,
      rules: ids, why: load.why,
    };
  }
  return { date, kind: 'run', title, details, minutes: walkingMinutes + minutes, runMinutes: minutes, rules: ids, why: load.why };
}

/** A run's title and details, in words: the same template, level and minutes always give the same strings. */
function runText(template: Template, minutes: number, level: LadderLevel | null, lighter: boolean, units: Intake['units'], rules: Rules): RunText {
  let texts = runTexts.get(template);
  if (texts === undefined) runTexts.set(template, (texts = new Map()));
  const pace = units === 'min' ? 0 : rules.easyPaceMinutesPer[units];
  const key = level && level.walk > 0 ? `${level.level} ${level.run} ${level.walk} ${level.repeats} ${minutes}` : `run ${minutes} ${lighter} ${units} ${pace}`;
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size > 10_000) texts.clear();
    texts.set(key, (text = wordRun(template, minutes, level, lighter, units, pace)));
  }
  return text;
}

function wordRun(template: Template, minutes: number, level: LadderLevel | null, lighter: boolean, units: Intake['units'], pace: number): RunText {
  const warm = `Walk ${template.warmupMinutes} min to warm up`;
  const cool = `walk ${template.cooldownMinutes} min to cool down`;
  if (level && level.walk > 0) {
    return {
      title: `Walk/run L${level.level} · ${level.run} min jog / ${level.walk} min walk × ${level.repeats}`,
      details: `${warm}, then ${level.run} min easy jog and ${level.walk} min walk, ${level.repeats} times (${minutes} min running); ${cool}. ${NO_HARD_RUNNING} ${template.runFocus}`,
    };
  }
  const distance = units === 'min' ? '' : ` (about ${formatDistance(minutes / pace)} ${units} at an easy pace)`;
  return {
    title: `Easy run · ${minutes} min${lighter ? ' (lighter week)' : ''}`,
    details: `${warm}, then ${minutes} min easy continuous running${distance}; ${cool}. ${NO_HARD_RUNNING} ${template.runFocus}`,
  };
}

function formatDistance(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}
