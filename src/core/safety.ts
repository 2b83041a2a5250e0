// R-SAFE-1: the safety net every output carries, and the not-medical-advice notice.
import { SYMPTOMS } from './symptoms.js';
import type { SafetyNet } from './types.js';

export const EMERGENCY_ACTION =
  'Go to an emergency department or call your emergency number today. Do not wait, and do not run.';

export const URGENT_ACTION =
  'Stop running and see a doctor or physical therapist before you run again. ' +
  'Pain at night that rest does not ease should be seen within days.';

export const NOT_MEDICAL_ADVICE =
  'backplan is not medical advice and does not diagnose. It follows general return-to-running ' +
  'guidance; a doctor or physical therapist who has examined you knows better.';

export function safetyNet(): SafetyNet {
  return {
    emergency: SYMPTOMS.filter((s) => s.level === 'emergency').map((s) => s.text),
    emergencyAction: EMERGENCY_ACTION,
    urgent: SYMPTOMS.filter((s) => s.level === 'urgent').map((s) => s.text),
    urgentAction: URGENT_ACTION,
  };
}
