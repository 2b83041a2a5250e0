// Every list of choices the runner answers from, once: the types, the zod schemas, the flags, the
// wizard and the roster and sheet readers all read these.
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const VOLUME_UNITS = ['min', 'km', 'mi'] as const;
/** The units `--units` takes; minutes come with --weekly-minutes. */
export const DISTANCE_UNITS = ['km', 'mi'] as const;
export const RUNNER_TYPES = ['beginner', 'distance', 'returning'] as const;
export const PHASES = ['settle', 'walk-run', 'continuous', 'rebuild', 'maintain'] as const;
export const COMPLETED = ['yes', 'partial', 'no'] as const;
export const WARMUP_SORENESS = ['none', 'eased', 'stayed'] as const;
