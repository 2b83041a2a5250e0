export { plan, SCHEMA_VERSION } from './plan.js';
export { triage } from './triage.js';
export { SYMPTOMS, SYMPTOM_IDS, findSymptom } from './symptoms.js';
export { PlanInputError } from './errors.js';
export * from './dates.js';
export type * from './types.js';
