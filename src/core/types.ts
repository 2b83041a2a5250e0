// Shared shapes of the rules engine. Pure data: no functions, no I/O.
import type { COMPLETED, PHASES, RUNNER_TYPES, VOLUME_UNITS, WARMUP_SORENESS, WEEKDAYS } from './choices.js';

export type RunnerType = (typeof RUNNER_TYPES)[number];
export type VolumeUnit = (typeof VOLUME_UNITS)[number];
export type DistanceUnit = Exclude<VolumeUnit, 'min'>;
export type Weekday = (typeof WEEKDAYS)[number];
export type TriageLevel = 'clear' | 'caution' | 'urgent' | 'emergency';
export type Phase = (typeof PHASES)[number];
export type SessionKind = 'walk-run' | 'run' | 'walk' | 'cross-train' | 'core' | 'mobility' | 'rest';
export type ExerciseKind = Extract<SessionKind, 'walk' | 'cross-train' | 'core' | 'mobility' | 'rest'>;

/** What the runner told us. Validated at the edge; the core trusts its ranges. */
export interface Intake {
  name?: string;
  /** Pain at rest now, 0-10. */
  pain: number;
  symptoms: string[];
  /** Current weekly running volume in `units`; 0 means not running now. */
  weekly: number;
  units: VolumeUnit;
  runsPerWeek?: number;
  /** Longest run of the last 30 days, in `units`. */
  longestRun?: number;
  /** Pre-injury weekly volume in `units`: the plan's ceiling. */
  goalWeekly: number;
  /** R-VOL-7: the runner's easy pace in minutes per km or mile (`units`); absent: an assumed fast pace. */
  pace?: number;
  age?: number;
  firstEpisode: boolean;
  archingPain: boolean;
  runner: RunnerType;
  /** First day of the plan (YYYY-MM-DD); default: the next Monday after today. */
  start?: string;
  weeks?: number;
  /** Preferred running weekdays. */
  days?: Weekday[];
  /** A clinician has cleared the runner to run. */
  cleared: boolean;
}

export interface Rules {
  painThreshold: number;
  maxRunDaysPer7: number;
  cleanSessionsPerLevel: number;
  cleanSessionsPerLevelReturning: number;
  gapDaysBeforeDrop: number;
  dropBackPain: number;
  dropBackRestDays: number;
  holdExtraRestDays: number;
  /** R-PAIN-4: the rise of the weekly average of logged pain that blocks an advance. */
  painRiseToBlock: number;
  /** R-PAIN-5: days in a row of pain at rest at or above the threshold that send the runner back to settle. */
  restPainDaysToSettle: number;
  /** R-PAIN-6: pain at rest at intake at or above this needs a clinician first. */
  severeRestPain: number;
  /** R-ESC-1: any logged pain at or above this stops running until cleared. */
  escalationPain: number;
  /** R-ESC-2: a second drop-back within this many days stops running. */
  repeatDropBackDays: number;
  /** R-ESC-2: this many setbacks in a row stop running. */
  setbacksInRow: number;
  /** R-ESC-3: days without improvement that raise the not-improving flag. */
  notImprovingDays: number;
  /** R-ESC-4: days a caution sign may be reported before every output reminds the runner to book the assessment. */
  cautionReminderDays: number;
  volumeCap: number;
  singleRunCap: number;
  singleRunMinStepMinutes: number;
  baseThreshold: Record<VolumeUnit, number>;
  downWeekEvery: number;
  downWeekFactor: number;
  cutBackFactor: number;
  continuousTargetMinutes: number;
  /** R-VOL-8: the longest single run as a share of the goal week, once running is continuous. */
  singleRunShare: number;
  /** R-VOL-7: the pace that turns a distance into minutes when the runner gave none (a fast one). */
  assumedPaceMinutesPer: Record<DistanceUnit, number>;
  defaultWeeks: number;
  defaultRunDays: number;
  maxRebuildRunDays: number;
}

export interface LadderLevel {
  level: number;
  run: number;
  walk: number;
  repeats: number;
}

/** Section 5b: what an exercise loads, so the plan while waiting for assessment can leave it out. */
export type ExerciseLoad = 'extension' | 'nerve-tension' | 'exertion';

export interface Exercise {
  kind: ExerciseKind;
  title: string;
  minutes?: number;
  details: string;
  steps?: string[];
  loads?: ExerciseLoad[];
}

/** Day number in the plan week (1-7) to exercise ids. */
export type WeekSkeleton = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string[]>>;

export interface RunnerVariant {
  note: string;
  warmupMinutes?: number;
  cooldownMinutes?: number;
  runFocus?: string;
  week?: WeekSkeleton;
}

export interface PhaseVariant {
  week: WeekSkeleton;
}

export interface Template {
  name: string;
  description: string;
  warmupMinutes: number;
  cooldownMinutes: number;
  /** Day numbers (1-7) tried for running, most preferred first, when no --days are given. */
  runDayOrder: number[];
  afterRun: string[];
  runFocus: string;
  week: WeekSkeleton;
  /** Days that differ in a phase; applied before the runner-type variant. */
  phases: Partial<Record<Phase, PhaseVariant>>;
  runnerTypes: Partial<Record<RunnerType, RunnerVariant>>;
}

/** Everything the engine needs from plans/. */
export interface Templates {
  rules: Rules;
  ladder: LadderLevel[];
  exercises: Record<string, Exercise>;
  template: Template;
}

export interface TriageReason {
  id: string;
  level: Exclude<TriageLevel, 'clear'>;
  text: string;
  /** Section 5b: who to see for this reason, and how soon. */
  referral?: string;
}

export interface Triage {
  level: TriageLevel;
  reasons: TriageReason[];
  cleared: boolean;
  /** True when the plan holds no running because of a red flag (exit code 3). */
  withheld: boolean;
  /** What the runner should do, in plain words; empty when clear. */
  message: string;
}

export interface Session {
  date: string;
  kind: SessionKind;
  title: string;
  details: string;
  /** Length of the whole session in minutes (warm-up and cool-down included); 0 for rest. */
  minutes: number;
  runMinutes: number;
  /** The walk/run ladder level of a run on the ladder. */
  level?: number;
  /** Shared between sessions (a week's rest days hold one list): never changed once made. */
  rules: readonly string[];
  why: string;
  /** Set once the runner keeps a log: what became of a planned or logged run. */
  status?: SessionStatus;
  /** The check-in of the day in a few words, when one was logged. */
  logged?: string;
}

export type SessionStatus = 'done' | 'partial' | 'not-done' | 'missed' | 'to-come';

export interface Week {
  index: number;
  start: string;
  end: string;
  phase: Phase;
  /** Walk/run ladder level, when the week is on the ladder. */
  level: number | null;
  /** What must be true to start this week; otherwise repeat the week before. */
  gate: string;
  /** Why the week holds what it holds, naming the rules. */
  why: string;
  lighter: boolean;
  runMinutes: number;
  /** Running minutes the log shows as done, for weeks that have begun (with a log). */
  loggedRunMinutes?: number;
  sessions: Session[];
}

export interface SafetyNet {
  emergency: string[];
  emergencyAction: string;
  urgent: string[];
  urgentAction: string;
}

export interface Plan {
  schemaVersion: 1;
  name: string | null;
  today: string;
  start: string;
  end: string;
  runner: RunnerType;
  units: VolumeUnit;
  /** R-VOL-7: the pace distances were turned into minutes with; null when volumes are minutes. */
  pace: { units: DistanceUnit; minutesPer: number; text: string; assumed: boolean } | null;
  template: string;
  triage: Triage;
  weeks: Week[];
  notes: string[];
  safetyNet: SafetyNet;
  notice: string;
}

export type Completed = (typeof COMPLETED)[number];
export type WarmupSoreness = (typeof WARMUP_SORENESS)[number];

/**
 * One entry of the runner's log. A session check-in has `completed`; a next-morning pain logged
 * on its own the day after has `morning`; pain at rest on a day without a session has `restPain`;
 * a clinician's clearance has `cleared`.
 */
export interface CheckIn {
  date: string;
  completed?: Completed;
  painBefore?: number;
  /** The worst pain during the session. */
  painDuring?: number;
  painAfter?: number;
  nextMorning?: number;
  warmup?: WarmupSoreness;
  /** New symptom ids since the last check-in. */
  symptoms?: string[];
  note?: string;
  morning?: boolean;
  /** Pain at rest, logged on its own on any day (R-PAIN-5). */
  restPain?: number;
  cleared?: boolean;
  /** The ladder level and running minutes the plan had for the day when the session was logged (R-LOG-2). */
  plannedLevel?: number;
  plannedMinutes?: number;
}

export type DecisionKind =
  | 'stop'
  | 'stop-running'
  | 'drop-back'
  | 'hold'
  | 'off-plan'
  | 'not-counted'
  | 'clean'
  | 'advance'
  | 'cleared'
  | 'rest-pain';

/** What a check-in (or a gap without running) did to the plan, and the rule that did it. */
export interface Decision {
  date: string;
  kind: DecisionKind;
  rule: string;
  /** One line for the runner, naming the rule. */
  text: string;
  phase: Phase;
  /** The walk/run ladder level after the decision; null off the ladder. */
  level: number | null;
  /** R-PROG-2: the next level is earned and comes with the first run on or after this date (R-LOG-1). */
  advanceFrom?: string;
}

/** Why running is stopped, and since when: a red flag logged, or a pattern in the log (R-ESC-1..3). */
export interface Stop {
  level: 'emergency' | 'urgent';
  /** The rule that stopped it: R-TRIAGE-1, R-TRIAGE-2 or R-ESC-1..3. */
  reason: string;
  since: string;
  /** The pattern or symptom in plain words. */
  text: string;
  /** Who to see and how soon. */
  advice: string;
}

/** The next session the plan holds: the one `checkin`, `status` and `show` all name (R-LOG-1). */
export interface NextSession {
  date: string;
  title: string;
  /** The walk/run ladder level; null off the ladder. */
  level: number | null;
  runMinutes: number;
}

/** A session check-in with its next-morning pain folded in, and what it decided. */
export interface LoggedSession extends CheckIn {
  decision: Decision;
  /** Running minutes done (0 for a settle-week session or a session not completed). */
  runMinutes: number;
}

/** Where the runner stands today, from intake + log. */
export interface Progress {
  today: string;
  phase: Phase;
  /** Running is suspended by a red flag or a pattern in the log, until a clinician clears the runner. */
  stopped: Stop | null;
  level: number | null;
  cleanSessions: number;
  /** Clean sessions the level needs (R-PROG-2); null off the ladder. */
  cleanNeeded: number | null;
  decisions: Decision[];
  sessions: LoggedSession[];
  /** No running on or before this date (after a hold or a drop-back). */
  restThrough: string | null;
  /** The latest pain at rest logged (before a session, the next morning, or on its own): R-PAIN-5. */
  restPain: { date: string; value: number } | null;
  /** Every pain at rest logged on a day of its own (not a session's next-morning pain), in log order. */
  restPains: { date: string; value: number }[];
  /** The next run from today on, or the next session that is not rest; null while stopped. */
  next: NextSession | null;
}
