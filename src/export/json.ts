// Plan → one JSON document (the contract in the README). No colour, stable key order.
import type { Plan } from '../core/types.js';
import { jsonSafe } from './style.js';

/** C1 controls and bidirectional marks in names and template text are escaped, as JSON.stringify does C0. */
export function renderJson(plan: Plan): string {
  return jsonSafe(JSON.stringify(plan, null, 2)) + '\n';
}
