// Re-planning from the log. The plan is never stored: it is recomputed from intake + log every
// time. Weeks that have begun are replayed day by day against the check-ins (R-PAIN-3..5, R-ESC-1..3,
// R-PROG-2, R-PROG-3, R-LOG-1..3); from today on the plan is projected from where the runner stands.
import { baselineOf, judgeSession, worstPain, type Verdict } from './checkin.js';
import { addDays, daysBetween, shortDate } from './dates.js';
import {
  cautionNote,
  cautionReminder,
  escalationReason,
  escalationText,
  LogWatch,
  REFERRAL,
  withCautionReminder,
  type Found,
} from './escalation.js';
import { daysOf, type DayLog } from './log.js';
import { assemblePlan, assembleWeek, checkGoal, plan, planFrame, runOffsetsFor, type RunDays } from './plan.js';
import {
  cleanSessionsNeeded,
  afterWeekOne,
  courseOf,
  LIMP,
  levelUp,
  nextVolumeStage,
  projectWeek,
  runMinutesOf,
  runCeilingFor,
  startingStage,
  sum,
  type Course,
  type History,
  type Stage,
  type VolumeStage,
  type WeekLoad,
} from './progression.js';
import { EMERGENCY_ACTION, URGENT_ACTION } from './safety.js';
import type { DayItemsByKind } from './sessions.js';
import { REFERRALS, seriousLead } from './symptoms.js';
import { SEVERE_PAIN, triage } from './triage.js';
import type {
  CheckIn,
  Decision,
  Intake,
  LadderLevel,
  LoggedSession,
  NextSession,
  Plan,
  Progress,
  Session,
  SessionStatus,
  Stop,
  Templates,
  Triage,
  TriageReason,
  Week,
} from './types.js';
import { withFields } from './copy.js';

export interface Replanned {
  plan: Plan;
  progress: Progress;
}

/** A run of a week that has begun: logged, missed, or still to come. */
interface WeekRun {
  offset: number;
  minutes: number;
  level: LadderLevel | null;
  /** Unset in weeks wholly ahead. */
  status: SessionStatus | undefined;
  /** Minutes that count as done: a completed session's, else 0. */
  done: number;
}

/** What a replayed week came to: a setback repeats it (R-PAIN-2), a drop-back cuts it. */
interface WeekOutcome {
  /** A hold, a drop-back, a stop, a session not counted, a missed run, or pain at rest of 3 or more. */
  setback: boolean;
  dropped: boolean;
  /** Session check-ins logged in the week. */
  sessions: number;
  /** R-PHASE-1: a clean session logged late in a settle week, the 30-minute walk with no pain increase and no limp. */
  walkTest?: boolean;
}

/** Part of a week planned from one stage: a stop or a clearance mid-week starts a new one the day after. */
interface Segment {
  from: number;
  load: WeekLoad;
  /** Why the week changed course, for the week's "why". */
  because: string | null;
}

export function replan(intake: Intake, log: readonly CheckIn[], templates: Templates, today: string): Replanned {
  return new Replay(intake, log, templates, today).run();
}

/** The weeks of a re-plan that a view around today needs (see replanAround). */
export interface Around {
  /** Weeks that end before this date are replayed but not assembled. */
  from: string;
  /** The last date whose week is assembled, with every week up to the one holding the next run. */
  through: string;
}

/** A re-plan's weeks from `around.from` to the next run (or the plan's end), and the plan's name and triage. */
export interface ReplannedAround {
  weeks: Week[];
  name: string | null;
  triage: Plan['triage'];
  progress: Progress;
}

/**
 * The re-plan as `replan` makes it, but only the weeks a view around today shows: each week it
 * holds is the very week `replan` holds, and `progress` is the same, next session included. For a
 * team's rows, where the weeks long past and far ahead cost half a replay and are never shown.
 */
export function replanAround(
  intake: Intake,
  log: readonly CheckIn[],
  templates: Templates,
  today: string,
  around: Around,
): ReplannedAround {
  const replay = new Replay(intake, log, templates, today, around);
  const { plan: planned, progress } = replay.run();
  return { weeks: planned.weeks, name: planned.name, triage: planned.triage, progress };
}

/** A phase beyond the ladder in words: "continuous running", "the rebuild phase". */
const volumePhaseWords = (stage: VolumeStage): string =>
  stage.phase === 'continuous' ? 'continuous running' : `the ${stage.phase} phase`;

/** R-WEEK-4, as a check-in's decision says it. */
const LIMP_SETTLE =
  'Pain changes your stride: back to a settle week, whose 30-minute brisk walk with no limp comes before any run';

/** R-PHASE-1: the settle week's walk test is a clean session logged from its 4th day on (offset 3). */
const WALK_TEST_FROM = 3;

/** Decisions after which a week is repeated rather than grown (R-PAIN-2). */
const SETBACKS: ReadonlySet<Decision['kind']> = new Set([
  'drop-back',
  'hold',
  'not-counted',
  'off-plan',
  'stop',
  'stop-running',
]);

const isWaiting = (stage: Stage): boolean => stage.phase === 'settle' && stage.waiting;

/** The kind of week a stage plans: a change of kind mid-week re-plans the rest of the week. */
function courseKind(stage: Stage): 'waiting' | 'settle' | 'running' {
  return stage.phase !== 'settle' ? 'running' : stage.waiting ? 'waiting' : 'settle';
}

class Replay {
  private readonly rules: Templates['rules'];
  private readonly start: string;
  private readonly weekCount: number;
  private readonly days: RunDays;
  private readonly log: Map<string, DayLog>;

  private course!: Course;
  private triage!: Triage;
  private stage!: Stage;
  private readonly history: History = { weeks: [], lastFullWeekly: 0 };
  /** Symptoms logged at check-ins and not yet cleared. */
  private loggedSymptoms: string[] = [];
  /** Patterns in the log (R-ESC-1..3) not yet cleared: urgent reasons in the triage. */
  private found: TriageReason[] = [];
  private readonly clearedSymptoms = new Set<string>();
  private clearedByEntry = false;
  private stop: Stop | null = null;
  /** Where running resumes once a clinician clears the runner after a stop. */
  private resumeStage: Stage | null = null;
  private lastAdvance: string;
  /** R-PROG-2: the next level is earned and comes with the first run on or after this date (R-LOG-1). */
  private pendingAdvance: string | null = null;
  /** The last day with a run, logged or (from today on) planned; R-PROG-3 counts gaps from it. */
  private lastRun: string;
  private gapDropped = 0;
  /** A planned run went by without a check-in since the last run: the runner has stopped following the plan. */
  private missedRun = false;
  private restThrough: string | null = null;
  /** Pain at rest, setbacks and caution signs over time: what the patterns of R-ESC-1..4 and R-PAIN-5 read. */
  private watch: LogWatch;
  private readonly runDates: string[] = [];
  private readonly decisions: Decision[] = [];
  private readonly logged: LoggedSession[] = [];
  private readonly restPains: { date: string; value: number }[] = [];
  /** The last session logged on each day, as the week it falls in shows it. */
  private readonly loggedOn = new Map<string, LoggedSession>();
  private progress: Progress | null = null;
  private readonly dayItems: DayItemsByKind = new Map();

  constructor(
    private readonly intake: Intake,
    log: readonly CheckIn[],
    private readonly templates: Templates,
    private readonly today: string,
    /** Only the weeks around today are assembled (replanAround); the plan's notes are then left out. */
    private readonly around: Around | null = null,
  ) {
    this.rules = templates.rules;
    ({ start: this.start, weekCount: this.weekCount, days: this.days } = planFrame(intake, templates, today));
    this.log = daysOf(log, today);
    this.lastAdvance = this.start;
    this.lastRun = addDays(this.start, -1);
    this.watch = new LogWatch(this.rules, this.start, { phase: 'settle', waiting: false });
  }

  run(): Replanned {
    if (triage(this.intake, this.rules).level === 'emergency') {
      const planned = plan(this.intake, this.templates, this.today);
      this.stop = {
        level: 'emergency',
        reason: 'R-TRIAGE-1',
        since: this.today,
        text: reasonWords(planned.triage.reasons),
        advice: EMERGENCY_ACTION,
      };
      return { plan: planned, progress: { ...this.snapshot(), next: null } };
    }
    checkGoal(this.intake, this.templates);
    this.setTriage();
    this.stage = startingStage(this.course);
    this.watch = new LogWatch(this.rules, this.start, this.stage);
    if (this.triage.level === 'caution' && !this.triage.cleared) this.watch.cautionSince = this.start;
    if (this.triage.withheld) {
      const severe = this.triage.reasons.some((r) => r.id === SEVERE_PAIN);
      this.stop = {
        level: 'urgent',
        reason: severe ? 'R-PAIN-6' : 'R-TRIAGE-2',
        since: this.start,
        text: reasonWords(this.triage.reasons),
        advice: URGENT_ACTION,
      };
    }

    // A symptom logged ahead of the clock counts from today (daysOf), even before the plan's first
    // day, which the weeks below never replay: its red flag withholds the weeks to come.
    for (const date of [...this.log.keys()].filter((d) => d < this.start).sort()) {
      const symptoms = this.log.get(date)!.events.filter((e) => e.kind === 'symptoms');
      const outcome = { setback: false, dropped: false, sessions: 0 };
      if (symptoms.length > 0) this.replayDay(date, 0, { events: symptoms, sessions: 0 }, new Map(), [], outcome);
    }
    const weeks: Week[] = [];
    const loads: WeekLoad[] = [];
    for (let w = 0; w < this.weekCount; w++) {
      const weekStart = addDays(this.start, w * 7);
      const { segments, runs } =
        weekStart <= this.today ? this.replayWeek(w, weekStart) : this.projectAhead(w, weekStart);
      const previous = loads.at(-1);
      loads.push(segments.at(-1)!.load);
      const weekEnd = addDays(weekStart, 6);
      // Assembling a week changes nothing the replay goes on from: a week before the view is skipped,
      // and the weeks after it end the loop once today is read and the next run is among them.
      if (this.around && weekEnd < this.around.from) continue;
      weeks.push(this.assemble(segments, runs, w, weekStart, previous));
      const seen = this.around && weekEnd >= this.around.through && this.progress !== null;
      if (seen && nextIn(weeks, this.today)?.runMinutes) break;
    }
    // A check-in after the plan's last week still counts: its red flags and patterns stop running.
    const end = addDays(this.start, this.weekCount * 7);
    for (const date of [...this.log.keys()].filter((d) => d >= end).sort()) {
      this.replayDay(date, 0, this.log.get(date), new Map(), [], { setback: false, dropped: false, sessions: 0 });
    }
    this.progress ??= this.snapshot();
    const planned = assemblePlan(this.intake, this.templates, this.today, {
      start: this.start,
      weekCount: this.weekCount,
      days: this.days,
      loads,
      triage: withCautionReminder(this.triage, this.watch.cautionSince, this.today, this.rules),
      weeks: this.stop?.level === 'emergency' ? [] : weeks,
      notes: this.around ? [] : this.notes(),
    });
    return {
      plan: planned,
      progress: withFields(this.progress, { next: this.stop ? null : nextFrom(planned, this.today) }),
    };
  }

  // ---- weeks ----

  /** A week that has begun: its days up to today as logged, the rest projected. */
  private replayWeek(w: number, weekStart: string): { segments: Segment[]; runs: WeekRun[] } {
    this.dropForGap(weekStart);
    const stageAtStart = this.stage;
    const segments: Segment[] = [{ from: 0, load: this.loadFor(w), because: null }];
    let pending = this.plannedRuns(segments[0]!.load, 0);
    const runs: WeekRun[] = [];
    const outcome: WeekOutcome = { setback: false, dropped: false, sessions: 0 };

    for (let offset = 0; offset < 7; offset++) {
      const date = addDays(weekStart, offset);
      const kindBefore = courseKind(this.stage);
      const decisionsBefore = this.decisions.length;
      const day = date <= this.today ? this.log.get(date) : undefined;
      const runsToday = day?.events.some(
        (e) => e.kind === 'session' && (e.session.completed === 'yes' || e.session.completed === 'partial'),
      );
      if (
        this.leavesLadderOn(date) &&
        (runsToday || (pending.has(offset) && date >= this.today && this.mayRun(date)))
      ) {
        // R-LOG-1: the level earned comes with this day's run; out of walk/run, the rest of the week,
        // this day's run included, is planned from the new phase.
        segments.push(this.advanceInto(w, date, offset));
        pending = this.plannedRuns(segments.at(-1)!.load, offset);
      }
      if (date <= this.today) this.replayDay(date, offset, day, pending, runs, outcome);
      const logged = (day?.sessions ?? 0) > 0;
      if (date === this.today && !logged) this.dropForGap(date);
      const planned = pending.get(offset);
      if (!logged && planned !== undefined) {
        if (date >= this.today) {
          const budget = 'weekly' in this.stage ? sum(segments.at(-1)!.load.runs) : Infinity;
          this.placeRun(runs, weekStart, offset, planned, 'to-come', outcome.dropped, budget);
        } else if (this.mayRun(date)) {
          runs.push({
            offset,
            minutes: this.minutesNow(planned, outcome.dropped),
            level: this.ladderLevel(),
            status: 'missed',
            done: 0,
          });
          outcome.setback = true;
          this.missedRun = true;
        }
      }
      if (date === this.today) this.progress = this.snapshot();
      if (courseKind(this.stage) !== kindBefore && offset < 6) {
        // A stop, a clearance or a return to settle mid-week: the rest of the week follows the new stage.
        const load = this.loadFor(w);
        const because = this.decisions
          .slice(decisionsBefore)
          .map((d) => `${shortDate(d.date)}: ${d.text}`)
          .join(' ');
        segments.push({ from: offset + 1, load, because: because || null });
        pending = this.plannedRuns(load, offset + 1);
      }
    }
    this.closeWeek(weekStart, stageAtStart, segments.at(-1)!.load, runs, outcome);
    return { segments, runs };
  }

  /** The week's load from the current stage, leaving R-VOL-4's record of the last full week as it was. */
  private loadFor(w: number): WeekLoad {
    const lastFull = this.history.lastFullWeekly;
    const { load } = projectWeek(this.course, this.stage, w, this.history);
    this.history.lastFullWeekly = lastFull;
    return load;
  }

  /** The week's planned runs by day offset, from offset `from` on. */
  private plannedRuns(load: WeekLoad, from: number): Map<number, number> {
    const offsets = runOffsetsFor(this.days, load.runs.length);
    return new Map(offsets.map((offset, i) => [offset, load.runs[i]!] as const).filter(([offset]) => offset >= from));
  }

  /**
   * One day of the log, in the order it was logged (the morning's pain first); then the checks that
   * read the log so far. A clearance covers what was logged before it.
   */
  private replayDay(
    date: string,
    offset: number,
    day: DayLog | undefined,
    pending: Map<number, number>,
    runs: WeekRun[],
    outcome: WeekOutcome,
  ): void {
    for (const event of day?.events ?? []) {
      if (event.kind === 'session') this.logSession(event.session, date, offset, pending, runs, outcome);
      else if (event.kind === 'cleared') this.clear(date);
      else {
        if (event.kind === 'rest') {
          if (!event.morning) this.restPains.push({ date, value: event.pain });
          this.restPainLogged(date, event.pain, outcome, true);
        }
        if (event.symptoms.length > 0) this.symptomsLogged(date, event.symptoms, outcome);
      }
    }
    this.checkRestPainDays(date);
    this.checkImproving(date);
  }

  /** Symptoms logged without a session (beside a pain at rest, a morning entry, or alone): judged as at a check-in. */
  private symptomsLogged(date: string, symptoms: readonly string[], outcome: WeekOutcome): void {
    const verdict = judgeSession(
      { date, symptoms: [...symptoms] },
      { rules: this.rules, baseline: this.intake.pain, clearedSymptoms: this.clearedSymptoms },
    );
    if (verdict.kind === 'not-counted' || verdict.kind === 'clean') return;
    outcome.setback = true;
    this.sayNextWeek(this.decide(verdict, { date, symptoms: [...symptoms] }, date, null, null));
  }

  /** A week wholly after today: projected as in a plan made ahead, spaced after the runs before it. */
  private projectAhead(w: number, weekStart: string): { segments: Segment[]; runs: WeekRun[] } {
    if (this.progress === null) {
      this.dropForGap(this.today);
      this.progress = this.snapshot();
    }
    // An advance named for a day before this week comes with its first run (R-LOG-1).
    if (this.pendingAdvance !== null && this.pendingAdvance <= weekStart) this.applyPendingAdvance(weekStart);
    // While pain at rest is 3 or more (R-PAIN-5) the settle phase is not left, and no run is placed.
    const before = this.stage;
    const { load, next } = projectWeek(this.course, this.stage, w, this.history);
    const runs: WeekRun[] = [];
    const segments: Segment[] = [{ from: 0, load, because: null }];
    const offsets = runOffsetsFor(this.days, load.runs.length);
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i]!;
      const date = addDays(weekStart, offset);
      if (this.leavesLadderOn(date) && this.mayRun(date)) {
        segments.push(this.advanceInto(w, date, offset));
        for (const [later, minutes] of this.plannedRuns(segments.at(-1)!.load, offset))
          this.placeRun(runs, weekStart, later, minutes, undefined, false);
        break;
      }
      this.placeRun(runs, weekStart, offset, load.runs[i]!, undefined, false);
    }
    this.history.weeks.push({ runs: runs.map((r) => r.minutes), lighter: load.lighter });
    // R-VOL-4's "last full week" is a week beyond the ladder, as in a plan made ahead.
    if (!load.lighter && 'weekly' in before) this.history.lastFullWeekly = sum(runs.map((r) => r.minutes));
    const nextWeekStart = addDays(weekStart, 7);
    if (before.phase === 'walk-run') {
      this.history.lastFullWeekly = 0; // R-VOL-4's full week is one beyond the ladder (the plan made ahead's reading)
      // On the ladder, the week's runs as placed earn the next level (a run a rule took out earns nothing).
      this.stage = this.afterLadderWeek(runs, nextWeekStart);
    } else if (before.phase === 'settle') {
      this.stage = this.watch.restHighSince !== null ? before : next;
    } else if (this.stage !== before && 'weekly' in this.stage) {
      // A gap dropped the week as it was placed (R-PROG-3): the next week grows from the dropped one.
      const dropped = this.stage;
      this.stage = this.afterWeek(
        dropped,
        nextVolumeStage(dropped, this.history.lastFullWeekly, this.course),
        nextWeekStart,
      );
    } else if (this.stage !== before) {
      // A gap dropped a volume week back onto the ladder.
      this.stage = this.afterLadderWeek(runs, nextWeekStart);
    } else if (runs.length < load.runs.length && 'weekly' in before && 'weekly' in next) {
      // A run the spacing rules took out is not run: the next week grows from what is left.
      this.stage = this.afterWeek(
        before,
        nextVolumeStage(before, this.history.lastFullWeekly, this.course),
        nextWeekStart,
      );
    } else {
      this.stage = this.afterWeek(before, next, nextWeekStart);
    }
    return { segments, runs };
  }

  /** The stage after a ladder week: its runs at the current level, assumed clean, count toward the next (R-PROG-2). */
  private afterLadderWeek(runs: WeekRun[], nextWeekStart: string): Stage {
    if (this.stage.phase !== 'walk-run') return this.stage;
    const stage = afterWeekOne(this.stage);
    const level = this.templates.ladder[stage.index]!;
    const atLevel = runs.filter((r) => r.level === level).length;
    if (atLevel === 0) return stage;
    const needed = cleanSessionsNeeded(this.intake.runner, this.rules);
    const counted = { ...stage, clean: Math.min(needed, stage.clean + atLevel) };
    return counted.clean < needed ? counted : this.afterWeek(counted, levelUp(counted, this.course), nextWeekStart);
  }

  /** R-PROG-2 (at most one level per 7 days) for a week-boundary advance of the projection. */
  private afterWeek(before: Stage, next: Stage, nextWeekStart: string): Stage {
    if (!movedUp(before, next)) return next;
    if (daysBetween(this.lastAdvance, nextWeekStart) < 7) return before;
    this.lastAdvance = nextWeekStart;
    return next;
  }

  /** The stage the week after a replayed week starts in. */
  private closeWeek(
    weekStart: string,
    stageAtStart: Stage,
    load: WeekLoad,
    runs: WeekRun[],
    outcome: WeekOutcome,
  ): void {
    const nextWeekStart = addDays(weekStart, 7);
    const counted = runs.map((r) => (r.status === 'to-come' ? r.minutes : r.done));
    const total = sum(counted);
    this.history.weeks.push({ runs: counted.filter((m) => m > 0), lighter: load.lighter });
    if (!load.lighter && 'weekly' in stageAtStart) this.history.lastFullWeekly = total;
    const stage = this.stage;

    if (stage.phase === 'settle') {
      if (stage.waiting || this.watch.restHighSince !== null) return;
      // R-PHASE-1: a week over needs its walk test logged and pain kept low; the current week is assumed to.
      const weekOver = addDays(weekStart, 6) < this.today;
      if (outcome.setback || (weekOver && !outcome.walkTest)) return;
      this.stage = { phase: 'walk-run', index: 0, clean: 0, goalReached: false };
      this.lastAdvance = nextWeekStart;
      this.lastRun = addDays(nextWeekStart, -1);
      this.gapDropped = 0;
      return;
    }
    if (stage.phase === 'walk-run') {
      // Back on the ladder, a full week before a lighter one must come after it (R-VOL-4).
      this.history.lastFullWeekly = 0;
      this.stage = this.afterLadderWeek(
        runs.filter((r) => r.status === 'to-come'),
        nextWeekStart,
      );
      return;
    }
    if (!('weekly' in stage)) return;
    if (!('weekly' in stageAtStart)) {
      // Running resumed or began mid-week (a clearance, the continuous phase): the week after grows
      // from what this one held, under R-VOL-1 (below the R-VOL-3 base the ladder governs). A part
      // week is no full week for a lighter one to follow (R-VOL-4).
      this.history.lastFullWeekly = 0;
      const cap = Math.max(this.course.baseMinutes, Math.floor(total * this.rules.volumeCap));
      if (stage.weekly > cap) this.stage = this.volumeStage(cap, stage.runDays);
      return;
    }
    // R-PAIN-2: a week with a setback is repeated (a drop-back has already cut it); else it grows.
    let next = outcome.setback ? stage : nextVolumeStage(stage, this.history.lastFullWeekly, this.course);
    // R-VOL-1 on what was really run: next week grows from the logged week (below the R-VOL-3 base
    // the ladder governs, so up to the base is allowed).
    const cap = Math.max(this.course.baseMinutes, Math.floor(total * this.rules.volumeCap));
    if ('weekly' in next && !load.lighter && next.weekly > cap) next = this.volumeStage(cap, next.runDays);
    this.stage = next;
  }

  /** The volume phase a weekly load belongs to. */
  private volumeStage(weekly: number, runDays: number): Stage {
    const phase =
      weekly >= this.course.goal
        ? 'maintain'
        : weekly / runDays >= this.rules.continuousTargetMinutes && weekly >= this.course.baseMinutes
          ? 'rebuild'
          : 'continuous';
    // The continuous phase keeps the ladder's running days (R-PROG-1); more come with the rebuild.
    return {
      phase,
      weekly: Math.min(weekly, this.course.goal),
      runDays: phase === 'continuous' ? Math.min(runDays, this.days.ladderDays) : runDays,
    };
  }

  // ---- check-ins ----

  private logSession(
    session: CheckIn,
    date: string,
    offset: number,
    pending: Map<number, number>,
    runs: WeekRun[],
    outcome: WeekOutcome,
  ): void {
    // The pain at rest before the session is the day's latest, whatever the session brings (R-PAIN-5).
    if (session.painBefore !== undefined) this.restPainLogged(date, session.painBefore, outcome, false);
    const running = this.stage.phase !== 'settle';
    const ran = running && (session.completed === 'yes' || session.completed === 'partial');
    if (ran) {
      this.dropForGap(date);
      this.applyPendingAdvance(date);
    }
    const offPlan = ran ? this.offPlanRule(date) : null;
    const planned = pending.get(offset);
    const levelNow = this.ladderLevel();
    // R-LOG-2: a session keeps the level and minutes the plan had for it when it was logged.
    const level =
      session.plannedLevel !== undefined ? (this.templates.ladder[session.plannedLevel - 1] ?? levelNow) : levelNow;
    const minutes = running
      ? (session.plannedMinutes ?? this.minutesNow(planned ?? this.typicalRun(), outcome.dropped))
      : 0;
    const verdict = judgeSession(session, {
      rules: this.rules,
      baseline: baselineOf(session, this.intake.pain),
      clearedSymptoms: this.clearedSymptoms,
    });
    const otherLevel = levelNow !== null && level !== null && level.level !== levelNow.level ? level.level : null;
    const decided = this.decide(verdict, session, date, offPlan, otherLevel);
    // The walk test also needs pain at rest known to be below the line (R-PHASE-1): the pain before
    // it, else the last logged, else the intake's; a runner who logged no lower pain stays in settle.
    const restPainNow = this.watch.restPain?.value ?? this.intake.pain;
    if (
      !running &&
      decided.kind === 'clean' &&
      session.completed === 'yes' &&
      offset >= WALK_TEST_FROM &&
      restPainNow < this.rules.painThreshold
    )
      outcome.walkTest = true;
    const found = this.watch.afterSession(date, session, decided.kind, this.stop !== null);
    // A setback that stops running promises no next week of running (R-ESC-1, R-ESC-2).
    if (!found) this.sayNextWeek(decided);
    const decision = found ? this.escalate(date, found) : decided;
    outcome.sessions += 1;
    if (SETBACKS.has(decision.kind)) outcome.setback = true;
    if (verdict.kind === 'drop-back') outcome.dropped = true;

    const done = ran && session.completed === 'yes' ? minutes : 0;
    const loggedSession = withFields(session, { decision, runMinutes: done });
    this.logged.push(loggedSession);
    this.loggedOn.set(date, loggedSession);
    if (running && (ran || planned !== undefined)) {
      const status: SessionStatus =
        session.completed === 'yes' ? 'done' : session.completed === 'partial' ? 'partial' : 'not-done';
      runs.push({ offset, minutes, level, status, done });
    }
    if (ran) {
      this.lastRun = date;
      this.gapDropped = 0;
      this.missedRun = false;
      this.runDates.push(date);
    }
  }

  /**
   * R-LOG-3: a run on a day the plan kept free of running is kept and counted, but never clean.
   * Returns the rule it broke, with the reason in words.
   */
  private offPlanRule(date: string): { rule: string; why: string } | null {
    if (this.restThrough !== null && date <= this.restThrough) {
      return {
        rule: 'R-PAIN-3',
        why: `it was run inside the rest days after a hold or drop-back (no running until after ${shortDate(this.restThrough)})`,
      };
    }
    if (this.watch.restHighSince !== null && this.watch.restHighSince < date) {
      return { rule: 'R-PAIN-5', why: `it was run while pain at rest was ${this.rules.painThreshold}/10 or more` };
    }
    const last = this.runDates.at(-1);
    if (this.stage.phase === 'walk-run') {
      if (last !== undefined && daysBetween(last, date) < 2)
        return { rule: 'R-PROG-1', why: 'it was run the day after another run' };
      if (this.runDatesWithin7(date) >= this.rules.maxRunDaysPer7) {
        return { rule: 'R-PROG-1', why: `it was run ${this.rules.maxRunDaysPer7 + 1} in 7 days` };
      }
    }
    if (this.runDates.includes(addDays(date, -1)) && this.runDates.includes(addDays(date, -2))) {
      return { rule: 'R-WEEK-1', why: 'it was a third running day in a row' };
    }
    return null;
  }

  /** Applies one session's verdict to where the runner stands; returns the decision it makes. */
  private decide(
    verdict: Verdict,
    session: CheckIn,
    date: string,
    offPlan: { rule: string; why: string } | null,
    otherLevel: number | null,
  ): Decision {
    const because = `${verdict.rule}: ${verdict.reason}`;
    if (this.stop && verdict.kind !== 'stop' && verdict.kind !== 'stop-running') {
      // A walk or a session logged while running is stopped changes nothing until a clearance,
      // but its pain still owes the rest days of a drop-back or a hold, should a clearance come first.
      if (verdict.kind === 'drop-back') this.restThrough = addDays(date, this.rules.dropBackRestDays);
      if (verdict.kind === 'hold') this.restThrough = addDays(date, 1 + this.rules.holdExtraRestDays);
      return this.decision(
        date,
        verdict.kind,
        verdict.rule,
        `Logged (${because}). Running stays stopped until a clinician clears you (${this.stop.reason}).`,
      );
    }
    const alsoOffPlan = offPlan
      ? ` Also, ${offPlan.why}, on a day the plan kept free of running (${offPlan.rule}).`
      : '';
    switch (verdict.kind) {
      case 'stop':
      case 'stop-running': {
        this.loggedSymptoms.push(...verdict.symptoms.filter((id) => !this.loggedSymptoms.includes(id)));
        const level = verdict.kind === 'stop' ? 'emergency' : 'urgent';
        const lead = seriousLead(this.loggedSymptoms);
        const referrals = [
          ...(lead ? [lead] : []),
          ...verdict.symptoms.map((id) => REFERRALS[id]).filter((r): r is string => r !== undefined),
        ];
        this.stopRunning(
          date,
          level,
          verdict.rule,
          verdict.reason,
          level === 'emergency' ? EMERGENCY_ACTION : referrals.join(' ') || URGENT_ACTION,
        );
        const text =
          verdict.kind === 'stop'
            ? `Stop: get emergency care today (${because}).`
            : `Stop running until a doctor or physical therapist has assessed you and cleared you (${because}). Log "backplan checkin --cleared" once they have.`;
        return this.decision(date, verdict.kind, verdict.rule, text);
      }
      case 'drop-back': {
        const before = this.stage;
        this.stage = this.droppedBack(this.stage);
        this.pendingAdvance = null;
        this.restThrough = addDays(date, this.rules.dropBackRestDays);
        const days = this.rules.dropBackRestDays;
        const where =
          this.where(before) === this.where() ? `Back to the start of ${this.where()}` : `Drop back to ${this.upTo()}`;
        // A caution sign logged with the pain counts as with a hold (R-TRIAGE-3, R-WEEK-4).
        const limp = this.addCautionSigns(session, date) ? ` ${LIMP_SETTLE} (R-WEEK-4).` : '';
        return this.decision(
          date,
          'drop-back',
          verdict.rule,
          `${where}, and ${days} day${days === 1 ? '' : 's'} without running (${because}).${limp}${alsoOffPlan}`,
        );
      }
      case 'hold': {
        // Choice: the clean sessions a level needs come in a row, so a hold starts the count again.
        if (this.stage.phase === 'walk-run') this.stage = { ...this.stage, clean: 0 };
        this.pendingAdvance = null;
        const limp = this.addCautionSigns(session, date);
        this.restThrough = addDays(date, 1 + this.rules.holdExtraRestDays);
        if (limp) {
          return this.decision(date, 'hold', 'R-WEEK-4', `${LIMP_SETTLE} (R-WEEK-4; ${because}).`);
        }
        const extra = this.rules.holdExtraRestDays > 0 ? ', with an extra rest day' : '';
        return this.decision(date, 'hold', verdict.rule, `Hold at ${this.upTo()}${extra} (${because}).${alsoOffPlan}`);
      }
      case 'not-counted':
        if (offPlan) return this.offPlan(date, offPlan);
        return this.decision(
          date,
          'not-counted',
          verdict.rule,
          `Not counted: ${verdict.reason}; ${this.where()} again (${verdict.rule}).`,
        );
      default:
        if (offPlan) return this.offPlan(date, offPlan);
        if (otherLevel !== null) {
          return this.decision(
            date,
            'not-counted',
            'R-LOG-2',
            `Clean, but run at level ${otherLevel} while the log now has you at ${this.where()}: kept as logged, not counted toward the next level (R-LOG-2).`,
          );
        }
        return this.clean(date, verdict, session);
    }
  }

  private offPlan(date: string, offPlan: { rule: string; why: string }): Decision {
    const text = `Logged and counted, but not toward the next level: ${offPlan.why}, on a day the plan kept free of running (${offPlan.rule}).`;
    return this.decision(date, 'off-plan', offPlan.rule, text);
  }

  private escalate(date: string, { rule, pattern }: Found): Decision {
    this.found.push(escalationReason(rule, pattern));
    this.stopRunning(date, 'urgent', rule, pattern, REFERRAL[rule]);
    const resume = this.resumeStage ?? this.stage;
    return this.decision(date, 'stop-running', rule, escalationText(rule, pattern, this.where(resume)));
  }

  /** No running from here until a clearance; the gravest stop stays. */
  private stopRunning(date: string, level: Stop['level'], rule: string, text: string, advice: string): void {
    if (!isWaiting(this.stage)) this.resumeStage = this.stage;
    if (this.stop === null || (level === 'emergency' && this.stop.level !== 'emergency'))
      this.stop = { level, reason: rule, since: date, text, advice };
    this.pendingAdvance = null;
    this.setTriage();
    this.stage = { phase: 'settle', waiting: true };
  }

  /** A clean session: one more toward the next level, which comes when R-PROG-2 and R-PAIN-4 allow. */
  private clean(date: string, verdict: Verdict, session: CheckIn): Decision {
    const stage = this.stage;
    if (stage.phase === 'settle') {
      return this.decision(
        date,
        'clean',
        'R-PHASE-1',
        `Clean: pain stayed below ${this.rules.painThreshold}/10, which counts toward starting to run (R-PHASE-1).`,
      );
    }
    if (stage.phase !== 'walk-run') {
      return this.decision(
        date,
        'clean',
        'R-PAIN-3',
        `Clean session: ${this.where()} goes on as planned (${verdict.rule}: ${verdict.reason}).`,
      );
    }
    const needed = cleanSessionsNeeded(this.intake.runner, this.rules);
    const counted = { ...stage, clean: Math.min(needed, stage.clean + 1) };
    this.stage = counted;
    const levelNow = this.where();
    if (counted.clean < needed) {
      return this.decision(
        date,
        'clean',
        'R-PROG-2',
        `Clean session at ${levelNow}: ${counted.clean} of ${needed} toward the next level (R-PROG-2).`,
      );
    }
    const next = levelUp(counted, this.course);
    if (!movedUp(counted, next)) {
      return this.decision(
        date,
        'clean',
        'R-PROG-2',
        `Clean session: ${levelNow} again, the highest this plan goes for now (R-PROG-2).`,
      );
    }
    const trend = this.painTrend(date, session);
    if (trend) {
      this.pendingAdvance = null;
      return this.decision(
        date,
        'clean',
        'R-PAIN-4',
        `Clean session, but pain rose from last week (average ${trend.before.toFixed(1)} to ${trend.now.toFixed(1)}/10): ${levelNow} again (R-PAIN-4).`,
      );
    }
    const earliest = addDays(this.lastAdvance, 7);
    if (date < earliest) {
      this.pendingAdvance = earliest;
      const made = this.decision(
        date,
        'clean',
        'R-PROG-2',
        `Clean session: ${levelNow} is done; at most one level a week, so the next level starts with your first run on or after ${shortDate(earliest)} (R-PROG-2).`,
      );
      made.advanceFrom = earliest;
      return made;
    }
    this.stage = next;
    this.lastAdvance = date;
    this.pendingAdvance = null;
    return this.decision(
      date,
      'advance',
      'R-PROG-2',
      `Advance to ${this.where()} (R-PROG-2: ${needed} clean sessions at ${levelNow}).`,
    );
  }

  /** Whether an advance earned earlier comes due on this date and takes the runner out of walk/run. */
  private leavesLadderOn(date: string): boolean {
    const stage = this.stage;
    if (this.pendingAdvance === null || date < this.pendingAdvance || stage.phase !== 'walk-run') return false;
    if (stage.clean < cleanSessionsNeeded(this.intake.runner, this.rules)) return false;
    const next = levelUp(stage, this.course);
    return next.phase !== 'walk-run' && next.phase !== 'settle';
  }

  /** Applies an advance out of walk/run on this day, and plans the rest of the week from the new phase. */
  private advanceInto(w: number, date: string, offset: number): Segment {
    this.applyPendingAdvance(date);
    return { from: offset, load: this.loadFor(w), because: `From ${shortDate(date)}: ${this.where()} (R-PROG-2).` };
  }

  /** R-LOG-1: an advance earned earlier comes with the first run on or after its date. */
  private applyPendingAdvance(date: string): void {
    const stage = this.stage;
    if (this.pendingAdvance === null || date < this.pendingAdvance) return;
    this.pendingAdvance = null;
    if (stage.phase !== 'walk-run' || stage.clean < cleanSessionsNeeded(this.intake.runner, this.rules)) return;
    const next = levelUp(stage, this.course);
    if (!movedUp(stage, next)) return;
    const from = this.where();
    this.stage = next;
    this.lastAdvance = date;
    // Only what has happened is a decision; an advance the projection makes is shown by the plan itself.
    if (date <= this.today)
      this.decision(
        date,
        'advance',
        'R-PROG-2',
        `Advance to ${this.where()} (R-PROG-2: ${from} done, and a week since the last level).`,
      );
  }

  /** R-PAIN-4: the weekly average of logged pain, this week against last; set when it rose by the configured rise. */
  private painTrend(date: string, current: CheckIn): { before: number; now: number } | null {
    const average = (from: number, to: number): number | null => {
      const [first, last] = [addDays(date, -to), addDays(date, -from)];
      let [total, count] = [0, 0];
      const add = (session: CheckIn) => {
        const pain = worstPain(session);
        if (pain === null || session.date < first || session.date > last) return;
        total += pain;
        count += 1;
      };
      add(current);
      // The sessions logged so far, latest first: the replay logs them day by day, in date order.
      for (let i = this.logged.length - 1; i >= 0 && this.logged[i]!.date >= first; i--) add(this.logged[i]!);
      return count > 0 ? total / count : null;
    };
    const now = average(0, 6);
    const before = average(7, 13);
    return now !== null && before !== null && now - before >= this.rules.painRiseToBlock ? { before, now } : null;
  }

  /** R-PAIN-5: pain at rest of 3 or more keeps every run off until a later entry logs less. */
  private restPainLogged(date: string, pain: number, outcome: WeekOutcome, onItsOwn: boolean): void {
    const limit = this.rules.painThreshold;
    if (pain >= limit) {
      // R-PAIN-2: a week whose pain at rest reached the line earns no level: the count starts again.
      outcome.setback = true;
      this.pendingAdvance = null;
      if (this.stage.phase === 'walk-run') this.stage = { ...this.stage, clean: 0 };
    }
    const change = this.watch.restPainLogged(date, pain);
    if (!onItsOwn) return;
    if (change === 'high') {
      this.decision(
        date,
        'rest-pain',
        'R-PAIN-5',
        `Pain at rest ${pain}/10: no run until you log pain at rest below ${limit}/10 ("backplan checkin --rest-pain N") (R-PAIN-5).`,
      );
    } else if (change === 'eased') {
      this.decision(
        date,
        'rest-pain',
        'R-PAIN-5',
        this.stage.phase === 'settle'
          ? `Pain at rest ${pain}/10, below ${limit}/10: the settle week goes on, and running opens after its walk test (R-PAIN-5, R-PHASE-1).`
          : `Pain at rest ${pain}/10, below ${limit}/10: running can go on (R-PAIN-5).`,
      );
    }
    const found = this.stop ? null : this.watch.severeAtRest(date, pain);
    if (found) this.escalate(date, found);
  }

  /** R-PAIN-5: pain at rest of 3 or more for days in a row sends the runner back to settle, and its exit gate. */
  private checkRestPainDays(date: string): void {
    // While running is stopped, the stage running resumes at goes back to settle: a clearance
    // never skips the settle week's exit gate that the pain at rest made due.
    // (Stopped from the intake, there is no stage to resume yet: the clearance will start one.)
    const stopped = isWaiting(this.stage);
    const stage = stopped ? this.resumeStage : this.stage;
    const days = stage?.phase === 'settle' ? null : this.watch.restPainDays(date);
    if (days === null) return;
    const settle: Stage = { phase: 'settle', waiting: false, because: 'rest-pain' };
    if (stopped) this.resumeStage = settle;
    else this.stage = settle;
    this.pendingAdvance = null;
    this.decision(
      date,
      'rest-pain',
      'R-PAIN-5',
      `Pain at rest has stayed at ${this.rules.painThreshold}/10 or more for ${days} days (since ${shortDate(this.watch.restHighSince!)}): back to the settle phase, whose exit gate comes before any run (R-PAIN-5).`,
    );
  }

  /** R-ESC-3: not improving since the start or the last clearance (see LogWatch.notImproving). */
  private checkImproving(date: string): void {
    if (this.stop) return;
    const start = this.watch.start;
    const atTop =
      start.phase === 'maintain' ||
      (start.phase === 'walk-run' && (start.goalReached || start.index >= this.course.topIndex));
    const found = this.watch.notImproving(date, this.stage, atTop, (stage) => this.where(stage));
    if (found) this.escalate(date, found);
  }

  /** A clinician's clearance lifts every red flag and pattern logged so far (and the intake's); counters restart. */
  private clear(date: string): void {
    for (const id of [...this.intake.symptoms, ...this.loggedSymptoms]) this.clearedSymptoms.add(id);
    this.loggedSymptoms = [];
    this.found = [];
    this.clearedByEntry = true;
    const wasStopped = this.stop;
    this.stop = null;
    this.setTriage();
    if (isWaiting(this.stage)) {
      // After an emergency the way back starts with a settle week; after an urgent stop, where the runner was.
      this.stage =
        wasStopped?.level === 'emergency'
          ? { phase: 'settle', waiting: false }
          : (this.resumeStage ?? startingStage(this.course));
    }
    this.resumeStage = null;
    // R-PROG-3's drop for the weeks without running is due at the clearance, whatever day the plan
    // is seen on: running resumes from there, and R-ESC-3 counts from there.
    this.dropForGap(date);
    this.watch.clear(date, this.stage);
    const afterEmergency = wasStopped?.level === 'emergency';
    const rule = afterEmergency ? 'R-TRIAGE-1' : 'R-TRIAGE-2';
    // R-TRIAGE-1: no clearance lifts an emergency sign still there; the runner is told so.
    const stillThere = afterEmergency
      ? ` Go on only if the sign has gone (${wasStopped.text}); if it is still there or comes back, stop and get emergency care today.`
      : '';
    this.decisions.push({
      date,
      kind: 'cleared',
      rule,
      text: `Cleared by a clinician: the plan goes on from ${this.where()} (${rule}).${stillThere}`,
      phase: this.stage.phase,
      level: this.ladderLevel()?.level ?? null,
    });
  }

  /**
   * R-TRIAGE-3: a caution sign logged at a check-in caps the plan at walk/run from now on; a limp
   * means a settle week first (R-WEEK-4).
   */
  private addCautionSigns(session: CheckIn, date: string): boolean {
    const signs = (session.symptoms ?? []).filter(
      (id) => !this.clearedSymptoms.has(id) && !this.loggedSymptoms.includes(id),
    );
    if (signs.length === 0) return false;
    this.loggedSymptoms.push(...signs);
    this.setTriage();
    this.watch.cautionSince ??= date;
    if (signs.includes(LIMP) && this.stage.phase !== 'settle') {
      this.stage = { phase: 'settle', waiting: false, because: 'limp' };
      return true;
    }
    if (this.course.cautionCap && this.stage.phase !== 'settle' && this.stage.phase !== 'walk-run') {
      this.stage = { phase: 'walk-run', index: this.course.topIndex, clean: 0, goalReached: false };
    }
    return false;
  }

  /** R-PROG-3: more than N days without running drops one level per full week missed. */
  private dropForGap(date: string): void {
    if (this.stage.phase === 'settle') return;
    const without = daysBetween(this.lastRun, date) - 1;
    if (without <= this.rules.gapDaysBeforeDrop) return;
    const due = Math.floor(without / 7);
    let dropped = false;
    while (this.gapDropped < due) {
      const before = this.stage;
      this.stage = this.droppedBack(this.stage);
      this.gapDropped += 1;
      dropped ||= before !== this.stage;
    }
    const noRun = this.noRunToGrowFrom(date);
    if (noRun && 'weekly' in this.stage) {
      this.stage = this.ladderStageFor(this.stage);
      dropped = true;
    }
    if (dropped) {
      this.pendingAdvance = null;
      if (date > this.today) return; // the plan ahead shows it; only what has happened is a decision
      this.decisions.push({
        date,
        kind: 'drop-back',
        rule: 'R-PROG-3',
        phase: this.stage.phase,
        level: this.ladderLevel()?.level ?? null,
        text:
          `Drop back to ${this.where()}: ${without} days without running since ${shortDate(this.lastRun)} (R-PROG-3)` +
          (noRun ? ', and no run in the three weeks before to lengthen continuous runs from (R-VOL-2).' : '.'),
      });
    }
  }

  /** One level down: the ladder level below, or 80% of the weekly running beyond the ladder. */
  private droppedBack(stage: Stage): Stage {
    if (stage.phase === 'settle') return stage;
    if (stage.phase === 'walk-run')
      return { phase: 'walk-run', index: Math.max(0, stage.index - 1), clean: 0, goalReached: false };
    const first = this.templates.ladder[this.course.continuousAt];
    const floor = first ? runMinutesOf(first) * stage.runDays : 0;
    if (stage.weekly <= floor || !first) return this.ladderStageFor(stage);
    return this.volumeStage(Math.max(floor, Math.floor(stage.weekly * this.rules.downWeekFactor)), stage.runDays);
  }

  /** Back onto the ladder from a volume week: the highest walk/run level whose running is no more than a run now. */
  private ladderStageFor(stage: VolumeStage): Stage {
    const perRun = stage.weekly / Math.max(1, stage.runDays);
    const ladder = this.templates.ladder.slice(0, this.course.continuousAt);
    const index = ladder.reduce((best, level, i) => (runMinutesOf(level) <= perRun ? i : best), 0);
    return { phase: 'walk-run', index, clean: 0, goalReached: false };
  }

  /**
   * R-VOL-2 grows a single run from the longest of the weeks before; after weeks without running
   * that look-back is empty and continuous runs would restart at a couple of minutes. Where the
   * next run's week could not hold the ladder's first continuous run, running resumes on the
   * walk/run ladder instead (docs/rules.md), at the level a run of the dropped week allows.
   */
  private noRunToGrowFrom(date: string): boolean {
    const first = this.templates.ladder[this.course.continuousAt];
    if (!first || !('weekly' in this.stage)) return false;
    const days = daysBetween(this.start, date);
    // From a week's first day its own runs are ahead; from later days, next week's may be the first.
    const w = Math.floor(days / 7) + (days % 7 === 0 ? 0 : 1);
    return runCeilingFor(this.course, w, this.history) < runMinutesOf(first);
  }

  // ---- placing runs ----

  /** R-PROG-1 on the ladder, the rest days after a setback, and R-PAIN-5, counting the runs already logged. */
  private mayRun(date: string): boolean {
    if (this.stage.phase === 'settle' || this.watch.restHighSince !== null) return false;
    if (this.restThrough !== null && date <= this.restThrough) return false;
    const last = this.runDates.at(-1);
    if (last === date) return false;
    if (this.stage.phase !== 'walk-run') return true; // R-PROG-1 binds the walk/run phase, as in a plan made ahead
    if (last !== undefined && daysBetween(last, date) < 2) return false;
    return this.runDatesWithin7(date) < this.rules.maxRunDaysPer7;
  }

  /** The days with a run in the 7 days up to `date` (and any after it). */
  private runDatesWithin7(date: string): number {
    const after = addDays(date, -7);
    return this.runDates.filter((d) => d > after).length;
  }

  /**
   * Places a planned run unless a rule takes it out: R-PROG-1 spacing, rest after a setback,
   * R-PAIN-5, R-VOL-6, or (with runs logged beyond the plan this week) the week's planned running.
   */
  private placeRun(
    runs: WeekRun[],
    weekStart: string,
    offset: number,
    planned: number,
    status: SessionStatus | undefined,
    dropped: boolean,
    budget = Infinity,
  ): void {
    const date = addDays(weekStart, offset);
    if (!this.mayRun(date)) return;
    // R-PROG-3 for the runs ahead too, once the runner has missed a planned run: the next run
    // after a long gap is planned a level down, as it will be when logged. A gap the plan's own
    // days make (runs on one weekday, a week cut short by the goal) is not the runner's.
    if (this.missedRun) this.dropForGap(date);
    this.applyPendingAdvance(date);
    const minutes = this.minutesNow(planned, dropped);
    const total = sum(runs.map((r) => (r.status === 'to-come' || r.status === undefined ? r.minutes : r.done)));
    if (total + minutes > Math.min(this.course.goal, budget)) return;
    runs.push({ offset, minutes, level: this.ladderLevel(), status, done: 0 });
    this.runDates.push(date);
    this.lastRun = date;
    this.gapDropped = 0;
    this.missedRun = false;
  }

  /** A planned run's minutes now: the current ladder level's, or cut after a drop-back beyond the ladder. */
  private minutesNow(planned: number, dropped: boolean): number {
    const level = this.ladderLevel();
    if (level) return runMinutesOf(level);
    return dropped ? Math.floor(planned * this.rules.downWeekFactor) : planned;
  }

  private typicalRun(): number {
    const stage = this.stage;
    if ('weekly' in stage) return Math.floor(stage.weekly / Math.max(1, stage.runDays));
    return 0;
  }

  // ---- the pieces of the answer ----

  private assemble(
    segments: Segment[],
    runs: WeekRun[],
    w: number,
    weekStart: string,
    previous: WeekLoad | undefined,
  ): Week {
    runs.sort((a, b) => a.offset - b.offset);
    const signs =
      this.loggedSymptoms.length === 0
        ? this.intake
        : { ...this.intake, symptoms: [...this.intake.symptoms, ...this.loggedSymptoms] };
    const parts = segments.map((segment, i) => {
      const to = segments[i + 1]?.from ?? 7;
      const own = runs.filter((r) => r.offset >= segment.from && r.offset < to);
      const week = assembleWeek(
        {
          // The plan while waiting fits every sign reported so far, at intake or since (section 5b).
          templates: this.templates,
          intake: signs,
          weekStart,
          load: { ...segment.load, runs: own.map((r) => r.minutes) },
          runOffsets: own.map((r) => r.offset),
          runLevels: own.map((r) => r.level),
          dayItems: this.dayItems,
        },
        w,
        i === 0 ? previous : segments[i - 1]!.load,
      );
      return { week, from: addDays(weekStart, segment.from), to: addDays(weekStart, to) };
    });
    const week = parts.at(-1)!.week;
    // A level that came mid-week (R-LOG-1): the week is shown at the level it ends at.
    const lastLevel = runs.findLast((r) => r.level !== null)?.level;
    if (week.level !== null && lastLevel) week.level = lastLevel.level;
    if (parts.length > 1) {
      week.sessions = parts.flatMap((p) => p.week.sessions.filter((s) => s.date >= p.from && s.date < p.to));
      week.runMinutes = sum(runs.map((r) => r.minutes));
      const changes = segments.map((s) => s.because).filter((b): b is string => b !== null);
      week.why = `${changes.join(' ')} ${week.why}`;
    }
    const reminder = cautionReminder(weekStart, this.watch.cautionSince, this.rules, this.triage);
    if (reminder && this.triage.level === 'caution' && !this.triage.cleared) week.why = `${week.why} ${reminder}`;
    if (this.watch.restHighSince !== null && this.watch.restPain && week.end >= this.today) {
      week.why = `${week.why} No run until you log pain at rest below ${this.rules.painThreshold}/10: ${this.watch.restPain.value}/10 was logged on ${shortDate(this.watch.restPain.date)} (R-PAIN-5).`;
    }
    if (weekStart > this.today) return week;
    week.loggedRunMinutes = sum(runs.map((r) => r.done));
    for (const run of runs) {
      const date = addDays(weekStart, run.offset);
      const session = week.sessions.find((s) => s.date === date && s.runMinutes > 0);
      if (session && run.status) session.status = run.status;
    }
    for (let offset = 0; offset < 7; offset++) {
      const logged = this.loggedOn.get(addDays(weekStart, offset));
      if (!logged) continue;
      const session =
        week.sessions.find((s) => s.date === logged.date && s.runMinutes > 0) ??
        week.sessions.find((s) => s.date === logged.date);
      if (session) session.logged = summarise(logged);
    }
    return week;
  }

  private setTriage(): void {
    const baseCleared = this.intake.cleared || this.clearedByEntry;
    const logged = this.loggedSymptoms;
    const found = this.found;
    this.triage =
      logged.length === 0 && found.length === 0
        ? triage({ ...this.intake, cleared: baseCleared }, this.rules)
        : baseCleared
          ? triage(
              { symptoms: logged, age: this.intake.age, archingPain: false, firstEpisode: false, cleared: false },
              this.rules,
              found,
            )
          : triage(
              { ...this.intake, symptoms: [...this.intake.symptoms, ...logged], cleared: false },
              this.rules,
              found,
            );
    const { rules, ladder } = this.templates;
    this.course = courseOf({
      intake: this.intake,
      rules,
      ladder,
      triage: this.triage,
      weeks: this.weekCount,
      runDays: this.days.ladderDays,
      rebuildRunDays: this.days.rebuildDays,
    });
  }

  private ladderLevel(stage: Stage = this.stage): LadderLevel | null {
    if (stage?.phase !== 'walk-run') return null;
    const level = this.templates.ladder[stage.index]!;
    return level.walk > 0 ? level : null;
  }

  /** Where the runner stands, in words: "walk/run level 3", "continuous running". */
  private where(stage: Stage = this.stage): string {
    const level = this.ladderLevel(stage);
    if (level) return `walk/run level ${level.level}`;
    if (stage.phase === 'walk-run') return `continuous running (level ${this.templates.ladder[stage.index]!.level})`;
    if (stage.phase === 'settle') return stage.waiting ? 'no running' : 'the settle phase';
    return `${volumePhaseWords(stage)}, ${stage.weekly} min a week`;
  }

  /**
   * Where a setback leaves the runner, as a ceiling: beyond the ladder the week after also grows
   * from what this week really held (R-VOL-1), which a hold's rest day or a run not done makes less.
   */
  private upTo(): string {
    return 'weekly' in this.stage ? volumePhaseWords(this.stage) : this.where();
  }

  /** A hold or a drop-back beyond the ladder ends with the ceiling of next week (see upTo). */
  private sayNextWeek(decision: Decision): void {
    if (decision.kind === 'hold' || decision.kind === 'drop-back') decision.text += this.nextWeekCeiling();
  }

  /** The sentence that goes with upTo: the ceiling of next week, beyond the ladder. */
  private nextWeekCeiling(): string {
    if (!('weekly' in this.stage)) return '';
    const growth = Math.round((this.rules.volumeCap - 1) * 100);
    return ` Next week: at most ${this.stage.weekly} min, and no more than ${growth}% above what this week holds (R-VOL-1).`;
  }

  private decision(date: string, kind: Decision['kind'], rule: string, text: string): Decision {
    const made: Decision = {
      date,
      kind,
      rule,
      text,
      phase: this.stage.phase,
      level: this.ladderLevel()?.level ?? null,
    };
    this.decisions.push(made);
    return made;
  }

  private snapshot(): Progress {
    const stage = this.stage;
    const ladder = stage?.phase === 'walk-run';
    return {
      today: this.today,
      phase: stage?.phase ?? 'settle',
      stopped: this.stop,
      level: this.ladderLevel()?.level ?? null,
      cleanSessions: ladder ? stage.clean : 0,
      cleanNeeded: this.ladderLevel() ? cleanSessionsNeeded(this.intake.runner, this.rules) : null,
      decisions: [...this.decisions],
      sessions: [...this.logged],
      restThrough: this.restThrough,
      restPain: this.watch.restPain,
      restPains: [...this.restPains],
      next: null,
    };
  }

  private notes(): string[] {
    const notes: string[] = [];
    if (this.stop && this.stop.level === 'urgent' && this.stop.reason.startsWith('R-ESC')) {
      notes.push(
        `Running stopped on ${shortDate(this.stop.since)}: ${this.stop.text} (${this.stop.reason}). Log "backplan checkin --cleared" once a clinician has cleared you.`,
      );
    }
    if (this.watch.restHighSince !== null && this.watch.restPain) {
      notes.push(
        `Pain at rest ${this.watch.restPain.value}/10 on ${shortDate(this.watch.restPain.date)}: no run until you log pain at rest below ${this.rules.painThreshold}/10 with "backplan checkin --rest-pain N" (R-PAIN-5).`,
      );
    }
    if (this.watch.cautionSince !== null && this.triage.level === 'caution' && !this.triage.cleared) {
      notes.push(cautionNote(this.watch.cautionSince, this.today, this.rules, this.triage));
    }
    const missed = 'Planned runs with no check-in count as missed; log each session with "backplan checkin".';
    if (this.logged.length === 0) return this.start < this.today ? [...notes, missed] : notes;
    return [
      ...notes,
      `Re-planned from ${this.logged.length} check-in${this.logged.length === 1 ? '' : 's'} (R-PAIN-3). ${missed}`,
    ];
  }
}

function movedUp(before: Stage, after: Stage): boolean {
  if (before.phase === 'walk-run' && after.phase === 'walk-run') return after.index > before.index;
  return before.phase === 'walk-run' && after.phase !== 'walk-run' && after.phase !== 'settle';
}

function reasonWords(reasons: readonly TriageReason[]): string {
  return reasons
    .filter((r) => r.level === 'emergency' || r.level === 'urgent')
    .map((r) => r.text)
    .join('; ');
}

/** A check-in in a few words: "done · pain 1/2/1 · next morning 1 · clean". */
export function summarise(session: LoggedSession): string {
  const parts = [session.completed === 'yes' ? 'done' : session.completed === 'partial' ? 'partly done' : 'not done'];
  const pains = [session.painBefore, session.painDuring, session.painAfter].map((p) =>
    p === undefined ? '–' : String(p),
  );
  if (pains.some((p) => p !== '–')) parts.push(`pain before/during/after ${pains.join('/')}`);
  if (session.nextMorning !== undefined) parts.push(`next morning ${session.nextMorning}`);
  parts.push(session.decision.kind);
  return parts.join(' · ');
}

/**
 * R-LOG-1: the one answer to "what comes next" that `checkin`, `status` and `show` all give: the
 * first run from today on not yet logged; else the next session that is not rest.
 */
export function nextFrom(plan: Plan, today: string): NextSession | null {
  return nextIn(plan.weeks, today);
}

function nextIn(weeks: readonly Week[], today: string): NextSession | null {
  const ahead: Session[] = [];
  let loggedToday = false;
  for (const week of weeks) {
    if (week.end < today) continue;
    for (const s of week.sessions) {
      if (s.date === today && s.logged !== undefined) loggedToday = true;
      if (s.date < today || (s.status !== undefined && s.status !== 'to-come')) continue;
      if (s.runMinutes > 0) return nextSession(s);
      ahead.push(s);
    }
  }
  const found = ahead.find((s) => s.kind !== 'rest' && (s.date > today || !loggedToday));
  return found ? nextSession(found) : null;
}

const nextSession = (s: Session): NextSession => ({
  date: s.date,
  title: s.title,
  level: s.level ?? null,
  runMinutes: s.runMinutes,
});
