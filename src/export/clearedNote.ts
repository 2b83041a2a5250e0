// The words beside a triage level when the runner says a clinician has cleared them.
import type { Triage } from '../core/types.js';

/**
 * " (cleared by a clinician)" beside a caution or urgent level. None beside an emergency, which
 * no clearance lifts (R-TRIAGE-1): "EMERGENCY (cleared by a clinician)" read as the emergency
 * being over. None beside clear, where there is nothing to clear.
 */
export function clearedNote(triage: Pick<Triage, 'cleared' | 'level'>): string {
  return triage.cleared && (triage.level === 'caution' || triage.level === 'urgent') ? ' (cleared by a clinician)' : '';
}
