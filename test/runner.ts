// The runner most check-in tests follow: pain 1/10, not running now, 90 running minutes a week
// before the pain, starting walk/run level 1 on Mon 23 Nov 2026 (runs on Mon, Wed and Sat), as
// `init` flags, with no export.
export const RUNNER_ANSWERS = [
  '--pain',
  '1',
  '--weekly-minutes',
  '0',
  '--goal-weekly',
  '90',
  '--start',
  '2026-11-23',
  '--export',
  'none',
] as const;
