// `backplan checkin`, `status` and `report` in-process: flags, questions, errors, files.
import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/cli/wizard.js';
import { cli, withFlags } from '../helpers.js';
import { testDir } from '../tmp.js';
import { RUNNER_ANSWERS } from '../runner.js';

const INIT = ['init', '--no-input', '--name', 'Ana', ...RUNNER_ANSWERS, '--today', '2026-11-20'];

async function athlete(): Promise<{
  dir: string;
  file: string;
  run: (args: string[], today: string, extra?: object) => ReturnType<typeof cli>;
}> {
  const dir = testDir('checkin');
  const file = join(dir, 'ana.yaml');
  expect((await cli(withFlags(INIT, ['--file', file]), { cwd: dir })).code).toBe(0);
  return {
    dir,
    file,
    run: (args, today, extra = {}) => cli([...args, '--file', file, '--today', today], { cwd: dir, ...extra }),
  };
}

const session = (date: string, during: number, extra: string[] = []) => [
  'checkin',
  '--date',
  date,
  '--completed',
  'yes',
  '--pain-before',
  '1',
  '--pain-during',
  String(during),
  '--pain-after',
  '1',
  ...extra,
];

describe('backplan checkin', () => {
  it('appends to the log and prints the decision, its rule and the next session', async () => {
    const a = await athlete();
    const r = await a.run(session('2026-11-23', 4), '2026-11-23');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Logged Mon 23 Nov: done · pain before/during/after 1/4/1 · hold.',
        'Hold at walk/run level 1, with an extra rest day (R-PAIN-3: pain during 4/10).',
        'Next: Sat 28 Nov, Walk/run L1 · 1 min jog / 2 min walk × 5 (level 1 again).',
        '',
      ].join('\n'),
    );
    const file = readFileSync(a.file, 'utf8');
    // R-LOG-2: the entry keeps the level and minutes the plan had for the day.
    expect(file).toMatch(
      /log:\n {2}- \{ date: 2026-11-23, completed: yes, painBefore: 1, painDuring: 4, painAfter: 1, plannedLevel: 1, plannedMinutes: 5 \}/,
    );
    expect(existsSync(`${a.file}.bak`)).toBe(true);
  });

  it('logs the next-morning pain on its own, and re-decides the session before it', async () => {
    const a = await athlete();
    await a.run(session('2026-11-23', 1), '2026-11-23');
    const r = await a.run(['checkin', '--morning', '--next-morning', '3'], '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Logged the morning after Mon 23 Nov: .*next morning 3 · hold\.$/m);
    expect(r.stdout).toMatch(/next-morning pain 3\/10, above your baseline of 1\/10/);
  });

  it('--format json gives the decision for scripts', async () => {
    const a = await athlete();
    const r = await a.run([...session('2026-11-23', 6), '--format', 'json'], '2026-11-23');
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      schemaVersion: 1,
      phase: 'walk-run',
      level: 1,
      decisions: [{ kind: 'drop-back', rule: 'R-PAIN-3' }],
    });
    expect(json.nextSession.date >= '2026-11-26').toBe(true);
  });

  it('an urgent symptom stops running at once: exit 3 and the triage words; --cleared lifts it', async () => {
    const a = await athlete();
    const r = await a.run(session('2026-11-23', 1, ['--symptom', 'radiating-pain']), '2026-11-23');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Stop running until a doctor or physical therapist has assessed you/);
    // Section 5b: the symptom's own referral, who to see and how soon.
    expect(r.stdout).toMatch(/Pain shooting down a leg: see a doctor or physical therapist within 1-2 weeks/);
    expect((await a.run(['show'], '2026-11-24')).code).toBe(3);
    const cleared = await a.run(['checkin', '--cleared'], '2026-11-25');
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/Cleared by a clinician/);
    expect((await a.run(['show'], '2026-11-25')).code).toBe(0);
  });

  it('an emergency symptom prints the emergency message and exits 3', async () => {
    const a = await athlete();
    const r = await a.run(session('2026-11-23', 1, ['--symptom', 'saddle-numbness']), '2026-11-23');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Go to an emergency department or call your emergency number today/);
  });

  it('bad input: a clear error, the right exit code, and the file untouched', async () => {
    const a = await athlete();
    const before = readFileSync(a.file, 'utf8');
    const cases: [string[], number, RegExp][] = [
      [['checkin'], 2, /no terminal to ask in, and --completed is missing\n {2}add --completed yes\|partial\|no/],
      [['checkin', '--completed', 'yes'], 2, /--pain-during is missing/],
      [['checkin', '--completed', 'maybe'], 2, /argument 'maybe' is invalid/],
      [['checkin', '--completed', 'yes', '--pain-during', '11'], 2, /Use a whole number from 0 to 10/],
      [['checkin', '--date', '2026-11-30', '--completed', 'no'], 2, /--date 2026-11-30 is after today \(2026-11-24\)/],
      [['checkin', '--date', '2026-11-01', '--completed', 'no'], 2, /is before the plan starts/],
      [['checkin', '--morning', '--next-morning', '1'], 1, /no session logged in the two days before/],
      [['checkin', '--morning'], 2, /--morning needs --next-morning/],
      [['checkin', '--cleared', '--completed', 'yes'], 2, /--cleared records a clinician's clearance on its own/],
      [
        ['checkin', '--completed', 'yes', '--pain-during', '8', '--pain-during', '1'],
        2,
        /--pain-during is given twice \(8 and 1\)/,
      ],
      [
        ['checkin', '--completed', 'yes', '--pain-during', '1', '--symptom', 'leg-pain'],
        2,
        /Unknown symptom "leg-pain"/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = await a.run(args, '2026-11-24');
      expect([args.join(' '), r.code]).toEqual([args.join(' '), code]);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(readFileSync(a.file, 'utf8')).toBe(before);
    }
    // A file its owner made read-only is left alone, even where the folder would allow a rename.
    chmodSync(a.file, 0o444);
    const readOnly = await a.run(session('2026-11-23', 1), '2026-11-24');
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toMatch(/cannot be saved: the file is read-only.*\n {2}make it writable \(chmod u\+w\)/);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    // edit says what it changed only once saved (it had printed "Changed:" and then failed).
    const edit = await a.run(['edit', '--goal-weekly', '25'], '2026-11-24');
    expect([edit.code, edit.stdout]).toEqual([1, '']);
    expect(edit.stderr).toMatch(/cannot be saved: the file is read-only/);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    chmodSync(a.file, 0o644);
    await a.run(session('2026-11-23', 1), '2026-11-24');
    const again = await a.run(session('2026-11-23', 1), '2026-11-24');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/a session on Mon 23 Nov 2026 is already logged; nothing was changed/);
  });

  it('--dry-run shows the decision and logs nothing', async () => {
    const a = await athlete();
    const before = readFileSync(a.file, 'utf8');
    const r = await a.run([...session('2026-11-23', 1), '--dry-run'], '2026-11-23');
    expect(r.stdout).toMatch(/Clean session/);
    expect(r.stderr).toMatch(/Dry run: nothing was logged/);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
  });

  it('a broken log entry in the file is named by line, and nothing is written', async () => {
    const a = await athlete();
    writeFileSync(
      a.file,
      readFileSync(a.file, 'utf8').replace('log: []', 'log:\n  - { date: 2026-11-23, completed: often }'),
    );
    const r = await a.run(session('2026-11-25', 1), '2026-11-25');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ana\.yaml:\d+: log\[0\]\.completed: Invalid option/);
  });

  it('asks in a terminal, each question once', async () => {
    const a = await athlete();
    const asked: string[] = [];
    const answers: [RegExp, unknown][] = [
      [/Did you do the session/, 'yes'],
      [/before the session/, '1'],
      [/during the session/, '2'],
      [/just after/, '1'],
      [/soreness in the warm-up/, 'eased'],
      [/Anything new/, []],
      [/A note/, 'felt fine'],
    ];
    const reply = async (q: { message: string }) => {
      asked.push(q.message);
      const found = answers.find(([re]) => re.test(q.message));
      if (!found) throw new Error(`unexpected question: ${q.message}`);
      return found[1];
    };
    const prompt = { input: reply, confirm: reply, checkbox: reply, select: reply } as unknown as Prompter;
    const r = await a.run(['checkin'], '2026-11-23', { stdinIsTTY: true, stdoutIsTTY: true, prompt });
    expect(r.code).toBe(0);
    expect(asked).toHaveLength(7);
    expect(readFileSync(a.file, 'utf8')).toMatch(/warmup: eased, note: felt fine/);
  });
});

describe('backplan status and report', () => {
  it('status --format json has phase, level, clean sessions, next session and decision', async () => {
    const a = await athlete();
    await a.run(session('2026-11-23', 1), '2026-11-23');
    await a.run(session('2026-11-25', 1), '2026-11-25');
    await a.run(session('2026-11-30', 1), '2026-11-30');
    const r = await a.run(['status', '--format', 'json'], '2026-11-30');
    const json = JSON.parse(r.stdout);
    // R-LOG-1: level 2 came with Monday's run, which then counted at level 2.
    expect(json).toMatchObject({
      schemaVersion: 1,
      phase: 'walk-run',
      level: 2,
      cleanSessions: 1,
      cleanNeeded: 2,
      decision: { kind: 'clean', level: 2 },
    });
    expect(json.stopped).toBeNull();
    expect(json.nextSession).toMatchObject({ date: '2026-12-02' });
    expect(
      json.thisWeek.sessions.find(
        (s: { date: string; runMinutes: number }) => s.date === '2026-11-30' && s.runMinutes > 0,
      ).status,
    ).toBe('done');
  });

  it('status text: this week marked, and both charts', async () => {
    const a = await athlete();
    await a.run(session('2026-11-23', 4), '2026-11-23');
    const r = await a.run(['status'], '2026-11-26');
    expect(r.stdout).toMatch(/^ {2}Mon 23 Nov {2}Walk\/run L1 .* ✓ done$/m);
    expect(r.stdout).toMatch(/^ {2}Wed 25 Nov .*Brisk walk/m); // the hold moved the run
    expect(r.stdout).toMatch(/^ {3}4 │●/m);
    expect(r.stdout).toMatch(/^ {3}3 │┄┄ 3\/10 limit$/m);
    expect(r.stdout).toMatch(/^ {2}W1 {2}█+░+ +5 of 10 so far$/m); // the week is not over: the rest is still to come
  });

  it('report writes Markdown and two SVG charts beside it, links them, and never overwrites unasked', async () => {
    const a = await athlete();
    await a.run(session('2026-11-23', 1, ['--note', '<script>alert(1)</script> | # heading']), '2026-11-23');
    await a.run(['checkin', '--morning', '--next-morning', '2'], '2026-11-24');
    const r = await a.run(['report', '-o', 'ana.md'], '2026-11-26');
    expect(r.code).toBe(0);
    expect(readdirSync(a.dir).sort()).toEqual(['ana-pain.svg', 'ana-volume.svg', 'ana.md', 'ana.yaml', 'ana.yaml.bak']);
    const md = readFileSync(join(a.dir, 'ana.md'), 'utf8');
    const html = await marked.parse(md);
    expect(html).toMatch(/<img src="ana-pain.svg"/);
    expect(html).toMatch(/<img src="ana-volume.svg"/);
    expect(html).not.toMatch(/<script>/);
    // The next-morning pain of 2 held the level, so Wednesday's run became a rest day, not a missed run.
    expect(md).toMatch(/Of 1 run due so far: 1 done, 0 partly done, 0 not done, 0 missed/);
    for (const svg of ['ana-pain.svg', 'ana-volume.svg']) {
      const text = readFileSync(join(a.dir, svg), 'utf8');
      expect(XMLValidator.validate(text)).toBe(true);
      expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    expect(readFileSync(join(a.dir, 'ana-pain.svg'), 'utf8')).toMatch(/next morning 2\/10/);
    const again = await a.run(['report', '-o', 'ana.md'], '2026-11-26');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/ana-pain.svg, ana-volume.svg, ana.md already exist; nothing was written/);
  });
});

it('pain at rest logged on its own is in status, its JSON and the report: never "No pain logged yet"', async () => {
  const a = await athlete();
  await a.run(['checkin', '--rest-pain', '2'], '2026-11-23');
  await a.run(['checkin', '--rest-pain', '4'], '2026-11-24');
  const text = await a.run(['status'], '2026-11-24');
  expect(text.stdout).not.toMatch(/No pain logged yet/);
  expect(text.stdout).toMatch(/^ {3}4 │ {2}△/m);
  expect(text.stdout).toMatch(/^ {3}2 │△/m);
  expect(text.stdout).toMatch(/△ at rest/);
  const json = JSON.parse((await a.run(['status', '--format', 'json'], '2026-11-24')).stdout);
  expect(json.pain).toEqual([
    { date: '2026-11-23', during: null, nextMorning: null, atRest: 2 },
    { date: '2026-11-24', during: null, nextMorning: null, atRest: 4 },
  ]);
  expect((await a.run(['report', '-o', 'ana.md'], '2026-11-24')).code).toBe(0);
  expect(readFileSync(join(a.dir, 'ana.md'), 'utf8')).toMatch(/^\| 1 \| 2 \| 3\.0\/10 \|$/m);
  expect(readFileSync(join(a.dir, 'ana-pain.svg'), 'utf8')).toMatch(/Tue 24 Nov: at rest 4\/10/);
});

describe('checkins that escalate, at the command line (R-ESC-1..3, R-PAIN-5, R-LOG-1)', () => {
  it('pain 10 during and 8 after: stop running, who to see, exit 3; status, show and report say so', async () => {
    const a = await athlete();
    const r = await a.run(
      [
        'checkin',
        '--date',
        '2026-11-23',
        '--completed',
        'yes',
        '--pain-before',
        '1',
        '--pain-during',
        '10',
        '--pain-after',
        '8',
      ],
      '2026-11-23',
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /^Stop running: pain of 10\/10 during the session on Mon 23 Nov \(R-ESC-1\)\. See a doctor or physical therapist within a day or two/m,
    );
    expect(r.stdout).toMatch(/log "backplan checkin --cleared" and running resumes at walk\/run level 1\./);
    expect(r.stdout).not.toMatch(/^Next:/m);
    const status = await a.run(['status', '--format', 'json'], '2026-11-24');
    expect(status.code).toBe(3);
    expect(JSON.parse(status.stdout).stopped).toMatchObject({
      level: 'urgent',
      reason: 'R-ESC-1',
      since: '2026-11-23',
    });
    expect(JSON.parse(status.stdout).nextSession).toBeNull();
    const text = await a.run(['status'], '2026-11-24');
    expect(text.stdout).toMatch(/RUNNING STOPPED until a clinician clears you\.\n {2}Since Mon 23 Nov: pain of 10\/10/);
    expect((await a.run(['show'], '2026-11-24')).code).toBe(3);
    const report = await a.run(['report', '-o', join(a.dir, 'r.md')], '2026-11-24');
    expect(report.code).toBe(3);
    expect(readFileSync(join(a.dir, 'r.md'), 'utf8')).toMatch(/\*\*Running stopped since 2026-11-23 \(R-ESC-1\)\*\*/);
    // A clearance resumes running: exit 0, and the next run is named.
    const cleared = await a.run(['checkin', '--cleared'], '2026-11-26');
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toMatch(/^Next: Sat 28 Nov, Walk\/run L1/m);
  });

  it('pain 6 during two sessions in 4 days: the second stops running (R-ESC-2)', async () => {
    const a = await athlete();
    expect((await a.run(session('2026-11-23', 6), '2026-11-23')).code).toBe(0);
    const second = await a.run(session('2026-11-27', 6), '2026-11-27');
    expect(second.code).toBe(3);
    expect(second.stdout).toMatch(
      /Stop running: a second drop-back within 14 days, pain of 5 or more on Mon 23 Nov and Fri 27 Nov \(R-ESC-2\)/,
    );
    const json = JSON.parse((await a.run(['checkin', '--rest-pain', '2', '--format', 'json'], '2026-11-28')).stdout);
    expect(json.stopped).toMatchObject({ reason: 'R-ESC-2' });
  });

  it('a stop shown stands (R-ESC-2): a clean run dated between the setbacks is refused, and only --cleared lifts it', async () => {
    // Found in review: three holds stopped running (R-ESC-2), then a back-dated clean run broke the
    // row of three and gave runs back, with no clinician.
    const a = await athlete();
    for (const day of ['2026-11-23', '2026-11-28', '2026-12-02']) await a.run(session(day, 3), day);
    expect((await a.run(['status'], '2026-12-03')).code).toBe(3);
    const before = readFileSync(a.file, 'utf8');
    const late = await a.run(session('2026-11-26', 0), '2026-12-03');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(
      /^error: running is stopped since Wed 2 Dec 2026 \(R-ESC-2: .*\), and only a clinician's all-clear lifts that; nothing was logged\n.*--cleared\n$/,
    );
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    expect((await a.run(['status'], '2026-12-03')).code).toBe(3);
    // What does not lift it is logged as ever; the all-clear lifts it.
    expect((await a.run(['checkin', '--rest-pain', '1'], '2026-12-03')).code).toBe(3);
    expect((await a.run(['checkin', '--cleared'], '2026-12-04')).code).toBe(0);
  });

  it('a stop shown stands (R-ESC-2): init --force with new answers over the log does not lift it (found in review)', async () => {
    // Pain after 2 against a baseline of 1: three holds. A baseline of 2 makes them clean.
    const a = await athlete();
    const rising = (day: string) => [
      'checkin',
      '--date',
      day,
      '--completed',
      'yes',
      '--pain-during',
      '1',
      '--pain-after',
      '2',
    ];
    for (const day of ['2026-11-23', '2026-11-28', '2026-12-02']) await a.run(rising(day), day);
    expect((await a.run(['status'], '2026-12-03')).code).toBe(3);
    const before = readFileSync(a.file, 'utf8');
    const again = await cli(withFlags(INIT, ['--file', a.file, '--pain', '2', '--force', '--today', '2026-12-03']), {
      cwd: a.dir,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^error: running is stopped since Wed 2 Dec 2026 \(R-ESC-2: .*; nothing was changed\n.*checkin --cleared/,
    );
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    expect((await a.run(['status'], '2026-12-03')).code).toBe(3);
  });
  it('a stop shown stands (R-ESC-2): --today set before the newest check-in is refused, nothing logged', async () => {
    // Found in review: with --today before the last setback, the stop was judged as of that day
    // (none yet), so the clean run that breaks the row of three was logged and running came back.
    const a = await athlete();
    for (const day of ['2026-11-23', '2026-11-28', '2026-12-02']) await a.run(session(day, 3), day);
    const before = readFileSync(a.file, 'utf8');
    const early = await a.run(session('2026-11-26', 0), '2026-11-30');
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(
      /^error: --today Mon 30 Nov 2026 is before the newest check-in already logged \(Wed 2 Dec 2026\), which it would leave out; nothing was logged\n.*2026-12-02.*\n$/,
    );
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    expect((await a.run(['status'], '2026-12-03')).code).toBe(3);
    // A symptom is always heard, --today or not (found in review: an emergency symptom was refused).
    const symptom = await a.run(['checkin', '--symptom', 'saddle-numbness'], '2026-11-30');
    expect(symptom.code).toBe(3);
    expect(symptom.stdout).toMatch(/emergency/i);
  });

  it('the clock behind the log (a runner who crossed time zones): no --today given, the check-in is logged', async () => {
    const a = await athlete();
    expect((await a.run(['checkin', '--rest-pain', '1'], '2026-11-25')).code).toBe(0);
    // The clock says Tue 24 Nov (as after a flight west); the log already holds Wed 25 Nov.
    const r = await cli(['checkin', '--rest-pain', '1', '--file', a.file], {
      cwd: a.dir,
      now: () => new Date(2026, 10, 24, 9),
    });
    expect(r.code).toBe(0);
    expect(readFileSync(a.file, 'utf8')).toMatch(/2026-11-24, restPain: 1/);
  });

  it('a setback reported after an all-clear but dated before it is refused (R-ESC-2; found in review)', async () => {
    // A drop-back logged late under the all-clear printed "Stop running: a second drop-back within
    // 14 days (R-ESC-2)", exit 0, while status planned a run that day.
    const a = await athlete();
    expect((await a.run(session('2026-11-23', 1), '2026-11-23')).code).toBe(0);
    expect((await a.run(session('2026-11-25', 6), '2026-11-25')).code).toBe(0);
    expect((await a.run(['checkin', '--symptom', 'radiating-pain'], '2026-11-28')).code).toBe(3);
    expect((await a.run(['checkin', '--cleared'], '2026-11-30')).code).toBe(0);
    const before = readFileSync(a.file, 'utf8');
    const late = await a.run(session('2026-11-27', 6), '2026-12-01');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(
      /^error: a setback \(a hold, a drop-back or a stop\) dated Fri 27 Nov 2026 would fall under the all-clear already logged for Mon 30 Nov 2026/,
    );
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    // A clean session dated before it is no setback, and is logged.
    expect((await a.run(session('2026-11-26', 1), '2026-12-01')).code).toBe(0);
    // Nor can a next-morning pain make one on the session's day, under the all-clear.
    const logged = readFileSync(a.file, 'utf8');
    const morning = await a.run(['checkin', '--date', '2026-11-27', '--morning', '--next-morning', '6'], '2026-12-01');
    expect(morning.code).toBe(1);
    expect(morning.stderr).toMatch(/^error: a setback \(a hold, a drop-back or a stop\) dated Fri 27 Nov 2026/);
    expect(readFileSync(a.file, 'utf8')).toBe(logged);
  });

  it("a stopped plan's export never removes or replaces the athlete file, nor a file that is no calendar (found in review)", async () => {
    // The old-calendar clean-up removed whatever -o named: the athlete file itself, with its log.
    const a = await athlete();
    expect((await a.run(['checkin', '--symptom', 'radiating-pain'], '2026-11-24')).code).toBe(3);
    const before = readFileSync(a.file, 'utf8');
    for (const format of ['ics', 'md']) {
      const r = await a.run(['export', format, '-o', a.file, '--force'], '2026-11-24');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /ana\.yaml is the athlete file the plan is made from, or its backup; nothing was written or removed\n/,
      );
      expect(readFileSync(a.file, 'utf8')).toBe(before);
    }
    // Nor its backup, nor the athlete file through a report's chart or page (found by a hostile tester).
    const backup = readFileSync(`${a.file}.bak`, 'utf8');
    expect((await a.run(['export', 'md', '-o', `${a.file}.bak`, '--force'], '2026-11-24')).code).toBe(1);
    expect(readFileSync(`${a.file}.bak`, 'utf8')).toBe(backup);
    symlinkSync(a.file, join(a.dir, 'r-pain.svg'));
    const report = await a.run(['report', '-o', 'r.md', '--force'], '2026-11-24');
    expect([report.code, report.stderr]).toEqual([1, expect.stringMatching(/r-pain\.svg is the athlete file/)]);
    symlinkSync(a.file, join(a.dir, 'page.html'));
    expect((await a.run(['report', '-o', 'page.html', '--force'], '2026-11-24')).code).toBe(1);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
    writeFileSync(join(a.dir, 'notes.md'), 'my notes\n');
    const other = await a.run(['export', 'ics', '-o', 'notes.md', '--force'], '2026-11-24');
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/notes\.md is no calendar backplan wrote, so it was left alone/);
    expect(readFileSync(join(a.dir, 'notes.md'), 'utf8')).toBe('my notes\n');
  });

  it('a red flag reported after an all-clear but dated before it is refused, and counts when logged for today (R-TRIAGE-1/2)', async () => {
    // Found in review: the log is replayed by date, so the earlier all-clear covered it, exit 0.
    const a = await athlete();
    expect((await a.run(['checkin', '--cleared'], '2026-11-27')).code).toBe(0);
    const before = readFileSync(a.file, 'utf8');
    for (const args of [
      ['--symptom', 'radiating-pain'],
      ['--completed', 'yes', '--pain-during', '1', '--symptom', 'saddle-numbness'],
      ['--rest-pain', '8'],
    ]) {
      const late = await a.run(['checkin', '--date', '2026-11-25', ...args], '2026-11-30');
      expect(late.code).toBe(1);
      expect(late.stderr).toMatch(
        /^error: a (symptom|pain of 8\/10) dated Wed 25 Nov 2026 would fall under the all-clear already logged for Fri 27 Nov 2026, which was given before it was reported; nothing was logged\n/,
      );
    }
    // A morning entry comes first on its day: on the all-clear's own day it would fall under it too.
    expect((await a.run(session('2026-11-26', 1), '2026-11-30')).code).toBe(0);
    const morning = await a.run(['checkin', '--date', '2026-11-27', '--morning', '--next-morning', '8'], '2026-11-30');
    expect(morning.code).toBe(1);
    expect(morning.stderr).toMatch(/^error: a pain of 8\/10 dated Fri 27 Nov 2026 would fall under the all-clear/);
    const logged = readFileSync(a.file, 'utf8');
    expect(logged.replace(/\n.*2026-11-26.*\n/, '\n')).toBe(before);
    const now = await a.run(['checkin', '--symptom', 'radiating-pain'], '2026-11-30');
    expect(now.code).toBe(3);
    expect(now.stdout).toMatch(/Stop running until a doctor or physical therapist has assessed you/);
  });

  it('checkin --rest-pain logs pain at rest on a day without a session; 3 or more keeps runs off until less is logged', async () => {
    const a = await athlete();
    const high = await a.run(['checkin', '--rest-pain', '4'], '2026-11-24');
    expect(high.code).toBe(0);
    expect(high.stdout).toMatch(
      /^Logged Tue 24 Nov: pain at rest 4\/10\.\nPain at rest 4\/10: no run until you log pain at rest below 3\/10/,
    );
    expect(readFileSync(a.file, 'utf8')).toMatch(/- \{ date: 2026-11-24, restPain: 4 \}/);
    const show = JSON.parse((await a.run(['show', '--format', 'json'], '2026-11-24')).stdout);
    expect(
      show.weeks
        .flatMap((w: { sessions: { date: string; runMinutes: number }[] }) => w.sessions)
        .filter((s: { date: string; runMinutes: number }) => s.date >= '2026-11-24' && s.runMinutes > 0),
    ).toEqual([]);
    const eased = await a.run(['checkin', '--rest-pain', '1'], '2026-11-25');
    expect(eased.stdout).toMatch(/running can go on \(R-PAIN-5\)\.\nNext: Wed 25 Nov, Walk\/run L1/);
  });

  it('--rest-pain with session flags, or without a number, is a usage error', async () => {
    const a = await athlete();
    const both = await a.run(['checkin', '--rest-pain', '2', '--completed', 'yes'], '2026-11-24');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--rest-pain logs pain at rest on its own; drop --completed/);
    expect((await a.run(['checkin', '--rest-pain', 'x'], '2026-11-24')).code).toBe(2);
  });

  it('R-LOG-1: after two clean sessions in week 1, checkin and status name Monday at level 2, and show plans it', async () => {
    const a = await athlete();
    await a.run(session('2026-11-23', 1), '2026-11-23');
    await a.run(session('2026-11-25', 1), '2026-11-25');
    const sat = await a.run(session('2026-11-28', 1), '2026-11-28');
    expect(sat.stdout).toMatch(/^Next: Mon 30 Nov, Walk\/run L2 · 2 min jog \/ 2 min walk × 5\.$/m);
    const status = JSON.parse((await a.run(['status', '--format', 'json'], '2026-11-30')).stdout);
    expect(status.nextSession).toMatchObject({ date: '2026-11-30', level: 2 });
    const show = JSON.parse((await a.run(['show', '--format', 'json'], '2026-11-30')).stdout);
    expect(
      show.weeks[1].sessions
        .filter((s: { runMinutes: number }) => s.runMinutes > 0)
        .map((s: { level: number }) => s.level),
    ).toEqual([2, 2, 2]);
  });

  it('R-LOG-3: a run the day after another is logged and counted, and says which rule it broke', async () => {
    const a = await athlete();
    await a.run(session('2026-11-23', 1), '2026-11-23');
    const r = await a.run(session('2026-11-24', 1), '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Logged and counted, but not toward the next level: it was run the day after another run, on a day the plan kept free of running \(R-PROG-1\)\.$/m,
    );
    expect(JSON.parse((await a.run(['status', '--format', 'json'], '2026-11-24')).stdout).cleanSessions).toBe(1);
  });

  it('the wizard offers pain at rest when there was no session', async () => {
    const a = await athlete();
    // Tuesday holds no session: the wizard says so and offers pain at rest first.
    const answers: [RegExp, unknown][] = [
      [/No session is planned for Tue 24 Nov/, 'rest'],
      [/at rest now/, '3'],
    ];
    const reply = async (q: { message: string }) =>
      answers.find(([re]) => re.test(q.message))?.[1] ?? Promise.reject(new Error(q.message));
    const prompt = { input: reply, confirm: reply, checkbox: reply, select: reply } as unknown as Prompter;
    const r = await a.run(['checkin'], '2026-11-24', { stdinIsTTY: true, stdoutIsTTY: true, prompt });
    expect(r.code).toBe(0);
    expect(readFileSync(a.file, 'utf8')).toMatch(/- \{ date: 2026-11-24, restPain: 3 \}/);
  });

  it('checkin --help lists every decision with its rule', async () => {
    const help = (await cli(['checkin', '--help'])).stdout;
    for (const id of ['R-ESC-1', 'R-ESC-2', 'R-ESC-3', 'R-PAIN-5', 'R-LOG-1', 'R-LOG-2', 'R-LOG-3', 'R-WEEK-4'])
      expect(help).toContain(id);
    expect(help).toMatch(/--rest-pain <0-10>/);
  });

  it('plan --pain 10 is withheld (exit 3) and says to see a clinician first (R-PAIN-6)', async () => {
    const r = await cli(['plan', '--pain', '10', '--weekly', '0', '--goal-weekly', '30', '--today', '2026-11-22']);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toMatch(/Triage: clear/);
    expect(r.stdout).toMatch(/severe pain at rest \(10\/10/);
    expect(r.stdout).not.toMatch(/often settles/);
  });
});

describe('checkin input found in review', () => {
  it('checkin --symptom alone logs the symptom and acts on it', async () => {
    const a = await athlete();
    const r = await a.run(['checkin', '--symptom', 'saddle-numbness'], '2026-11-24');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Stop: get emergency care today/);
    expect(readFileSync(a.file, 'utf8')).toMatch(/- \{ date: 2026-11-24, symptoms: \[ saddle-numbness \] \}/);
  });
  it('--completed no with pain during, and --next-morning on a session logged today, are usage errors', async () => {
    const a = await athlete();
    const notDone = await a.run(['checkin', '--completed', 'no', '--pain-during', '4'], '2026-11-23');
    expect(notDone.code).toBe(2);
    expect(notDone.stderr).toMatch(/--completed no: there was no session to feel --pain-during in/);
    const early = await a.run([...session('2026-11-23', 1), '--next-morning', '1'], '2026-11-23');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/--next-morning is the morning after the session, which has not come yet/);
  });
  it('a clearance before the plan starts names today, not a --date never typed, and the way that works', async () => {
    const dir = testDir('checkin');
    const file = join(dir, 'night.yaml');
    const init = withFlags(INIT.slice(0, -2), ['--start', '2026-11-30', '--symptom', 'night-pain', '--file', file]);
    expect((await cli([...init, '--today', '2026-11-20'], { cwd: dir })).code).toBe(3);
    const early = await cli(['checkin', '--cleared', '--file', file, '--today', '2026-11-24'], { cwd: dir });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^error: today \(2026-11-24\) is before the plan starts \(Mon 30 Nov 2026\)$/m);
    expect(early.stderr).toMatch(/"backplan edit --cleared"/);
    expect(early.stderr).not.toMatch(/--date/);
    const edit = await cli(['edit', '--cleared', '--file', file, '--today', '2026-11-24'], { cwd: dir });
    expect(edit.code).toBe(0);
    expect(edit.stdout).toMatch(/Week 1 \(from Mon 30 Nov\) now holds walk\/run level 1/);
  });
});

describe('R-LOG-2: a session logged late keeps the run its day had (found trying the CLI)', () => {
  it('the first run after an earned advance, logged the day after, is kept at the new level', async () => {
    const a = await athlete();
    for (const date of ['2026-11-23', '2026-11-25']) expect((await a.run(session(date, 1), date)).code).toBe(0);
    // Level 1 is done; level 2 comes with the first run from Mon 30 Nov, which is missed; Wed 2 Dec is logged late.
    const r = await a.run([...session('2026-12-02', 6), '--format', 'json'], '2026-12-03');
    const out = JSON.parse(r.stdout);
    expect(out.decisions.map((d: { kind: string }) => d.kind)).toEqual(['advance', 'drop-back']);
    expect(out.logged).toMatchObject({ plannedLevel: 2 }); // the level the session was run at, not "missed" level 1
  });
});

describe('a saved athlete file is judged as a file, not as flags (found in review)', () => {
  it('arching pain with no age in the file is weighed as urgent (exit 3), not refused as a missing --age', async () => {
    const a = await athlete();
    writeFileSync(a.file, readFileSync(a.file, 'utf8').replace('archingPain: false', 'archingPain: true'));
    const r = await a.run(['show'], '2026-11-24');
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/--arching-pain needs --age/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(
      /Pain when arching backwards, age not given: under 20 this needs a doctor/,
    );
  });
  it('a bad value in the file is a data error (exit 1) naming the file and the field', async () => {
    const a = await athlete();
    writeFileSync(a.file, readFileSync(a.file, 'utf8').replace('  pain: 1\n', '  pain: 12\n'));
    const r = await a.run(['status'], '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*ana\.yaml:\d+: intake\.pain: /m);
  });
});

describe('R-ESC-4 in status', () => {
  it('a caution sign reported for 4 weeks: status says to book the assessment now', async () => {
    const dir = testDir('checkin');
    const file = join(dir, 'c.yaml');
    const init = await cli(withFlags(INIT, ['--file', file, '--symptom', 'limp']), { cwd: dir });
    expect(init.code).toBe(0);
    const status = await cli(['status', '--file', file, '--today', '2026-12-23'], { cwd: dir });
    expect(status.stdout.replace(/\s+/g, ' ')).toMatch(
      /book the assessment now, with a physical therapist, or a gait analysis;/,
    );
  });
});
