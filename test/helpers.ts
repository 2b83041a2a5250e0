import { plan } from '../src/core/plan.js';
import type { CheckIn, Intake, Plan, Templates } from '../src/core/types.js';
import { runCli } from '../src/cli/run.js';
import type { Io } from '../src/cli/io.js';
import { loadTemplates } from '../src/templates/load.js';

export const TODAY = '2026-11-22'; // a Sunday
export const templates: Templates = loadTemplates();

export function intake(overrides: Partial<Intake> = {}): Intake {
  return {
    pain: 1,
    symptoms: [],
    weekly: 0,
    units: 'min',
    goalWeekly: 150,
    firstEpisode: false,
    archingPain: false,
    runner: 'beginner',
    cleared: false,
    ...overrides,
  };
}

export function makePlan(overrides: Partial<Intake> = {}, today = TODAY, t: Templates = templates): Plan {
  return plan(intake(overrides), t, today);
}

/** A clean session check-in on `date`: done, pain 1 before, during and after. */
export const cleanCheckIn = (date: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  date,
  completed: 'yes',
  painBefore: 1,
  painDuring: 1,
  painAfter: 1,
  ...extra,
});

export const runningSessions = (p: Plan) => p.weeks.flatMap((w) => w.sessions).filter((s) => s.runMinutes > 0);

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export function fakeIo(overrides: Partial<Io> = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
    stderr: (t) => void err.push(t),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    now: () => new Date(2026, 10, 22, 9, 30),
    cwd: process.cwd(),
    readStdin: async () => '',
    ...overrides,
  };
}

/** Runs the CLI in-process, as `backplan <args>`. */
export async function cli(args: string[], overrides: Partial<Io> = {}): Promise<Captured> {
  const io = fakeIo(overrides);
  const code = await runCli(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/**
 * `base` with the flags `extra` gives taken out, then `extra`: a flag given twice is refused, so a
 * test that changes one answer of a set replaces it. A flag followed by a value is taken out with it.
 */
export function withFlags(base: readonly string[], extra: readonly string[]): string[] {
  const given = new Set(extra.filter((arg) => arg.startsWith('--')).map((arg) => arg.split('=')[0]));
  const kept: string[] = [];
  for (let i = 0; i < base.length; i++) {
    const arg = base[i]!;
    const valued = arg.startsWith('--') && !arg.includes('=') && i + 1 < base.length && !base[i + 1]!.startsWith('--');
    if (given.has(arg.split('=')[0])) {
      if (valued) i++;
      continue;
    }
    kept.push(arg);
  }
  return [...kept, ...extra];
}
