// Plan → one JSON document (the contract in the README). No colour, stable key order.
import type { Plan } from '../core/types.js';

export function renderJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}
