// Faults: SIGKILL at random moments while backplan rewrites an athlete file or an export. After
// every kill the file is the old version or the new one, whole, never a piece of either.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNER_ANSWERS } from '../runner.js';
import { withFlags } from '../helpers.js';
import { testDir } from '../tmp.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const env = (dir: string) => ({ PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC' });

/** Runs backplan and kills it after `ms` (if it is still running). */
function killAfter(args: string[], cwd: string, ms: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(cwd), stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
}

// Kill points spread over a run's whole life, start-up included: a run takes 100-300 ms here.
const delays = Array.from({ length: 30 }, (_, i) => 20 + ((i * 37) % 300));

describe('SIGKILL while writing', () => {
  it('the athlete file is always a whole version, old or new', async () => {
    const dir = testDir('kill');
    // The check-in runner's answers with another pain: two versions.
    const init = (pain: string) =>
      withFlags(['init', '--no-input', '--force', '--file', 'a.yaml', ...RUNNER_ANSWERS], ['--pain', pain]);
    const versions = new Set<string>();
    for (const pain of ['1', '2']) {
      expect(spawnSync(process.execPath, [BIN, ...init(pain)], { cwd: dir, env: env(dir) }).status).toBe(0);
      versions.add(readFileSync(join(dir, 'a.yaml'), 'utf8'));
    }
    for (const [i, ms] of delays.entries()) {
      await killAfter(init(i % 2 ? '1' : '2'), dir, ms);
      expect(versions.has(readFileSync(join(dir, 'a.yaml'), 'utf8'))).toBe(true);
    }
  }, 60_000);

  it('an export is always absent or whole', async () => {
    const dir = testDir('kill');
    const exportPlan = (today: string) => [
      'plan',
      '--pain',
      '1',
      '--goal-weekly',
      '90',
      '--weekly-minutes',
      '0',
      '--today',
      today,
      '-o',
      'plan.ics',
      '--force',
    ];
    const whole = new Set<string>();
    for (const today of ['2026-11-22', '2026-11-29']) {
      expect(spawnSync(process.execPath, [BIN, ...exportPlan(today)], { cwd: dir, env: env(dir) }).status).toBe(0);
      whole.add(readFileSync(join(dir, 'plan.ics'), 'utf8'));
    }
    for (const [i, ms] of delays.entries()) {
      await killAfter(exportPlan(i % 2 ? '2026-11-22' : '2026-11-29'), dir, ms);
      if (existsSync(join(dir, 'plan.ics'))) expect(whole.has(readFileSync(join(dir, 'plan.ics'), 'utf8'))).toBe(true);
    }
  }, 60_000);
});
