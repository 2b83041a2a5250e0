// Re-planning from the log. The plan is never stored: it is recomputed from intake + log every
// time. Weeks that have begun are replayed day by day against the check-ins (R-PAIN-3, R-PAIN-4,
// R-PROG-2, R-PROG-3); from today on the plan is projected from where the runner stands.
import { baselineOf, judgeSession, worstPain, type Verdict } from './checkin.js';
import { addDays, daysBetween, shortDate } from './dates.js';
import { assemblePlan, assembleWeek, checkGoal, plan, planFrame, runOffsetsFor, type RunDays } from './plan.js';
import {
  cleanSessionsNeeded, courseOf, levelUp, nextVolumeStage, projectWeek, runMinutesOf, startingStage, sum,
  type Course, type History, type Stage, type WeekLoad,
} from './progression.js';
import { triage } from './triage.js';
import type { CheckIn, Decision, Intake, LadderLevel, LoggedSession, Plan, Progress, Session, SessionStatus, Templates, Triage, Week } from './types.js';

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
  /** A hold, a drop-back, a stop, a session not counted, or a missed run. */
  setback: boolean;
  dropped: boolean;
  /** Session check-ins logged in the week. */
  sessions: number;
}

export function replan(intake: Intake, log: readonly CheckIn[], templates: Templates, today: string): Replanned {
  return new Replay(intake, log, templates, today).run();
}

/** Session check-ins in date order, each with the next-morning pain logged on its own the day after. */
function sessionsOf(log: readonly CheckIn[], today: string): CheckIn[] {
  const known = log.filter((e) => e.date <= today);
  const sessions = known.filter((e) => e.completed !== undefined).map((e) => ({ ...e }));
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const morning of known.filter((e) => e.morning && e.nextMorning !== undefined)) {
    const session = sessionBeforeMorning(sessions, morning.date);
    if (session) session.nextMorning = morning.nextMorning;
  }
  return sessions;
}

/** The session a next-morning pain belongs to: the last one logged the day before (or two, after a late night). */
export function sessionBeforeMorning<T extends CheckIn>(sessions: readonly T[], date: string): T | undefined {
  return sessions.filter((s) => s.date < date && daysBetween(s.date, date) <= 2).at(-1);
}

class Replay {
  private readonly rules: Templates['rules'];
  private readonly start: string;
  private readonly weekCount: number;
  private readonly days: RunDays;
  private readonly sessionsByDate = new Map<string, CheckIn[]>();
  private readonly clearances = new Set<string>();

  private course!: Course;
  private triage!: Triage;
  private stage!: Stage;
  private readonly history: History = { weeks: [], lastFullWeekly: 0 };
  /** Symptoms logged at check-ins and not yet cleared. */
  private loggedSymptoms: string[] = [];
  private readonly clearedSymptoms = new Set<string>();
  private clearedByEntry = false;
  private stopped: Progress['stopped'] = null;
  /** Where running resumes once a clinician clears the runner after a stop. */
  private resumeStage: Stage | null = null;
  private lastAdvance: string;
  /** The last day with a run, logged or (from today on) planned; R-PROG-3 counts gaps from it. */
  private lastRun: string;
  private gapDropped = 0;
  private restThrough: string | null = null;
  private readonly runDates: string[] = [];
  private readonly decisions: Decision[] = [];
  private readonly logged: LoggedSession[] = [];
  private progress: Progress | null = null;

  constructor(
    private readonly intake: Intake,
    log: readonly CheckIn[],
    private readonly templates: Templates,
    private readonly today: string,
  ) {
    this.rules = templates.rules;
    ({ start: this.start, weekCount: this.weekCount, days: this.days } = planFrame(intake, templates, today));
    for (const session of sessionsOf(log, today)) {
      const list = this.sessionsByDate.get(session.date) ?? [];
      list.push(session);
      this.sessionsByDate.set(session.date, list);
    }
    for (const entry of log) if (entry.cleared && entry.date <= today) this.clearances.add(entry.date);
    this.lastAdvance = this.start;
    this.lastRun = addDays(this.start, -1);
  }

  run(): Replanned {
    const intakeTriage = triage(this.intake);
    if (intakeTriage.level === 'emergency') return { plan: plan(this.intake, this.templates, this.today), progress: this.snapshot() };
    checkGoal(this.intake, this.templates);
    this.setTriage();
    this.stage = startingStage(this.course);

    const weeks: Week[] = [];
    const loads: WeekLoad[] = [];
    for (let w = 0; w < this.weekCount; w++) {
      const weekStart = addDays(this.start, w * 7);
      const { load, runs } = weekStart <= this.today ? this.replayWeek(w, weekStart) : this.projectAhead(w, weekStart);
      const previous = loads.at(-1);
      loads.push(load);
      weeks.push(this.assemble(load, runs, w, weekStart, previous));
    }
    this.progress ??= this.snapshot();
    const planned = assemblePlan(this.intake, this.templates, this.today, {
      start: this.start, weekCount: this.weekCount, triage: this.triage, days: this.days, loads,
      weeks: this.stopped === 'emergency' ? [] : weeks, notes: this.notes(),
    });
    return { plan: planned, progress: this.progress };
  }

  // ---- weeks ----

  /** A week that has begun: its days up to yesterday as logged, the rest projected. */
  private replayWeek(w: number, weekStart: string): { load: WeekLoad; runs: WeekRun[] } {
    this.dropForGap(weekStart);
    const stageAtStart = this.stage;
    const lastFull = this.history.lastFullWeekly;
    const { load } = projectWeek(this.course, this.stage, w, this.history);
    this.history.lastFullWeekly = lastFull;
    const offsets = runOffsetsFor(this.days, load.runs.length);
    const pending = new Map(offsets.map((offset, i) => [offset, load.runs[i]!]));
    const runs: WeekRun[] = [];
    const outcome: WeekOutcome = { setback: false, dropped: false, sessions: 0 };

    for (let offset = 0; offset < 7; offset++) {
      const date = addDays(weekStart, offset);
      const sessions = date <= this.today ? this.sessionsByDate.get(date) ?? [] : [];
      for (const session of sessions) this.logSession(session, date, offset, pending, runs, outcome);
      // A clearance covers what was reported before it: on its own day, after that day's sessions.
      if (date <= this.today && this.clearances.has(date)) this.clear(date);
      if (date === this.today && sessions.length === 0) this.dropForGap(date);
      const planned = pending.get(offset);
      if (sessions.length === 0 && planned !== undefined) {
        if (date >= this.today) {
          this.placeRun(runs, weekStart, offset, this.minutesNow(planned, outcome.dropped), 'to-come', 'weekly' in this.stage ? sum(load.runs) : Infinity);
        } else if (this.mayRun(date)) {
          runs.push({ offset, minutes: this.minutesNow(planned, outcome.dropped), level: this.ladderLevel(), status: 'missed', done: 0 });
          outcome.setback = true;
        }
      }
      if (date === this.today) this.progress = this.snapshot();
    }
    this.closeWeek(weekStart, stageAtStart, load, runs, outcome);
    return { load, runs };
  }

  /** A week wholly after today: projected as in a plan made ahead, spaced after the runs before it. */
  private projectAhead(w: number, weekStart: string): { load: WeekLoad; runs: WeekRun[] } {
    if (this.progress === null) {
      this.dropForGap(this.today);
      this.progress = this.snapshot();
    }
    const before = this.stage;
    const { load, next } = projectWeek(this.course, this.stage, w, this.history);
    const runs: WeekRun[] = [];
    runOffsetsFor(this.days, load.runs.length).forEach((offset, i) => this.placeRun(runs, weekStart, offset, load.runs[i]!, undefined));
    this.history.weeks.push({ runs: runs.map((r) => r.minutes), lighter: load.lighter });
    // R-VOL-4's "last full week" is a week beyond the ladder, as in a plan made ahead.
    if (!load.lighter && 'weekly' in before) this.history.lastFullWeekly = sum(runs.map((r) => r.minutes));
    if (runs.length < load.runs.length && 'weekly' in before && 'weekly' in next) {
      // A run the spacing rules took out is not run: the next week grows from what is left.
      return this.projected(load, runs, before, nextVolumeStage(before, this.history.lastFullWeekly, this.course), weekStart);
    }
    return this.projected(load, runs, before, next, weekStart);
  }

  private projected(load: WeekLoad, runs: WeekRun[], before: Stage, next: Stage, weekStart: string): { load: WeekLoad; runs: WeekRun[] } {
    this.stage = this.afterWeek(before, next, addDays(weekStart, 7));
    return { load, runs };
  }

  /** R-PROG-2 (at most one level per 7 days) for a week-boundary advance of the projection. */
  private afterWeek(before: Stage, next: Stage, nextWeekStart: string): Stage {
    if (!movedUp(before, next)) return next;
    if (daysBetween(this.lastAdvance, nextWeekStart) < 7) return before;
    this.lastAdvance = nextWeekStart;
    return next;
  }

  /** The stage the week after a replayed week starts in. */
  private closeWeek(weekStart: string, stageAtStart: Stage, load: WeekLoad, runs: WeekRun[], outcome: WeekOutcome): void {
    const nextWeekStart = addDays(weekStart, 7);
    const counted = runs.map((r) => (r.status === 'to-come' ? r.minutes : r.done));
    const total = sum(counted);
    this.history.weeks.push({ runs: counted.filter((m) => m > 0), lighter: load.lighter });
    if (!load.lighter && 'weekly' in stageAtStart) this.history.lastFullWeekly = total;
    const stage = this.stage;

    if (stage.phase === 'settle') {
      if (stage.waiting) return;
      // R-PHASE-1: a week over needs check-ins that kept pain low; the current week is assumed to.
      const weekOver = addDays(weekStart, 6) < this.today;
      if (outcome.setback || (weekOver && outcome.sessions === 0)) return;
      this.stage = { phase: 'walk-run', index: 0, clean: 0, goalReached: false };
      this.lastAdvance = nextWeekStart;
      this.lastRun = addDays(nextWeekStart, -1);
      this.gapDropped = 0;
      return;
    }
    if (stage.phase === 'walk-run') {
      const toCome = runs.filter((r) => r.status === 'to-come').length;
      if (toCome === 0) return;
      const needed = cleanSessionsNeeded(this.intake.runner, this.rules);
      const clean = Math.min(needed, stage.clean + toCome);
      const assumed = { ...stage, clean };
      this.stage = clean < needed ? assumed : this.afterWeek(assumed, levelUp(assumed, this.course), nextWeekStart);
      return;
    }
    if (!('weekly' in stageAtStart) || !('weekly' in stage)) return; // the continuous phase began this week
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
    const phase = weekly >= this.course.goal ? 'maintain'
      : weekly / runDays >= this.rules.continuousTargetMinutes && weekly >= this.course.baseMinutes ? 'rebuild' : 'continuous';
    // The continuous phase keeps the ladder's running days (R-PROG-1); more come with the rebuild.
    return { phase, weekly: Math.min(weekly, this.course.goal), runDays: phase === 'continuous' ? Math.min(runDays, this.days.ladderDays) : runDays };
  }

  // ---- check-ins ----

  private logSession(session: CheckIn, date: string, offset: number, pending: Map<number, number>, runs: WeekRun[], outcome: WeekOutcome): void {
    const running = this.stage.phase !== 'settle';
    const ran = running && (session.completed === 'yes' || session.completed === 'partial');
    if (ran) this.dropForGap(date);
    const planned = pending.get(offset);
    const minutes = running ? this.minutesNow(planned ?? this.typicalRun(), outcome.dropped) : 0;
    const level = this.ladderLevel();
    const verdict = judgeSession(session, {
      rules: this.rules,
      baseline: baselineOf(session, this.intake.pain),
      clearedSymptoms: this.clearedSymptoms,
    });
    const decision = this.decide(verdict, session, date);
    outcome.sessions += 1;
    if (decision.kind === 'drop-back' || decision.kind === 'hold' || decision.kind === 'not-counted' || decision.kind === 'stop' || decision.kind === 'stop-running') outcome.setback = true;
    if (decision.kind === 'drop-back') outcome.dropped = true;

    const done = ran && session.completed === 'yes' ? minutes : 0;
    this.logged.push({ ...session, decision, runMinutes: done });
    if (running && (ran || planned !== undefined)) {
      const status: SessionStatus = session.completed === 'yes' ? 'done' : session.completed === 'partial' ? 'partial' : 'not-done';
      runs.push({ offset, minutes, level, status, done });
    }
    if (ran) {
      this.lastRun = date;
      this.gapDropped = 0;
      this.runDates.push(date);
    }
  }

  /** Applies one session's verdict to where the runner stands; returns the decision it makes. */
  private decide(verdict: Verdict, session: CheckIn, date: string): Decision {
    const because = `${verdict.rule}: ${verdict.reason}`;
    switch (verdict.kind) {
      case 'stop':
      case 'stop-running': {
        this.loggedSymptoms.push(...verdict.symptoms.filter((id) => !this.loggedSymptoms.includes(id)));
        if (this.stage.phase !== 'settle' || !this.stage.waiting) this.resumeStage = this.stage;
        this.stopped = verdict.kind === 'stop' || this.stopped === 'emergency' ? 'emergency' : 'urgent'; // the gravest stays
        this.setTriage();
        this.stage = { phase: 'settle', waiting: true };
        const text = verdict.kind === 'stop'
          ? `Stop: get emergency care today (${because}).`
          : `Stop running until a doctor or physical therapist has assessed you and cleared you (${because}).`;
        return this.decision(date, verdict.kind, verdict.rule, text);
      }
      case 'drop-back': {
        this.stage = this.droppedBack(this.stage);
        this.restThrough = addDays(date, this.rules.dropBackRestDays);
        const days = this.rules.dropBackRestDays;
        return this.decision(date, 'drop-back', verdict.rule, `Drop back to ${this.where()}, and ${days} day${days === 1 ? '' : 's'} without running (${because}).`);
      }
      case 'hold': {
        // Choice: the clean sessions a level needs come in a row, so a hold starts the count again.
        if (this.stage.phase === 'walk-run') this.stage = { ...this.stage, clean: 0 };
        this.addCautionSigns(session);
        this.restThrough = addDays(date, 1 + this.rules.holdExtraRestDays);
        const extra = this.rules.holdExtraRestDays > 0 ? ', with an extra rest day' : '';
        return this.decision(date, 'hold', verdict.rule, `Hold at ${this.where()}${extra} (${because}).`);
      }
      case 'not-counted':
        return this.decision(date, 'not-counted', verdict.rule, `Not counted: ${verdict.reason}; ${this.where()} again (${verdict.rule}).`);
      default:
        return this.clean(date, verdict, session);
    }
  }

  /** A clean session: one more toward the next level, which comes when R-PROG-2 and R-PAIN-4 allow. */
  private clean(date: string, verdict: Verdict, session: CheckIn): Decision {
    const stage = this.stage;
    if (stage.phase === 'settle') {
      return this.decision(date, 'clean', 'R-PHASE-1', `Clean: pain stayed below ${this.rules.painThreshold}/10, which counts toward starting to run (R-PHASE-1).`);
    }
    if (stage.phase !== 'walk-run') {
      return this.decision(date, 'clean', 'R-PAIN-3', `Clean session: ${this.where()} goes on as planned (${verdict.rule}: ${verdict.reason}).`);
    }
    const needed = cleanSessionsNeeded(this.intake.runner, this.rules);
    const counted = { ...stage, clean: Math.min(needed, stage.clean + 1) };
    this.stage = counted;
    const levelNow = this.where();
    if (counted.clean < needed) {
      return this.decision(date, 'clean', 'R-PROG-2', `Clean session at ${levelNow}: ${counted.clean} of ${needed} toward the next level (R-PROG-2).`);
    }
    const next = levelUp(counted, this.course);
    if (!movedUp(counted, next)) {
      return this.decision(date, 'clean', 'R-PROG-2', `Clean session: ${levelNow} again, the highest this plan goes for now (R-PROG-2).`);
    }
    const earliest = addDays(this.lastAdvance, 7);
    if (date < earliest) {
      return this.decision(date, 'clean', 'R-PROG-2', `Clean session: ${levelNow} again; at most one level a week, so the next comes from ${shortDate(earliest)} (R-PROG-2).`);
    }
    const trend = this.painTrend(date, session);
    if (trend) {
      return this.decision(date, 'clean', 'R-PAIN-4', `Clean session, but pain rose from last week (average ${trend.before.toFixed(1)} to ${trend.now.toFixed(1)}/10): ${levelNow} again (R-PAIN-4).`);
    }
    this.stage = next;
    this.lastAdvance = date;
    return this.decision(date, 'advance', 'R-PROG-2', `Advance to ${this.where()} (R-PROG-2: ${needed} clean sessions at ${levelNow}).`);
  }

  /** R-PAIN-4: the weekly average of logged pain, this week against last; set when it rose. */
  private painTrend(date: string, current: CheckIn): { before: number; now: number } | null {
    const average = (from: number, to: number): number | null => {
      const values = [...this.logged, current]
        .filter((s) => daysBetween(s.date, date) >= from && daysBetween(s.date, date) <= to)
        .map(worstPain)
        .filter((p): p is number => p !== null);
      return values.length > 0 ? sum(values) / values.length : null;
    };
    const now = average(0, 6);
    const before = average(7, 13);
    return now !== null && before !== null && now > before ? { before, now } : null;
  }

  /** A clinician's clearance lifts every red flag logged so far (and the intake's). */
  private clear(date: string): void {
    for (const id of [...this.intake.symptoms, ...this.loggedSymptoms]) this.clearedSymptoms.add(id);
    this.loggedSymptoms = [];
    this.clearedByEntry = true;
    const wasStopped = this.stopped;
    this.stopped = null;
    this.setTriage();
    if (this.stage.phase === 'settle' && this.stage.waiting) {
      // After an emergency the way back starts with a settle week; after an urgent stop, where the runner was.
      this.stage = wasStopped === 'emergency' ? { phase: 'settle', waiting: false } : this.resumeStage ?? startingStage(this.course);
    }
    this.resumeStage = null;
    this.decisions.push({ date, kind: 'cleared', rule: 'R-TRIAGE-2', text: `Cleared by a clinician: the plan goes on from ${this.where()} (R-TRIAGE-2).`, phase: this.stage.phase, level: this.ladderLevel()?.level ?? null });
  }

  /** R-TRIAGE-3: a caution sign logged at a check-in caps the plan at walk/run from now on. */
  private addCautionSigns(session: CheckIn): void {
    const signs = (session.symptoms ?? []).filter((id) => !this.clearedSymptoms.has(id) && !this.loggedSymptoms.includes(id));
    if (signs.length === 0) return;
    this.loggedSymptoms.push(...signs);
    this.setTriage();
    if (this.course.cautionCap && this.stage.phase !== 'settle' && this.stage.phase !== 'walk-run') {
      this.stage = { phase: 'walk-run', index: this.course.topIndex, clean: 0, goalReached: false };
    }
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
    if (dropped) {
      this.decisions.push({
        date, kind: 'drop-back', rule: 'R-PROG-3', phase: this.stage.phase, level: this.ladderLevel()?.level ?? null,
        text: `Drop back to ${this.where()}: ${without} days without running since ${shortDate(this.lastRun)} (R-PROG-3).`,
      });
    }
  }

  /** One level down: the ladder level below, or 80% of the weekly running beyond the ladder. */
  private droppedBack(stage: Stage): Stage {
    if (stage.phase === 'settle') return stage;
    if (stage.phase === 'walk-run') return { phase: 'walk-run', index: Math.max(0, stage.index - 1), clean: 0, goalReached: false };
    const first = this.templates.ladder[this.course.continuousAt];
    const floor = first ? runMinutesOf(first) * stage.runDays : 0;
    if (stage.weekly <= floor || !first) {
      // Back onto the ladder: the highest walk/run level whose running is no more than a run now.
      const perRun = stage.weekly / Math.max(1, stage.runDays);
      const ladder = this.templates.ladder.slice(0, this.course.continuousAt);
      const index = ladder.reduce((best, level, i) => (runMinutesOf(level) <= perRun ? i : best), 0);
      return { phase: 'walk-run', index, clean: 0, goalReached: false };
    }
    return this.volumeStage(Math.max(floor, Math.floor(stage.weekly * this.rules.downWeekFactor)), stage.runDays);
  }

  // ---- placing runs ----

  /** R-PROG-1 on the ladder and the rest days after a hold or drop-back, counting the runs already logged. */
  private mayRun(date: string): boolean {
    if (this.stage.phase === 'settle') return false;
    if (this.restThrough !== null && date <= this.restThrough) return false;
    const last = this.runDates.at(-1);
    if (last === date) return false;
    if (this.stage.phase !== 'walk-run') return true; // R-PROG-1 binds the walk/run phase, as in a plan made ahead
    if (last !== undefined && daysBetween(last, date) < 2) return false;
    return this.runDates.filter((d) => daysBetween(d, date) < 7).length < this.rules.maxRunDaysPer7;
  }

  /**
   * Places a planned run unless a rule takes it out: R-PROG-1 spacing, rest after a setback,
   * R-VOL-6, or (with runs logged beyond the plan this week) the week's planned running.
   */
  private placeRun(runs: WeekRun[], weekStart: string, offset: number, minutes: number, status: SessionStatus | undefined, budget = Infinity): void {
    const date = addDays(weekStart, offset);
    if (!this.mayRun(date)) return;
    const total = sum(runs.map((r) => (r.status === 'to-come' || r.status === undefined ? r.minutes : r.done)));
    if (total + minutes > Math.min(this.course.goal, budget)) return;
    runs.push({ offset, minutes, level: this.ladderLevel(), status, done: 0 });
    this.runDates.push(date);
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

  private assemble(load: WeekLoad, runs: WeekRun[], w: number, weekStart: string, previous: WeekLoad | undefined): Week {
    runs.sort((a, b) => a.offset - b.offset);
    const shown: WeekLoad = { ...load, runs: runs.map((r) => r.minutes) };
    const week = assembleWeek({
      templates: this.templates, intake: this.intake, weekStart, load: shown,
      runOffsets: runs.map((r) => r.offset), runLevels: runs.map((r) => r.level),
    }, w, previous);
    if (weekStart > this.today) return week;
    week.loggedRunMinutes = sum(runs.map((r) => r.done));
    for (const run of runs) {
      const session = week.sessions.find((s) => s.date === addDays(weekStart, run.offset) && s.runMinutes > 0);
      if (session && run.status) session.status = run.status;
    }
    for (const logged of this.logged.filter((s) => s.date >= weekStart && s.date <= week.end)) {
      const session = week.sessions.find((s) => s.date === logged.date && s.runMinutes > 0) ?? week.sessions.find((s) => s.date === logged.date);
      if (session) session.logged = summarise(logged);
    }
    return week;
  }

  private setTriage(): void {
    const baseCleared = this.intake.cleared || this.clearedByEntry;
    const logged = this.loggedSymptoms;
    this.triage = logged.length === 0
      ? triage({ ...this.intake, cleared: baseCleared })
      : baseCleared
        ? triage({ symptoms: logged, age: this.intake.age, archingPain: false, firstEpisode: false, cleared: false })
        : triage({ ...this.intake, symptoms: [...this.intake.symptoms, ...logged], cleared: false });
    const { rules, ladder } = this.templates;
    this.course = courseOf({
      intake: this.intake, rules, ladder, triage: this.triage, weeks: this.weekCount,
      runDays: this.days.ladderDays, rebuildRunDays: this.days.rebuildDays,
    });
  }

  private ladderLevel(): LadderLevel | null {
    const stage = this.stage;
    if (stage?.phase !== 'walk-run') return null;
    const level = this.templates.ladder[stage.index]!;
    return level.walk > 0 ? level : null;
  }

  /** Where the runner stands, in words: "walk/run level 3", "continuous running". */
  private where(): string {
    const stage = this.stage;
    const level = this.ladderLevel();
    if (level) return `walk/run level ${level.level}`;
    if (stage.phase === 'walk-run') return `continuous running (level ${this.templates.ladder[stage.index]!.level})`;
    if (stage.phase === 'settle') return stage.waiting ? 'no running' : 'the settle phase';
    return `${stage.phase === 'continuous' ? 'continuous running' : `the ${stage.phase} phase`}, ${stage.weekly} min a week`;
  }

  private decision(date: string, kind: Decision['kind'], rule: string, text: string): Decision {
    const made: Decision = { date, kind, rule, text, phase: this.stage.phase, level: this.ladderLevel()?.level ?? null };
    this.decisions.push(made);
    return made;
  }

  private snapshot(): Progress {
    const stage = this.stage;
    const ladder = stage?.phase === 'walk-run';
    const emergency = triage(this.intake).level === 'emergency';
    return {
      today: this.today,
      phase: stage?.phase ?? 'settle',
      stopped: emergency ? 'emergency' : this.stopped,
      level: this.ladderLevel()?.level ?? null,
      cleanSessions: ladder ? stage.clean : 0,
      cleanNeeded: this.ladderLevel() ? cleanSessionsNeeded(this.intake.runner, this.rules) : null,
      decisions: [...this.decisions],
      sessions: [...this.logged],
      restThrough: this.restThrough,
    };
  }

  private notes(): string[] {
    const missed = 'Planned runs with no check-in count as missed; log each session with "backplan checkin".';
    if (this.logged.length === 0) return this.start < this.today ? [missed] : [];
    return [`Re-planned from ${this.logged.length} check-in${this.logged.length === 1 ? '' : 's'} (R-PAIN-3). ${missed}`];
  }
}

function movedUp(before: Stage, after: Stage): boolean {
  if (before.phase === 'walk-run' && after.phase === 'walk-run') return after.index > before.index;
  return before.phase === 'walk-run' && after.phase !== 'walk-run' && after.phase !== 'settle';
}

/** A check-in in a few words: "done · pain 1/2/1 · next morning 1 · clean". */
export function summarise(session: LoggedSession): string {
  const parts = [session.completed === 'yes' ? 'done' : session.completed === 'partial' ? 'partly done' : 'not done'];
  const pains = [session.painBefore, session.painDuring, session.painAfter].map((p) => (p === undefined ? '–' : String(p)));
  if (pains.some((p) => p !== '–')) parts.push(`pain before/during/after ${pains.join('/')}`);
  if (session.nextMorning !== undefined) parts.push(`next morning ${session.nextMorning}`);
  parts.push(session.decision.kind);
  return parts.join(' · ');
}

/** The next run after `date` (on or after `today`); else the next session that is not rest. */
export function nextSession(plan: Plan, date: string, today: string): Session | null {
  const ahead = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.date > date && s.date >= today && (s.status === undefined || s.status === 'to-come'));
  return ahead.find((s) => s.runMinutes > 0) ?? ahead.find((s) => s.kind !== 'rest') ?? null;
}
