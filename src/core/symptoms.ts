// The red-flag checklist of shared/domain.md section 1, gravest first. This list is the
// safety contract of the tool, so it lives in code, not in an editable template.
import type { TriageReason } from './types.js';

export interface Symptom {
  id: string;
  level: TriageReason['level'];
  text: string;
  /** A few plain words, for places where space is short (calendar descriptions). */
  short: string;
}

/**
 * Section 5b: who to see for each reason, and how soon, in one line. Age 50+ with a first episode,
 * night pain, fever, weight loss, cancer history and trauma go to a doctor first; nerve signs to a
 * doctor or physical therapist; the caution signs to a physical therapist or a gait analysis.
 */
/** Caution signs that section 5b sends to a doctor (GP) first, not to a physical therapist. */
export const DOCTOR_FIRST_CAUTIONS: readonly string[] = ['first-episode-over-50', 'first-episode-age-unknown'];

/** The serious-pathology flags of the IFOMPT framework: weak alone, their concern grows together. */
const SERIOUS_FLAGS = new Set(['night-pain', 'fever', 'weight-loss', 'cancer-history', 'trauma']);

/** Two serious flags or more lead their referral lines with the soonest of them, so the runner need not work it out. */
export function seriousLead(ids: readonly string[]): string | null {
  return ids.filter((id) => SERIOUS_FLAGS.has(id)).length >= 2
    ? 'More than one of these signs together: see a doctor (GP) today, not in the days each alone allows.'
    : null;
}

export const REFERRALS: Readonly<Record<string, string>> = {
  'night-pain':
    'Night pain that rest does not ease: see a doctor (GP) within a few days; the same day if you ' +
    'also feel unwell, have lost weight or have had cancer.',
  'radiating-pain':
    'Pain shooting down a leg: see a doctor or physical therapist within 1-2 weeks; sooner if it ' +
    'spreads or numbness or weakness comes.',
  'numbness-tingling':
    'Numbness or tingling: see a doctor or physical therapist within a week; the same day, at an ' +
    'emergency department, if it reaches the groin or both legs.',
  'worse-sitting': 'Pain clearly worse when sitting: see a doctor or physical therapist within 1-2 weeks.',
  fever: 'Fever or feeling unwell with back pain: see a doctor (GP) today or tomorrow; rest until then, no exercise.',
  'weight-loss': 'Unexplained weight loss with back pain: see a doctor (GP) within a week.',
  'cancer-history':
    'New back pain after cancer: see a doctor (GP) or your cancer team within a few days; the same ' +
    'day if the pain is severe, at night, or with numbness or weakness.',
  trauma:
    'Pain after a fall, accident or impact: see a doctor (GP or urgent care) within 1-2 days; the ' +
    'same day if the impact was hard or you are over 50.',
  'not-improving': 'No better after about 4 weeks: see a doctor or physical therapist within 1-2 weeks.',
  'arching-under-20':
    'Under 20 with pain when arching backwards: see a doctor (GP or sports medicine) within 1-2 ' +
    'weeks to rule out a stress fracture; avoid arching backwards until then.',
  'arching-age-unknown':
    'Pain when arching backwards, age not given: under 20 this needs a doctor first; give your age ' +
    'so backplan can weigh it.',
  'first-episode-age-unknown':
    'A first episode of back pain, age not given: at 50 or over, see a doctor (GP) first, within 1-2 ' +
    'weeks; give your age so backplan can weigh it.',
  'first-episode-over-50':
    'A first episode of back pain at 50 or over: see a doctor (GP) first, within 1-2 weeks, to rule ' +
    'out other causes.',
  'worse-during-run':
    'Pain that builds during runs: book a physical therapist or a gait analysis in the next few ' + 'weeks.',
  'lingering-stiffness': 'Stiffness that never loosens: book a physical therapist in the next few weeks.',
  'hip-buttock': 'Pain into the hip or buttock: book a physical therapist in the next few weeks.',
  limp: 'Pain that changes your stride: book a physical therapist or a gait analysis in the next few weeks.',
};

export const SYMPTOMS: readonly Symptom[] = [
  {
    id: 'bladder-bowel',
    level: 'emergency',
    text: 'new trouble passing urine, or loss of bladder or bowel control',
    short: 'bladder or bowel trouble',
  },
  {
    id: 'saddle-numbness',
    level: 'emergency',
    text: 'numbness around the groin, buttocks or genitals',
    short: 'numbness in the groin or buttocks',
  },
  {
    id: 'leg-weakness',
    level: 'emergency',
    text: 'significant or worsening weakness in one or both legs',
    short: 'weak legs',
  },
  {
    id: 'both-legs',
    level: 'emergency',
    text: 'pain, numbness or tingling spreading into both legs',
    short: 'pain or tingling in both legs',
  },
  {
    id: 'night-pain',
    level: 'urgent',
    text: 'pain at night not eased by rest or changing position',
    short: 'night pain rest does not ease',
  },
  { id: 'radiating-pain', level: 'urgent', text: 'pain shooting down a leg', short: 'pain shooting down a leg' },
  { id: 'numbness-tingling', level: 'urgent', text: 'numbness or tingling', short: 'numbness or tingling' },
  { id: 'worse-sitting', level: 'urgent', text: 'pain clearly worse when sitting', short: 'pain worse sitting' },
  { id: 'fever', level: 'urgent', text: 'fever, chills or feeling unwell', short: 'fever or feeling unwell' },
  { id: 'weight-loss', level: 'urgent', text: 'unexplained weight loss', short: 'unexplained weight loss' },
  { id: 'cancer-history', level: 'urgent', text: 'a history of cancer', short: 'a history of cancer' },
  {
    id: 'trauma',
    level: 'urgent',
    text: 'a fall, accident or impact before the pain',
    short: 'a fall or impact before the pain',
  },
  {
    id: 'not-improving',
    level: 'urgent',
    text: 'no improvement after about 4 weeks of rest and changes',
    short: 'no better after 4 weeks',
  },
  {
    id: 'worse-during-run',
    level: 'caution',
    text: 'pain that builds mid-run or after',
    short: 'pain building during runs',
  },
  {
    id: 'lingering-stiffness',
    level: 'caution',
    text: 'stiffness that never fully loosens',
    short: 'stiffness that never loosens',
  },
  {
    id: 'hip-buttock',
    level: 'caution',
    text: 'pain into the hip or buttock, above the knee, without numbness',
    short: 'pain into hip or buttock',
  },
  { id: 'limp', level: 'caution', text: 'pain that changes your stride', short: 'a limp' },
];

/** Red flags that come from age and history rather than the checklist. */
export const ARCHING_UNDER_20: TriageReason = {
  id: 'arching-under-20',
  level: 'urgent',
  text: 'under 20 with pain when arching backwards (a stress fracture must be ruled out)',
};
/**
 * R-TRIAGE-2, conservative reading: pain when arching backwards with no age given is weighed as if
 * the runner were under 20 (the edges ask for the age; this holds for files that lack it).
 */
export const ARCHING_AGE_UNKNOWN: TriageReason = {
  id: 'arching-age-unknown',
  level: 'urgent',
  text: 'pain when arching backwards, age not given (under 20 a stress fracture must be ruled out)',
};
/** R-TRIAGE-3, the same conservative reading: a first episode with no age given is weighed as at 50 or over. */
export const FIRST_EPISODE_AGE_UNKNOWN: TriageReason = {
  id: 'first-episode-age-unknown',
  level: 'caution',
  text: 'a first-ever episode of back pain, age not given (at 50 or over it needs a doctor first)',
};
export const FIRST_EPISODE_OVER_50: TriageReason = {
  id: 'first-episode-over-50',
  level: 'caution',
  text: 'aged 50 or over with a first-ever episode of back pain',
};

const BY_ID = new Map(SYMPTOMS.map((s) => [s.id, s]));

export function findSymptom(id: string): Symptom | undefined {
  return BY_ID.get(id);
}

export const SYMPTOM_IDS: readonly string[] = SYMPTOMS.map((s) => s.id);
