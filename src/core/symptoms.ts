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

export const SYMPTOMS: readonly Symptom[] = [
  { id: 'bladder-bowel', level: 'emergency', text: 'new trouble passing urine, or loss of bladder or bowel control', short: 'bladder or bowel trouble' },
  { id: 'saddle-numbness', level: 'emergency', text: 'numbness around the groin, buttocks or genitals', short: 'numbness in the groin or buttocks' },
  { id: 'leg-weakness', level: 'emergency', text: 'significant or worsening weakness in one or both legs', short: 'weak legs' },
  { id: 'both-legs', level: 'emergency', text: 'pain, numbness or tingling spreading into both legs', short: 'pain or tingling in both legs' },
  { id: 'night-pain', level: 'urgent', text: 'pain at night not eased by rest or changing position', short: 'night pain rest does not ease' },
  { id: 'radiating-pain', level: 'urgent', text: 'pain shooting down a leg', short: 'pain shooting down a leg' },
  { id: 'numbness-tingling', level: 'urgent', text: 'numbness or tingling', short: 'numbness or tingling' },
  { id: 'worse-sitting', level: 'urgent', text: 'pain clearly worse when sitting', short: 'pain worse sitting' },
  { id: 'fever', level: 'urgent', text: 'fever, chills or feeling unwell', short: 'fever or feeling unwell' },
  { id: 'weight-loss', level: 'urgent', text: 'unexplained weight loss', short: 'unexplained weight loss' },
  { id: 'cancer-history', level: 'urgent', text: 'a history of cancer', short: 'a history of cancer' },
  { id: 'trauma', level: 'urgent', text: 'a fall, accident or impact before the pain', short: 'a fall or impact before the pain' },
  { id: 'not-improving', level: 'urgent', text: 'no improvement after about 4 weeks of rest and changes', short: 'no better after 4 weeks' },
  { id: 'worse-during-run', level: 'caution', text: 'pain that builds mid-run or after', short: 'pain building during runs' },
  { id: 'lingering-stiffness', level: 'caution', text: 'stiffness that never fully loosens', short: 'stiffness that never loosens' },
  { id: 'hip-buttock', level: 'caution', text: 'pain into the hip or buttock, above the knee, without numbness', short: 'pain into hip or buttock' },
  { id: 'limp', level: 'caution', text: 'pain that changes your stride', short: 'a limp' },
];

/** Red flags that come from age and history rather than the checklist. */
export const ARCHING_UNDER_20: TriageReason = {
  id: 'arching-under-20',
  level: 'urgent',
  text: 'under 20 with pain when arching backwards (a stress fracture must be ruled out)',
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
