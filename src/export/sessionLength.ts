// A session's length as the exports print it beside its title.
import type { Session } from '../core/types.js';

/**
 * "10 min" for an exercise; for a run, "36 min in all": its length counts the warm-up and cool-down
 * walks, and printed bare beside "Easy run 26 min" it read as a longer run. Empty when it has none.
 */
export function sessionLength(session: Session, space = ' '): string {
  if (session.minutes <= 0) return '';
  return `${session.minutes}${space}min${session.runMinutes > 0 ? ' in all' : ''}`;
}
