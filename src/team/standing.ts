// Where one athlete of a team stands, in a row of the team view, and whether they need the coach
// first. Pure: from the weeks around today and the progress (replanAround), read as `status` reads them.
import { worstPain, highestPain } from '../core/checkin.js';
import { addDays } from '../core/dates.js';
import type { CheckIn, NextSession, Plan, Progress, Rules, Stop } from '../core/types.js';
import { restPainView, thisWeek } from '../export/progress.js';

/**
 * Why an athlete needs the coach first, most urgent first:
 * - stopped: running is stopped until a clinician clears them: a red flag at intake (withheld,
 *   R-TRIAGE-1/2, R-PAIN-6) or in the log, or a pattern in the log (escalated, R-ESC-1..3);
 * - rest-pain: the latest pain at rest keeps runs off (R-PAIN-5);
 * - pain-rising: the weekly average of logged pain rose by the R-PAIN-4 step;
 * - missed: planned runs of the 7 days before today with no check-in.
 */
export type Need = 'stopped' | 'rest-pain' | 'pain-rising' | 'missed';

export interface TeamRow {
  slug: string;
  name: string | null;
  needs: Need[];
  /** Why running is stopped, and since when; null while it is not. */
  stopped: Stop | null;
  triage: Plan['triage']['level'];
  phase: Progress['phase'];
  level: number | null;
  lastCheckIn: string | null;
  /** The highest pain of the latest entry that logged one. */
  lastPain: { date: string; value: number } | null;
  /** Runs this week: done (or partly) of those planned up to today, and of the whole week. */
  thisWeek: { done: number; due: number; planned: number } | null;
  /** Planned runs of the 7 days before today with no check-in. */
  missed: number;
  /** The weekly averages of logged pain, when they rose (R-PAIN-4). */
  painRise: { before: number; now: number } | null;
  restPain: Progress['restPain'];
  next: NextSession | null;
}

export function teamRow(
  slug: string,
  log: readonly CheckIn[],
  plan: Pick<Plan, 'name' | 'triage' | 'weeks'>,
  progress: Progress,
  rules: Rules,
): TeamRow {
  const today = progress.today;
  const weekAgo = addDays(today, -7);
  const missed = plan.weeks
    .filter((w) => w.end >= weekAgo && w.start < today)
    .flatMap((w) => w.sessions)
    .filter((s) => s.runMinutes > 0 && s.status === 'missed' && s.date < today && s.date >= weekAgo).length;
  const painRise = risingPain(progress, rules);
  const restHigh = restPainView(progress, rules)?.blocksRunning === true;
  const needs: Need[] = [];
  if (progress.stopped) needs.push('stopped');
  if (restHigh && !progress.stopped) needs.push('rest-pain');
  if (painRise) needs.push('pain-rising');
  if (missed > 0 && !progress.stopped) needs.push('missed');
  const weekRuns = thisWeek(plan, today)?.sessions.filter((s) => s.runMinutes > 0) ?? null;
  return {
    slug,
    name: plan.name,
    needs,
    stopped: progress.stopped,
    triage: plan.triage.level,
    phase: progress.phase,
    level: progress.level,
    ...latest(log, today),
    thisWeek: weekRuns && {
      done: weekRuns.filter((s) => s.status === 'done' || s.status === 'partial').length,
      due: weekRuns.filter((s) => s.date <= today).length,
      planned: weekRuns.length,
    },
    missed,
    painRise,
    restPain: progress.restPain,
    next: progress.next,
  };
}

/** The last check-in's date, and the latest pain logged, from entries up to today. */
function latest(log: readonly CheckIn[], today: string): Pick<TeamRow, 'lastCheckIn' | 'lastPain'> {
  let lastCheckIn: string | null = null;
  let lastPain: TeamRow['lastPain'] = null;
  for (const entry of log) {
    if (entry.date > today) continue;
    if (lastCheckIn === null || entry.date >= lastCheckIn) lastCheckIn = entry.date;
    const pain = highestPain(entry);
    if (pain !== null && (lastPain === null || entry.date >= lastPain.date))
      lastPain = { date: entry.date, value: pain };
  }
  return { lastCheckIn, lastPain };
}

/** R-PAIN-4 as the engine reads it: the worst pain of each session, the last 7 days against the 7 before. */
function risingPain(progress: Progress, rules: Rules): TeamRow['painRise'] {
  const { today } = progress;
  const average = (from: number, to: number): number | null => {
    const [first, last] = [addDays(today, -to), addDays(today, -from)];
    const values = progress.sessions
      .filter((s) => s.date >= first && s.date <= last)
      .map(worstPain)
      .filter((p): p is number => p !== null);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const now = average(0, 6);
  const before = average(7, 13);
  return now !== null && before !== null && now - before >= rules.painRiseToBlock ? { before, now } : null;
}

const STOP_RANK = { emergency: 0, urgent: 1 } as const;
const NEED_RANK: Record<Need, number> = { stopped: 1, 'rest-pain': 2, 'pain-rising': 3, missed: 4 };

/** Those who need the coach first (emergency before any other stop), then by name, then by slug. */
export function byUrgency(a: TeamRow, b: TeamRow): number {
  return rank(a) - rank(b) || compareText(a.name ?? a.slug, b.name ?? b.slug) || compareText(a.slug, b.slug);
}

function rank(row: TeamRow): number {
  if (row.stopped) return STOP_RANK[row.stopped.level];
  return row.needs.length > 0 ? NEED_RANK[row.needs[0]!] + 1 : 9;
}

// Athlete 2 before Athlete 10; the same order on every machine (a fixed locale).
const NAMES = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const compareText = (a: string, b: string): number => NAMES.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
