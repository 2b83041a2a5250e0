// R-TRIAGE-1: an emergency symptom stops everything at once. Its message must not wait behind a
// missing or wrong answer to another question, so it is looked for before the intake is checked.
import { findSymptom } from '../core/symptoms.js';
import type { IntakeInput } from './schema.js';

/**
 * The answers the emergency plan needs (the name and the symptoms) when `raw` names an emergency
 * symptom, whatever else it lacks; undefined otherwise.
 */
export function emergencyIntake(raw: Partial<IntakeInput>): IntakeInput | undefined {
  const symptoms = Array.isArray(raw.symptoms) ? raw.symptoms : [];
  if (!symptoms.some((id) => findSymptom(id)?.level === 'emergency')) return undefined;
  const known = symptoms.filter((id) => findSymptom(id) !== undefined);
  const name = typeof raw.name === 'string' && raw.name.trim().length <= 120 ? raw.name.trim() : '';
  const pain = Number.isInteger(raw.pain) && raw.pain! >= 0 && raw.pain! <= 10 ? raw.pain! : 0;
  return { ...(name ? { name } : {}), pain, symptoms: known, goalWeekly: 1 };
}
