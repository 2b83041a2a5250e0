// What `backplan status` and `backplan report` show: a pure view of plan + progress as of today,
// with the two series the charts draw (logged pain; weekly running against the 10% cap).
import { addDays } from '../core/dates.js';
import type { Decision, NextSession, Plan, Progress, Rules, Session, Week } from '../core/types.js';
import { withFields } from '../core/copy.js';

/** A check-in's pain during and the next morning, or a pain at rest logged on a day of its own. */
export interface PainPoint {
  date: string;
  during: number | null;
  nextMorning: number | null;
  atRest: number | null;
}

export interface WeekVolume {
  week: number;
  start: string;
  phase: Week['phase'];
  /** Running minutes the week holds (as planned, or re-planned). */
  planned: number;
  /** Running minutes logged as done; null for weeks not yet begun. */
  logged: number | null;
  /** The week is not over: what is planned beyond the logged minutes is still to come. */
  open: boolean;
  /** R-VOL-1: 110% of the week before, for weeks beyond the ladder (below the base the ladder governs). */
  cap: number | null;
}

export interface StatusView {
  schemaVersion: 1;
  name: string | null;
  today: string;
  phase: Week['phase'];
  stopped: Progress['stopped'];
  level: number | null;
  cleanSessions: number;
  cleanNeeded: number | null;
  /** The same next session `checkin` names (R-LOG-1). */
  nextSession: NextSession | null;
  decision: Decision | null;
  restThrough: string | null;
  /** The latest pain at rest logged, and whether it keeps runs off (R-PAIN-5). */
  restPain: (NonNullable<Progress['restPain']> & { blocksRunning: boolean }) | null;
  thisWeek: {
    week: number;
    start: string;
    end: string;
    sessions: { date: string; title: string; runMinutes: number; status: Session['status'] | null }[];
  } | null;
  adherence: { planned: number; done: number; partial: number; notDone: number; missed: number };
  pain: PainPoint[];
  weeks: WeekVolume[];
  triage: Plan['triage'];
  painThreshold: number;
}

export function statusView(plan: Plan, progress: Progress, rules: Rules): StatusView {
  const today = progress.today;
  const runs = plan.weeks
    .flatMap((w) => w.sessions)
    .filter((s) => s.runMinutes > 0 && s.status && s.status !== 'to-come');
  return {
    schemaVersion: 1,
    name: plan.name,
    today,
    phase: progress.phase,
    stopped: progress.stopped,
    level: progress.level,
    cleanSessions: progress.cleanSessions,
    cleanNeeded: progress.cleanNeeded,
    nextSession: progress.next,
    decision: progress.decisions.at(-1) ?? null,
    restThrough: progress.restThrough && progress.restThrough >= today ? progress.restThrough : null,
    restPain: restPainView(progress, rules),
    thisWeek: thisWeek(plan, today),
    adherence: {
      planned: runs.length,
      done: runs.filter((s) => s.status === 'done').length,
      partial: runs.filter((s) => s.status === 'partial').length,
      notDone: runs.filter((s) => s.status === 'not-done').length,
      missed: runs.filter((s) => s.status === 'missed').length,
    },
    pain: painPoints(progress),
    weeks: weekVolumes(plan, rules),
    triage: plan.triage,
    painThreshold: rules.painThreshold,
  };
}

/** The latest pain at rest, and whether it keeps runs off (R-PAIN-5). */
export function restPainView(progress: Progress, rules: Rules): StatusView['restPain'] {
  const rest = progress.restPain;
  return rest && withFields(rest, { blocksRunning: rest.value >= rules.painThreshold });
}

/** The week that holds today, and its sessions other than rest. */
export function thisWeek(plan: Pick<Plan, 'weeks'>, today: string): StatusView['thisWeek'] {
  const current = plan.weeks.find((w) => w.start <= today && today <= w.end);
  return current
    ? {
        week: current.index,
        start: current.start,
        end: current.end,
        sessions: current.sessions
          .filter((s) => s.kind !== 'rest')
          .map((s) => ({ date: s.date, title: s.title, runMinutes: s.runMinutes, status: s.status ?? null })),
      }
    : null;
}

/** The check-ins and the pains at rest, by date; on one date, the pain at rest first. */
function painPoints(progress: Progress): PainPoint[] {
  const atRest = progress.restPains.map((r): PainPoint => ({
    date: r.date,
    during: null,
    nextMorning: null,
    atRest: r.value,
  }));
  const sessions = progress.sessions.map((s): PainPoint => ({
    date: s.date,
    during: s.painDuring ?? null,
    nextMorning: s.nextMorning ?? null,
    atRest: null,
  }));
  return [...atRest, ...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function weekVolumes(plan: Plan, rules: Rules): WeekVolume[] {
  const volumes: WeekVolume[] = [];
  for (const week of plan.weeks) {
    const begun = week.start <= plan.today;
    const previous = volumes.at(-1);
    // The week before counts as logged once it is over; until then as planned.
    const before = previous
      ? previous.logged !== null && addDays(previous.start, 6) < plan.today
        ? previous.logged
        : previous.planned
      : null;
    const beyondLadder = week.phase !== 'settle' && week.phase !== 'walk-run' && week.level === null;
    volumes.push({
      week: week.index,
      start: week.start,
      phase: week.phase,
      planned: week.runMinutes,
      logged: begun ? (week.loggedRunMinutes ?? 0) : null,
      open: week.end >= plan.today,
      cap: beyondLadder && before !== null && before > 0 ? Math.floor(before * rules.volumeCap) : null,
    });
  }
  return volumes;
}

/** Each week's entries with a pain, and the average of each entry's worst pain (during, next morning or at rest). */
export function weeklyPain(view: StatusView, plan: Plan): { week: number; count: number; average: number }[] {
  const points = view.pain.map((p) => ({
    date: p.date,
    pain: Math.max(p.during ?? -1, p.nextMorning ?? -1, p.atRest ?? -1),
  }));
  return plan.weeks
    .map((w) => {
      const inWeek = points.filter((p) => p.date >= w.start && p.date <= w.end && p.pain >= 0);
      return {
        week: w.index,
        count: inWeek.length,
        average: inWeek.reduce((a, p) => a + p.pain, 0) / Math.max(1, inWeek.length),
      };
    })
    .filter((w) => w.count > 0);
}
