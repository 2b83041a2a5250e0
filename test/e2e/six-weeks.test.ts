// End-to-end: five weeks of a runner's check-ins through the built binary: clean sessions, a hold,
// a drop-back, pain that keeps coming back (R-ESC-2), a clearance, and advancing again. What
// checkin says comes next is what status and show plan (R-LOG-1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { binIn } from './bin.js';
import { RUNNER_ANSWERS } from '../runner.js';

const dir = testDir('six-weeks');
const run = binIn(dir, join(dir, 'kim.yaml'));
const checkin = (date: string, during: number) =>
  run(
    ['checkin', '--completed', 'yes', '--pain-before', '1', '--pain-during', String(during), '--pain-after', '1'],
    date,
  );

interface Next {
  date: string;
  level: number | null;
}
/** What checkin printed as next, what status names, and the first run show plans from that day: all one. */
function agree(printed: string, today: string): Next {
  const match = /^Next: \w{3} (\d+) (\w{3}), Walk\/run L(\d+)/m.exec(printed);
  expect(match, printed).not.toBeNull();
  const status = JSON.parse(run(['status', '--format', 'json'], today).stdout);
  const show = JSON.parse(run(['show', '--format', 'json'], today).stdout);
  const first = show.weeks
    .flatMap((w: { sessions: { date: string; runMinutes: number; level?: number; status?: string }[] }) => w.sessions)
    .find(
      (s: { date: string; runMinutes: number; status?: string }) =>
        s.date >= today && s.runMinutes > 0 && (s.status ?? 'to-come') === 'to-come',
    );
  expect(status.nextSession).toMatchObject({ date: first.date, level: first.level });
  expect(Number(match![1])).toBe(Number(first.date.slice(8)));
  expect(Number(match![3])).toBe(first.level);
  return { date: first.date, level: first.level };
}

describe('five weeks: clean, hold, drop-back, escalation, clearance, advance again', () => {
  it('reads sensibly through checkin, status and report', () => {
    expect(run(['init', '--no-input', '--name', 'Kim', ...RUNNER_ANSWERS], '2026-11-20').code).toBe(0);

    // Week 1: two clean sessions earn level 2, which comes with Monday's run.
    checkin('2026-11-23', 1);
    let r = checkin('2026-11-25', 1);
    expect(r.stdout).toMatch(/next level starts with your first run on or after Mon 30 Nov \(R-PROG-2\)/);
    r = checkin('2026-11-28', 1);
    expect(agree(r.stdout, '2026-11-28')).toEqual({ date: '2026-11-30', level: 2 });

    // Week 2: level 2; a hold, then clean again.
    r = checkin('2026-11-30', 1);
    expect(r.stdout).toMatch(/^Advance to walk\/run level 2/m);
    r = checkin('2026-12-02', 4);
    expect(r.stdout).toMatch(/^Hold at walk\/run level 2, with an extra rest day \(R-PAIN-3: pain during 4\/10\)\.$/m);
    expect(agree(r.stdout, '2026-12-02')).toEqual({ date: '2026-12-05', level: 2 });
    checkin('2026-12-05', 1);

    // Week 3: a drop-back, and five days later another: pain that keeps coming back stops running.
    r = checkin('2026-12-07', 6);
    expect(r.stdout).toMatch(/^Drop back to walk\/run level 1, and 2 days without running/m);
    expect(r.code).toBe(0);
    r = checkin('2026-12-12', 5);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /^Stop running: a second drop-back within 14 days, pain of 5 or more on Mon 7 Dec and Sat 12 Dec \(R-ESC-2\)\. Book a doctor or physical therapist within the week/m,
    );
    expect(r.stdout).toMatch(/"backplan checkin --cleared" and running resumes at walk\/run level 1\./);
    const stopped = run(['status'], '2026-12-13');
    expect(stopped.code).toBe(3);
    expect(stopped.stdout).toMatch(/^RUNNING STOPPED until a clinician clears you\.$/m);
    expect(stopped.stdout).not.toMatch(/^Next:/m);
    expect(run(['show'], '2026-12-13').code).toBe(3);

    // Week 4: cleared; level 1 again from Wednesday, two clean sessions and level 2 comes straight away.
    r = run(['checkin', '--cleared', '--note', 'seen by the physio'], '2026-12-15');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cleared by a clinician: the plan goes on from walk\/run level 1 \(R-TRIAGE-2\)\.$/m);
    expect(agree(r.stdout, '2026-12-15')).toEqual({ date: '2026-12-16', level: 1 });
    checkin('2026-12-16', 1);
    r = checkin('2026-12-19', 1);
    expect(r.stdout).toMatch(/^Advance to walk\/run level 2 \(R-PROG-2: 2 clean sessions at walk\/run level 1\)\.$/m);
    expect(agree(r.stdout, '2026-12-19')).toEqual({ date: '2026-12-21', level: 2 });

    // Week 5: level 2 done; level 3 comes with the first run a week after the last advance.
    checkin('2026-12-21', 1);
    r = checkin('2026-12-23', 1);
    expect(r.stdout).toMatch(/first run on or after Sat 26 Dec/);
    expect(agree(r.stdout, '2026-12-23')).toEqual({ date: '2026-12-26', level: 3 });

    const status = JSON.parse(run(['status', '--format', 'json'], '2026-12-23').stdout);
    expect(status).toMatchObject({ stopped: null, level: 2, cleanSessions: 2 });

    // The report tells the whole story to a clinician.
    expect(run(['report', '-o', 'kim.md'], '2026-12-23').code).toBe(0);
    const report = readFileSync(join(dir, 'kim.md'), 'utf8');
    expect(report).toMatch(/\| 2026-12-12 \| yes \| 1 \| 5 \| 1 \|.*Stop running: a second drop-back within 14 days/);
    expect(report).toMatch(/^- 2026-12-15: Cleared by a clinician/m);
    expect(report).toMatch(/^- 2026-11-30: Advance to walk\/run level 2/m);
  });
});
