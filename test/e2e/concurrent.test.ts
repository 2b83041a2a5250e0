// Two check-ins at once on the same athlete file, through the built binary: both are kept.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { RUNNER_ANSWERS } from '../runner.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const env = (dir: string) => ({ PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC' });

function athlete(): { dir: string; file: string } {
  const dir = testDir('lock');
  const file = join(dir, 'a.yaml');
  const init = spawnSync(process.execPath, [BIN, 'init', '--no-input', '--file', file, ...RUNNER_ANSWERS], {
    env: env(dir),
  });
  expect(init.status).toBe(0);
  return { dir, file };
}

function checkin(
  dir: string,
  file: string,
  date: string,
  today = date,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    // Today close to the session: a log weeks old by --today would be judged not improving (R-ESC-3, exit 3).
    const child = spawn(
      process.execPath,
      [BIN, 'checkin', '--file', file, '--today', today, '--date', date, '--completed', 'yes', '--pain-during', '1'],
      { env: env(dir) },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('concurrent check-ins', () => {
  it('two at once, many times: every entry is kept', async () => {
    const { dir, file } = athlete();
    const dates = Array.from({ length: 12 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    for (let i = 0; i < dates.length; i += 2) {
      // Both on the same today, as two check-ins at once are: either may take the lock first.
      const today = dates[i + 1]!;
      const results = await Promise.all([checkin(dir, file, dates[i]!, today), checkin(dir, file, today)]);
      expect(results.map((r) => r.code)).toEqual([0, 0]);
    }
    const text = readFileSync(file, 'utf8');
    for (const date of dates) expect(text).toContain(`date: ${date}`);
  });

  it('a lock left by a process that has gone is taken over; a live one fails clearly, the file untouched', async () => {
    const { dir, file } = athlete();
    writeFileSync(`${file}.lock`, '999999\n'); // no such process
    expect((await checkin(dir, file, '2026-12-01')).code).toBe(0);
    writeFileSync(`${file}.lock`, `${process.pid}\n`); // this test runner: alive
    const before = readFileSync(file, 'utf8');
    const held = await checkin(dir, file, '2026-12-02');
    expect(held.code).toBe(1);
    expect(held.stderr).toMatch(/a\.yaml is being changed by another backplan \(process \d+\); nothing was written/);
    expect(held.stderr).toMatch(/delete .*a\.yaml\.lock/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  }, 15_000);
});
