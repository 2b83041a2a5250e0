// R-CONF-1: a plan folder may make a rule stricter, never looser. The limits live here, in code,
// so that no YAML file (a --plans-dir, BACKPLAN_PLANS or a --template file) can move them.
// Each limit names the direction that is stricter; docs/rules.md says why for each.
import type { LadderLevel } from '../core/types.js';

export interface Bound {
  /** Field path in the YAML file. */
  path: (string | number)[];
  /** 'max': the value may be at most `limit`; 'min': at least `limit`. */
  side: 'max' | 'min';
  limit: number;
  /** The unit after the number in the message, if any. */
  unit?: string;
}

/** Rule thresholds: the built-in value is the loosest a plan folder may use. */
export const RULE_BOUNDS: readonly Bound[] = [
  { path: ['painThreshold'], side: 'max', limit: 3 }, // R-PAIN-1: running stops at a lower pain
  { path: ['maxRunDaysPer7'], side: 'max', limit: 3 }, // R-PROG-1
  { path: ['cleanSessionsPerLevel'], side: 'min', limit: 2 }, // R-PROG-2: more clean sessions before a level
  { path: ['cleanSessionsPerLevelReturning'], side: 'min', limit: 3 },
  { path: ['gapDaysBeforeDrop'], side: 'max', limit: 7 }, // R-PROG-3: a shorter gap already drops a level
  { path: ['dropBackPain'], side: 'max', limit: 5 }, // R-PAIN-3
  { path: ['dropBackRestDays'], side: 'min', limit: 2 },
  { path: ['holdExtraRestDays'], side: 'min', limit: 1 },
  { path: ['painRiseToBlock'], side: 'max', limit: 1 }, // R-PAIN-4: a smaller rise blocks an advance sooner
  { path: ['restPainDaysToSettle'], side: 'max', limit: 7 }, // R-PAIN-5
  { path: ['severeRestPain'], side: 'max', limit: 7 }, // R-PAIN-6
  { path: ['escalationPain'], side: 'max', limit: 7 }, // R-ESC-1
  { path: ['repeatDropBackDays'], side: 'min', limit: 14 }, // R-ESC-2: a longer window catches more
  { path: ['setbacksInRow'], side: 'max', limit: 3 },
  { path: ['notImprovingDays'], side: 'max', limit: 28 }, // R-ESC-3
  { path: ['cautionReminderDays'], side: 'max', limit: 28 }, // R-ESC-4
  { path: ['volumeCap'], side: 'max', limit: 1.1 }, // R-VOL-1
  { path: ['singleRunCap'], side: 'max', limit: 1.1 }, // R-VOL-2
  { path: ['singleRunMinStepMinutes'], side: 'max', limit: 2 },
  { path: ['singleRunShare'], side: 'max', limit: 0.3 }, // R-VOL-8
  { path: ['continuousTargetMinutes'], side: 'max', limit: 30 }, // R-VOL-2: the floor of the single-run cap
  { path: ['baseThreshold', 'minutes'], side: 'min', limit: 60 }, // R-VOL-3: the ladder governs longer
  { path: ['baseThreshold', 'km'], side: 'min', limit: 10 },
  { path: ['baseThreshold', 'mi'], side: 'min', limit: 6.2 },
  { path: ['downWeekEvery'], side: 'max', limit: 4 }, // R-VOL-4: lighter weeks come more often
  { path: ['downWeekFactor'], side: 'max', limit: 0.8 },
  { path: ['cutBackFactor'], side: 'max', limit: 0.8 }, // R-VOL-5
  { path: ['assumedPaceMinutesPer', 'km'], side: 'max', limit: 5 }, // R-VOL-7: a faster pace gives fewer minutes
  { path: ['assumedPaceMinutesPer', 'mi'], side: 'max', limit: 8 },
  { path: ['defaultRunDays'], side: 'max', limit: 3 }, // R-WEEK-3: fewer days, never more running
  { path: ['maxRebuildRunDays'], side: 'max', limit: 4 }, // R-WEEK-1
];

/** R-WEEK-2: the walking warm-up and cool-down of every run, in a template and its runner types. */
export const TEMPLATE_MINUTES_MIN = 5;

/** R-CONF-1: ladder level 1 holds at most this many running minutes. */
export const LADDER_FIRST_MAX = 5;
/** R-CONF-1: no level holds more running minutes than the one before plus the built-in ladder's largest step. */
export const LADDER_STEP_MAX = 6;

export interface BoundBreach {
  path: (string | number)[];
  message: string;
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

function breach(bound: Bound, value: unknown): string | null {
  if (typeof value !== 'number') return null;
  const loose = bound.side === 'max' ? value > bound.limit : value < bound.limit;
  if (!loose) return null;
  const unit = bound.unit ? ` ${bound.unit}` : '';
  return `must be at ${bound.side === 'max' ? 'most' : 'least'} ${fmt(bound.limit)}${unit} (backplan's safety limit)`;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  const step = (node: unknown, key: string | number) =>
    node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return path.reduce<unknown>(step, data);
}

/** The first rule threshold looser than its limit, if any. */
export function checkRuleBounds(data: unknown): BoundBreach | null {
  for (const bound of RULE_BOUNDS) {
    const message = breach(bound, valueAt(data, bound.path));
    if (message) return { path: bound.path, message };
  }
  return null;
}

/** The first ladder level that starts too high or climbs too fast, if any. */
export function checkLadderBounds(levels: readonly LadderLevel[]): BoundBreach | null {
  let before = 0;
  for (const [i, level] of levels.entries()) {
    const running = level.run * level.repeats;
    const limit = i === 0 ? LADDER_FIRST_MAX : before + LADDER_STEP_MAX;
    if (running > limit) {
      const message = `must be at most ${fmt(limit)} running minutes (backplan's safety limit)`;
      return { path: ['levels', i], message };
    }
    before = running;
  }
  return null;
}

interface TemplateMinutes {
  warmupMinutes?: number;
  cooldownMinutes?: number;
  runnerTypes?: Partial<Record<string, WalkingMinutes | undefined>>;
}

interface WalkingMinutes {
  warmupMinutes?: number | undefined;
  cooldownMinutes?: number | undefined;
}

/** A template's walking warm-up and cool-down, base and per runner type, of at least 5 minutes. */
export function checkTemplateBounds(template: TemplateMinutes): BoundBreach | null {
  const bound = (path: (string | number)[]): Bound => ({ path, side: 'min', limit: TEMPLATE_MINUTES_MIN });
  const fields = ['warmupMinutes', 'cooldownMinutes'] as const;
  for (const field of fields) {
    const message = breach(bound([field]), template[field]);
    if (message) return { path: [field], message };
  }
  for (const [type, variant] of Object.entries(template.runnerTypes ?? {})) {
    for (const field of fields) {
      const message = breach(bound(['runnerTypes', type, field]), variant?.[field]);
      if (message) return { path: ['runnerTypes', type, field], message };
    }
  }
  return null;
}
