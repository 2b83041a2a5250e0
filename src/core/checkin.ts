// R-PAIN-3: what one logged session says on its own, most severe first. Whether a clean session
// earns the next level (R-PROG-2, R-PAIN-4) depends on the runner's history: see replay.ts.
import { findSymptom } from './symptoms.js';
import type { CheckIn, Rules } from './types.js';

export type Verdict =
  | { kind: 'stop' | 'stop-running'; rule: 'R-TRIAGE-1' | 'R-TRIAGE-2'; reason: string; symptoms: string[] }
  | { kind: 'drop-back' | 'hold' | 'not-counted' | 'clean'; rule: string; reason: string };

export interface JudgeContext {
  rules: Rules;
  /** Pain at rest the next morning, and the pain after when none was logged before, may not rise above (R-PAIN-3). */
  baseline: number;
  /** Symptoms a clinician has cleared the runner with: reporting them again is no new red flag. */
  clearedSymptoms: ReadonlySet<string>;
}

/** The pain baseline of a session: the pain logged before it, else the pain at rest at intake. */
export function baselineOf(session: CheckIn, intakePain: number): number {
  return session.painBefore ?? intakePain;
}

/** The highest pain an entry logged, at rest or running: what R-ESC-1 and R-ESC-3 read. */
export function highestPain(entry: CheckIn): number | null {
  return highest(entry.painBefore, entry.painDuring, entry.painAfter, entry.nextMorning, entry.restPain);
}

/** The worst pain a session logged (during, after, next morning): what the weekly pain trend averages. */
export function worstPain(session: CheckIn): number | null {
  return highest(session.painDuring, session.painAfter, session.nextMorning);
}

/** The highest of the pains given; null when none was. */
function highest(...pains: (number | undefined)[]): number | null {
  let top: number | null = null;
  for (const pain of pains) if (pain !== undefined && (top === null || pain > top)) top = pain;
  return top;
}

export function judgeSession(session: CheckIn, { rules, baseline, clearedSymptoms }: JudgeContext): Verdict {
  const symptoms = [...new Set(session.symptoms ?? [])];
  const emergency = symptoms.filter((id) => findSymptom(id)?.level === 'emergency');
  if (emergency.length > 0)
    return { kind: 'stop', rule: 'R-TRIAGE-1', reason: symptomWords(emergency), symptoms: emergency };
  const urgent = symptoms.filter((id) => findSymptom(id)?.level === 'urgent');
  if (urgent.length > 0) {
    // Conservative reading of "new since clearance": one that comes back after it stops running
    // again, as the plan's safety net tells the runner it will (R-SAFE-1).
    const again = urgent.filter((id) => clearedSymptoms.has(id));
    const reason = [
      ...(urgent.length > again.length ? [symptomWords(urgent.filter((id) => !clearedSymptoms.has(id)))] : []),
      ...(again.length > 0 ? [`${symptomWords(again)} again after a clinician cleared you`] : []),
    ].join('; ');
    return { kind: 'stop-running', rule: 'R-TRIAGE-2', reason, symptoms: urgent };
  }

  const limit = rules.painThreshold;
  const drop: string[] = [];
  if ((session.painDuring ?? 0) >= rules.dropBackPain) drop.push(`pain during ${session.painDuring}/10`);
  if ((session.nextMorning ?? 0) >= rules.dropBackPain) drop.push(`next-morning pain ${session.nextMorning}/10`);
  if (drop.length > 0) return { kind: 'drop-back', rule: 'R-PAIN-3', reason: drop.join('; ') };

  const hold: { rule: string; reason: string }[] = [];
  const during = session.painDuring ?? 0;
  if (during >= limit) hold.push({ rule: 'R-PAIN-3', reason: `pain during ${during}/10` });
  // With no pain logged before the session, the pain after is weighed against the baseline.
  const before = session.painBefore ?? baseline;
  if (session.painAfter !== undefined && session.painAfter > before) {
    hold.push({
      rule: 'R-PAIN-3',
      reason:
        session.painBefore !== undefined
          ? `pain after ${session.painAfter}/10, higher than before (${session.painBefore}/10)`
          : `pain after ${session.painAfter}/10, higher than your baseline of ${before}/10 (no pain before was logged)`,
    });
  }
  if (session.nextMorning !== undefined && session.nextMorning > baseline) {
    hold.push({
      rule: 'R-PAIN-3',
      reason: `next-morning pain ${session.nextMorning}/10, above your baseline of ${baseline}/10`,
    });
  }
  if (session.warmup === 'stayed') hold.push({ rule: 'R-PAIN-3', reason: 'soreness in the warm-up that did not ease' });
  if ((session.painBefore ?? 0) >= limit)
    hold.push({ rule: 'R-PAIN-1', reason: `pain at rest ${session.painBefore}/10 before the session` });
  const caution = symptoms.filter((id) => findSymptom(id)?.level === 'caution' && !clearedSymptoms.has(id));
  if (caution.length > 0) hold.push({ rule: 'R-TRIAGE-3', reason: `a new caution sign: ${symptomWords(caution)}` });
  const again = symptoms.filter((id) => clearedSymptoms.has(id)); // caution signs: urgent ones stopped above
  if (again.length > 0)
    hold.push({ rule: 'R-PAIN-3', reason: `${symptomWords(again)} again, which a clinician cleared you with` });
  if (hold.length > 0) return { kind: 'hold', rule: hold[0]!.rule, reason: hold.map((h) => h.reason).join('; ') };

  if (session.completed !== 'yes') {
    return {
      kind: 'not-counted',
      rule: 'R-PAIN-3',
      reason: session.completed === 'partial' ? 'the session was not completed' : 'the session was not done',
    };
  }
  return {
    kind: 'clean',
    rule: 'R-PAIN-3',
    reason: `pain during ${during}/10${session.nextMorning !== undefined ? `, next morning ${session.nextMorning}/10` : ''}`,
  };
}

function symptomWords(ids: string[]): string {
  return ids.map((id) => findSymptom(id)?.text ?? id).join('; ');
}
