// End-to-end: two weeks of a runner's check-ins through the built binary, the plan checked after each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { binIn } from './bin.js';
import { RUNNER_ANSWERS } from '../runner.js';

const dir = testDir('story');
const file = join(dir, 'sam.yaml');
const run = binIn(dir, file);

interface JsonSession {
  date: string;
  runMinutes: number;
  title: string;
  status?: string;
}
function runs(today: string): JsonSession[] {
  const r = run(['show', '--format', 'json'], today);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout).weeks as { sessions: JsonSession[] }[])
    .flatMap((w) => w.sessions)
    .filter((s) => s.runMinutes > 0);
}
const checkin = (date: string, during: number) =>
  run(
    ['checkin', '--completed', 'yes', '--pain-before', '1', '--pain-during', String(during), '--pain-after', '1'],
    date,
  );

describe('a two-week story of check-ins', () => {
  it('init, clean sessions, a hold, an advance, a calendar that follows', () => {
    expect(run(['init', '--no-input', '--name', 'Sam', ...RUNNER_ANSWERS], '2026-11-20').code).toBe(0);
    const before = run(['export', 'ics'], '2026-11-22').stdout;

    // Mon: clean, 1 of 2.
    let r = checkin('2026-11-23', 1);
    expect(r.stdout).toMatch(/Clean session at walk\/run level 1: 1 of 2 toward the next level \(R-PROG-2\)\./);
    expect(
      runs('2026-11-23')
        .filter((s) => s.date <= '2026-11-25')
        .map((s) => s.status),
    ).toEqual(['done', 'to-come']);

    // Tue morning: fine.
    r = run(['checkin', '--morning', '--next-morning', '1'], '2026-11-24');
    expect(r.code).toBe(0);

    // Wed: clean again, but at most one level a week.
    r = checkin('2026-11-25', 2);
    expect(r.stdout).toMatch(
      /at most one level a week, so the next level starts with your first run on or after Mon 30 Nov/,
    );

    // Sat: pain during 4 holds, with an extra rest day: Monday's run goes.
    r = checkin('2026-11-28', 4);
    expect(r.stdout).toMatch(/^Hold at walk\/run level 1, with an extra rest day \(R-PAIN-3: pain during 4\/10\)\.$/m);
    expect(r.stdout).toMatch(/^Next: Wed 2 Dec, Walk\/run L1/m);
    let plan = runs('2026-11-28');
    expect(plan.some((s) => s.date === '2026-11-30')).toBe(false);
    expect(plan.find((s) => s.date === '2026-12-02')?.title).toMatch(/^Walk\/run L1/);

    // Wed: clean, the count starts again after the hold.
    r = checkin('2026-12-02', 1);
    expect(r.stdout).toMatch(/1 of 2 toward the next level/);

    // Sat: clean, pain falling: advance to level 2.
    r = checkin('2026-12-05', 1);
    expect(r.stdout).toMatch(/^Advance to walk\/run level 2 \(R-PROG-2: 2 clean sessions at walk\/run level 1\)\.$/m);
    expect(r.stdout).toMatch(/^Next: Mon 7 Dec, Walk\/run L2/m);
    plan = runs('2026-12-05');
    expect(plan.filter((s) => s.date < '2026-12-06').map((s) => [s.date, s.status])).toEqual([
      ['2026-11-23', 'done'],
      ['2026-11-25', 'done'],
      ['2026-11-28', 'done'],
      ['2026-12-02', 'done'],
      ['2026-12-05', 'done'],
    ]);

    const status = JSON.parse(run(['status', '--format', 'json'], '2026-12-05').stdout);
    expect(status).toMatchObject({
      phase: 'walk-run',
      level: 2,
      cleanSessions: 0,
      nextSession: { date: '2026-12-07' },
      decision: { kind: 'advance' },
    });

    // The calendar: same UIDs; days that did not change keep SEQUENCE 0, changed ones go up.
    const after = run(['export', 'ics'], '2026-12-05').stdout;
    const events = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const old = new Map(events(before).map((e) => [e.uid, e]));
    const now = events(after);
    expect(now.map((e) => e.uid).filter((uid) => old.has(uid)).length).toBeGreaterThan(40);
    const byDate = new Map(now.map((e) => [e.startDate.toString().slice(0, 10), e]));
    expect(byDate.get('2026-11-23')?.sequence).toBe(0);
    expect(byDate.get('2026-11-30')?.sequence).toBeGreaterThan(0); // the run that the hold took out
    expect(byDate.get('2026-11-30')?.summary).not.toMatch(/Walk\/run/);
    for (const event of now) {
      const earlier = old.get(event.uid);
      if (earlier && earlier.summary === event.summary && earlier.description === event.description)
        expect(event.sequence).toBe(0);
      else if (earlier) expect(event.sequence).toBeGreaterThan(0);
    }
    expect(readFileSync(file, 'utf8').match(/completed: yes/g)).toHaveLength(5);
  });
});
