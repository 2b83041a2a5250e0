// R-TRIAGE-1..3: sort the runner's red flags into a level that decides what the plan may hold.
import {
  ARCHING_AGE_UNKNOWN,
  ARCHING_UNDER_20,
  FIRST_EPISODE_AGE_UNKNOWN,
  FIRST_EPISODE_OVER_50,
  findSymptom,
  REFERRALS,
  seriousLead,
} from './symptoms.js';
import { EMERGENCY_ACTION, URGENT_ACTION } from './safety.js';
import type { Intake, Rules, Triage, TriageLevel, TriageReason } from './types.js';

/** The triage levels, least grave first. */
export const SEVERITY: Record<TriageLevel, number> = { clear: 0, caution: 1, urgent: 2, emergency: 3 };

/** The intake's answers triage reads; pain is left out where only logged symptoms count. */
export type TriageInput = Pick<Intake, 'symptoms' | 'age' | 'archingPain' | 'firstEpisode' | 'cleared'> & {
  pain?: number;
};

export function triageReasons(
  intake: Omit<TriageInput, 'cleared'>,
  rules: Pick<Rules, 'severeRestPain'>,
): TriageReason[] {
  const reasons: TriageReason[] = [];
  // R-PAIN-6: severe pain at rest is no "clear" start, whatever the checklist says.
  if (intake.pain !== undefined && intake.pain >= rules.severeRestPain)
    reasons.push(severePain(intake.pain, rules.severeRestPain));
  for (const id of new Set(intake.symptoms)) {
    const symptom = findSymptom(id);
    // Unknown ids are rejected at the edge; here an unknown id must not pass as "clear".
    reasons.push(symptom ? { ...symptom } : { id, level: 'urgent', text: `an unrecognised symptom (${id})` });
  }
  if (intake.archingPain && intake.age !== undefined && intake.age < 20) reasons.push({ ...ARCHING_UNDER_20 });
  if (intake.archingPain && intake.age === undefined) reasons.push({ ...ARCHING_AGE_UNKNOWN });
  if (intake.firstEpisode && intake.age !== undefined && intake.age >= 50) reasons.push({ ...FIRST_EPISODE_OVER_50 });
  if (intake.firstEpisode && intake.age === undefined) reasons.push({ ...FIRST_EPISODE_AGE_UNKNOWN });
  for (const reason of reasons) {
    const referral = REFERRALS[reason.id];
    if (referral) reason.referral = referral;
  }
  return reasons.sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level]);
}

/**
 * Section 5b: each reason's own line of who to see and how soon, most urgent first; two or more
 * serious flags together lead with the soonest of them, so the runner need not work it out.
 */
function referralLines(reasons: TriageReason[], level: TriageReason['level']): string {
  const lines = reasons.filter((r) => r.level === level && r.referral).map((r) => r.referral);
  const lead = level === 'urgent' ? seriousLead(reasons.map((r) => r.id)) : null;
  return (lead ? [lead, ...lines] : lines).join(' ');
}

/**
 * `found` adds reasons the log raised (R-ESC-1..3): they weigh as urgent red flags, and a
 * clearance lifts them as it lifts the intake's.
 */
export function triage(
  intake: TriageInput,
  rules: Pick<Rules, 'severeRestPain'>,
  found: readonly TriageReason[] = [],
): Triage {
  const reasons = [...triageReasons(intake, rules), ...found].sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level]);
  const level = reasons.reduce<TriageLevel>(
    (worst, r) => (SEVERITY[r.level] > SEVERITY[worst] ? r.level : worst),
    'clear',
  );
  const cleared = intake.cleared;
  switch (level) {
    case 'emergency':
      // R-TRIAGE-1: no clearance lifts an emergency symptom while it is reported.
      return { level, reasons, cleared, withheld: true, message: `No plan: ${EMERGENCY_ACTION}` };
    case 'urgent':
      // R-TRIAGE-2
      return cleared
        ? {
            level,
            reasons,
            cleared,
            withheld: false,
            message:
              'A clinician has cleared you to run. If any of these symptoms returns or worsens, stop running and go back to them.',
          }
        : {
            level,
            reasons,
            cleared,
            withheld: true,
            message: `No running in this plan: stop running until a clinician has cleared you. ${referralLines(reasons, 'urgent') || URGENT_ACTION} Until then the plan holds only what suits your signs while you wait for assessment. Once a clinician has cleared you to run, say so: "backplan checkin --cleared" for your saved plan, or --cleared with "backplan plan".`,
          };
    case 'caution':
      // R-TRIAGE-3
      return cleared
        ? {
            level,
            reasons,
            cleared,
            withheld: false,
            message:
              'A clinician has cleared you, so the plan may go beyond walk/run. Get assessed again if these signs persist.',
          }
        : {
            level,
            reasons,
            cleared,
            withheld: false,
            message: `An assessment is recommended. ${referralLines(reasons, 'caution')} Until the signs are gone or you are cleared, the plan stays in the walk/run phase.`,
          };
    default:
      return { level, reasons, cleared, withheld: false, message: '' };
  }
}

export const SEVERE_PAIN = 'severe-pain';

function severePain(pain: number, limit: number): TriageReason {
  return {
    id: SEVERE_PAIN,
    level: 'urgent',
    text: `severe pain at rest (${pain}/10; ${limit}/10 or more needs a doctor or physical therapist before you start)`,
    referral:
      // As soon as for a pain of 7 or more logged later (R-ESC-1): the same pain, the same urgency.
      'Severe pain at rest: see a doctor or physical therapist before you start, within a day or two; if ' +
      'numbness, weakness or bladder trouble appears, get emergency care.',
  };
}
