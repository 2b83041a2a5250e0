// A runner's first week (issue 22): init, edit, reset, show, status, checkin and completion, as a
// new user meets them. Each block is a complaint of that issue, as a test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/cli/wizard.js';
import { cli, withFlags } from '../helpers.js';
import { testDir } from '../tmp.js';

type Answer = string | boolean | string[];

/** Answers questions whose message matches, recording each question with its default and choices. */
function scripted(rules: [RegExp, Answer][]) {
  const asked: { message: string; default?: unknown; choices?: { value: string; checked?: boolean }[] }[] = [];
  const answer = (q: {
    message: string;
    default?: unknown;
    choices?: { value: string; checked?: boolean }[];
    validate?: (v: string) => true | string;
  }): Answer => {
    asked.push({ message: q.message, default: q.default, choices: q.choices });
    const rule = rules.find(([pattern]) => pattern.test(q.message));
    if (!rule) throw new Error(`unexpected question: ${q.message}`);
    let value = rule[1];
    // An empty answer to a question with a default takes the default, as Enter does in a terminal.
    if (value === '' && typeof q.default === 'string') value = q.default;
    if (q.validate && typeof value === 'string') {
      const verdict = q.validate(value);
      if (verdict !== true) throw new Error(`answer "${value}" rejected: ${verdict}`);
    }
    return value;
  };
  const prompt: Prompter = {
    input: async (q) => answer(q) as string,
    confirm: async (q) => answer(q) as boolean,
    checkbox: async (q) => answer(q) as never,
    select: async (q) => answer(q) as never,
  };
  return { prompt, asked };
}

const tty = (prompt: Prompter, cwd: string, columns?: number) => ({
  stdinIsTTY: true,
  stdoutIsTTY: true,
  prompt,
  cwd,
  ...(columns ? { columns } : {}),
});
const INIT = [
  'init',
  '--no-input',
  '--file',
  'a.yaml',
  '--pain',
  '1',
  '--weekly-minutes',
  '0',
  '--goal-weekly',
  '90',
  '--export',
  'none',
];
const SESSION = ['--completed', 'yes', '--pain-before', '1', '--pain-during', '1', '--pain-after', '1'];

async function athlete(extra: string[] = []) {
  const cwd = testDir('first-week');
  const made = await cli(withFlags(INIT, ['--today', '2026-11-22', ...extra]), { cwd });
  expect(made.code).toBe(0);
  const run = (args: string[], today: string, io = {}) =>
    cli([...args, '--file', 'a.yaml', '--today', today], { cwd, ...io });
  return { cwd, run, file: join(cwd, 'a.yaml') };
}

const widest = (text: string) =>
  Math.max(
    ...text
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => [...l].length),
  );

describe('init ends with the answers, this week and next, and what to do next', () => {
  it('shows symptom words, two weeks, how to see the rest, and no line wider than 80 columns', async () => {
    const cwd = testDir('first-week');
    const r = await cli(withFlags(INIT, ['--symptom', 'worse-during-run', '--today', '2026-11-22']), { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/symptoms: pain that builds mid-run or after/);
    expect(r.stdout).not.toMatch(/worse-during-run/);
    expect(r.stdout).toMatch(/^Week 1 · /m);
    expect(r.stdout).toMatch(/^Week 2 · /m);
    expect(r.stdout).not.toMatch(/^Week 3 · /m);
    expect(r.stdout).toMatch(/Stop and get help if any of these appear/); // R-SAFE-1 all the same
    expect(r.stdout + r.stderr).toMatch(/backplan show --all/);
    expect(r.stderr).toMatch(/^Exports: .*backplan export md/m);
    expect(r.stderr).toMatch(/^After each session: "backplan checkin"/m);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(r.stderr)).toBeLessThanOrEqual(80);
  });

  it('fits a narrower terminal too', async () => {
    const { prompt } = scripted([]);
    const r = await cli(
      [
        ...INIT.filter((a) => a !== '--no-input'),
        '--name',
        'Sam',
        '--runner',
        'beginner',
        '--start',
        '2026-11-23',
        '--runs-per-week',
        '3',
        '--age',
        '40',
        '--days',
        'mon,wed,sat',
        '--symptom',
        'hip-buttock',
        '--today',
        '2026-11-22',
      ],
      tty(prompt, testDir('first-week'), 60),
    );
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
    expect(widest(r.stderr)).toBeLessThanOrEqual(60);
  });
});

describe('init on an existing file', () => {
  it('init --force keeps the log inside the plan: status still sees the check-ins', async () => {
    const a = await athlete();
    expect((await a.run(withFlags(['checkin', ...SESSION], ['--pain-during', '2']), '2026-11-23')).code).toBe(0);
    // Before: --force with no --start moved the start to the next Monday after today, past the log.
    const again = await cli(withFlags(INIT, ['--force', '--today', '2026-11-25']), { cwd: a.cwd });
    expect(again.code).toBe(0);
    expect(readFileSync(a.file, 'utf8')).toMatch(/start: 2026-11-23/);
    const status = await a.run(['status'], '2026-11-25');
    expect(status.stdout).not.toMatch(/No pain logged yet/);
    expect(JSON.parse((await a.run(['status', '--format', 'json'], '2026-11-25')).stdout).pain).toHaveLength(1);
  });

  it('refuses a new start date once check-ins are logged, saying why', async () => {
    const a = await athlete();
    await a.run(['checkin', ...SESSION], '2026-11-23');
    const before = readFileSync(a.file, 'utf8');
    const r = await cli(withFlags(INIT, ['--force', '--start', '2026-11-30', '--today', '2026-11-25']), { cwd: a.cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--start 2026-11-30 refused: the log holds 1 check-in from Mon 23 Nov 2026 on/);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
  });

  it('in a terminal, offers the saved answers as the defaults', async () => {
    const a = await athlete(['--name', 'Sam', '--symptom', 'limp', '--days', 'mon,thu', '--start', '2026-11-30']);
    const { prompt, asked } = scripted([
      [/already exists\. Replace it\?/, true],
      [/Your name/, ''],
      [/hurt right now/, ''],
      [/any of these now/, ['limp']],
      [/running at the moment/, false],
      [/count your running/, 'min'],
      [/how many days/, ''],
      [/before the pain/, ''],
      [/Your age/, ''],
      [/most like you/, 'beginner'],
      [/Start the plan/, ''],
      [/Preferred running days/, ['mon', 'thu']],
      [/Export the plan/, []],
    ]);
    const r = await a.run(['init'], '2026-11-22', tty(prompt, a.cwd));
    expect(r.code).toBe(0);
    const question = (re: RegExp) => asked.find((q) => re.test(q.message))!;
    expect(question(/Your name/).default).toBe('Sam');
    expect(question(/hurt right now/).default).toBe('1');
    expect(question(/before the pain/).default).toBe('90');
    expect(question(/Start the plan/).default).toBe('2026-11-30'); // not the next Monday
    expect(question(/count your running/).default).toBe('min');
    expect(
      question(/any of these now/)
        .choices!.filter((c) => c.checked)
        .map((c) => c.value),
    ).toEqual(['limp']);
    expect(
      question(/Preferred running days/)
        .choices!.filter((c) => c.checked)
        .map((c) => c.value),
    ).toEqual(['mon', 'thu']);
  });
});

describe('backplan edit', () => {
  it('changes one answer by its flag, keeps the log, and says how the plan moves', async () => {
    const a = await athlete();
    await a.run(['checkin', ...SESSION], '2026-11-23');
    const r = await a.run(['edit', '--runs-per-week', '2'], '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Changed: runs a week 3 → 2\.$/m);
    expect(r.stdout).toMatch(
      /^Week 2 \(from Mon 30 Nov\) now holds walk\/run level 2, 2 runs, 20 running min; it\n {2}held walk\/run level 2, 3 runs, 30 running min\.$/m,
    );
    expect(r.stdout).toMatch(/^3 more weeks change: "backplan show --all" prints them\.$/m);
    const saved = readFileSync(a.file, 'utf8');
    expect(saved).toMatch(/runsPerWeek: 2/);
    expect(saved).toMatch(/- \{ date: 2026-11-23, completed: yes/);
    expect(r.stderr).toMatch(/your 1 check-in is kept/);
  });

  it('does not lift a stop (R-TRIAGE-2, R-PAIN-6): a red flag taken away or a lower pain needs --cleared (found in review)', async () => {
    // edit --no-symptom and edit --pain 1 gave runs back, exit 0, with no clinician.
    for (const [extra, change] of [
      [['--symptom', 'radiating-pain'], ['--no-symptom']],
      [
        ['--pain', '8'],
        ['--pain', '1'],
      ],
    ]) {
      const cwd = testDir('first-week');
      expect((await cli(withFlags(INIT, ['--today', '2026-11-22', ...extra!]), { cwd })).code).toBe(3);
      const a = {
        file: join(cwd, 'a.yaml'),
        run: (args: string[], today: string) => cli([...args, '--file', 'a.yaml', '--today', today], { cwd }),
      };
      const before = readFileSync(a.file, 'utf8');
      const r = await a.run(['edit', ...change!], '2026-11-24');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^error: running is stopped since .* and only a clinician's all-clear lifts that; nothing was changed\n/,
      );
      expect(r.stderr).toMatch(/backplan checkin --cleared/);
      expect(readFileSync(a.file, 'utf8')).toBe(before);
      expect((await a.run(['edit', ...change!, '--cleared'], '2026-11-24')).code).toBe(0);
    }
    // Nor with a --today before the check-in that stopped it (found in review).
    const b = await athlete();
    expect((await b.run(['checkin', '--symptom', 'radiating-pain'], '2026-11-25')).code).toBe(3);
    const early = await b.run(['edit', '--pain', '2'], '2026-11-24');
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^error: --today Tue 24 Nov 2026 is before the newest check-in already logged/);
  });

  it('takes answers away with --no-…, and checks units typed with the numbers against the saved ones', async () => {
    const a = await athlete(['--symptom', 'limp', '--age', '40']);
    const r = await a.run(['edit', '--no-symptom', '--no-age', '--goal-weekly', '120 min'], '2026-11-22');
    expect(r.code).toBe(0);
    const saved = readFileSync(a.file, 'utf8');
    expect(saved).not.toMatch(/limp|age:/);
    expect(saved).toMatch(/goalWeekly: 120/);
    const wrongUnit = await a.run(['edit', '--goal-weekly', '40km'], '2026-11-22');
    expect(wrongUnit.code).toBe(2);
    expect(wrongUnit.stderr).toMatch(/the units change from min to km, but --weekly/);
  });

  it('refuses to move the start once check-ins are logged, and changes nothing', async () => {
    const a = await athlete();
    await a.run(['checkin', ...SESSION], '2026-11-23');
    const before = readFileSync(a.file, 'utf8');
    const r = await a.run(['edit', '--start', '2026-12-07'], '2026-11-24');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused: the log holds 1 check-in .* moving the start would leave them outside the plan/);
    expect(readFileSync(a.file, 'utf8')).toBe(before);
  });

  it('without flags or a terminal, fails naming what to give (exit 2); in a terminal, asks with the saved answers', async () => {
    const a = await athlete();
    const r = await a.run(['edit'], '2026-11-22');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to change[\s\S]*--pain 1 or --goal-weekly 40/);
    const { prompt, asked } = scripted([
      [/Your name/, ''],
      [/hurt right now/, '0'],
      [/any of these now/, []],
      [/running at the moment/, false],
      [/count your running/, 'min'],
      [/how many days/, ''],
      [/before the pain/, ''],
      [/Your age/, ''],
      [/most like you/, 'beginner'],
      [/Start the plan/, ''],
      [/Preferred running days/, []],
    ]);
    const asking = await a.run(['edit'], '2026-11-22', tty(prompt, a.cwd));
    expect(asking.code).toBe(0);
    expect(asked.find((q) => /before the pain/.test(q.message))!.default).toBe('90');
    expect(asking.stdout).toMatch(/^Changed: pain at rest 1 → 0\.$/m);
  });
});

describe('backplan reset', () => {
  it('deletes the athlete file and its .bak after a yes; the question defaults to No', async () => {
    const a = await athlete();
    await a.run(['checkin', ...SESSION], '2026-11-23'); // makes a.yaml.bak
    const no = scripted([[/Delete a\.yaml, a\.yaml\.bak\?/, false]]);
    const kept = await cli(['reset', '--file', 'a.yaml'], tty(no.prompt, a.cwd));
    expect(kept.code).toBe(0);
    expect(no.asked[0]!.default).toBe(false);
    expect(existsSync(a.file)).toBe(true);
    const yes = scripted([[/Delete/, true]]);
    const gone = await cli(['reset', '--file', 'a.yaml'], tty(yes.prompt, a.cwd));
    expect(gone.code).toBe(0);
    expect(gone.stderr).toBe('Deleted a.yaml, a.yaml.bak.\n');
    expect(readdirSync(a.cwd)).toEqual([]);
  });

  it('without a terminal needs --yes (exit 2, nothing deleted); --yes deletes, lock too', async () => {
    const a = await athlete();
    const r = await cli(['reset', '--file', 'a.yaml'], { cwd: a.cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/add --yes/);
    expect(existsSync(a.file)).toBe(true);
    writeFileSync(`${a.file}.lock`, ''); // a lock left behind by a run that failed
    await new Promise((done) => setTimeout(done, 1100)); // an empty lock is stale after a second
    expect((await cli(['reset', '--file', 'a.yaml', '--yes'], { cwd: a.cwd })).code).toBe(0);
    expect(readdirSync(a.cwd)).toEqual([]);
    expect((await cli(['reset', '--file', 'a.yaml', '--yes'], { cwd: a.cwd })).code).toBe(1);
  });
});

describe('show and status answer "what do I do today?" first', () => {
  it('show: today and the next session on the first line; in a terminal this week and next, --all every week', async () => {
    const a = await athlete();
    const piped = await a.run(['show'], '2026-11-24');
    expect(piped.stdout.split('\n')[0]).toBe(
      'Today, Tue 24 Nov: Swim or bike, Core routine; next: Wed 25 Nov, Walk/run L1.',
    );
    expect(piped.stdout).toMatch(/^Week 8 · /m); // a pipe gets every week
    const onRunDay = await a.run(['show'], '2026-11-25');
    expect(onRunDay.stdout.split('\n')[0]).toBe('Today, Wed 25 Nov: Walk/run L1; then Sat 28 Nov, Walk/run L1.');
    const terminal = await a.run(['show'], '2026-11-24', { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(terminal.stdout).toMatch(/^Week 2 · /m);
    expect(terminal.stdout).not.toMatch(/^Week 3 · /m);
    expect(terminal.stdout).toMatch(/Weeks 3–8 and the exercise notes: "backplan show --all"\./);
    const all = await a.run(['show', '--all'], '2026-11-24', { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(all.stdout).toMatch(/^Week 8 · /m);
  });

  it('status: the same answer on its first line, from the same next session (R-LOG-1)', async () => {
    const a = await athlete();
    await a.run(['checkin', ...SESSION], '2026-11-23');
    const status = await a.run(['status'], '2026-11-23');
    expect(status.stdout.split('\n')[0]).toBe('Today, Mon 23 Nov: Walk/run L1, done; next: Wed 25 Nov, Walk/run L1.');
    const thursday = await a.run(['status'], '2026-11-26');
    expect(thursday.stdout.split('\n')[0]).toBe('Today, Thu 26 Nov: rest; next: Sat 28 Nov, Walk/run L1.');
  });
});

describe('checkin names the day and the session', () => {
  const answers: [RegExp, Answer][] = [
    [/before the session/, '1'],
    [/during the session/, '1'],
    [/just after/, '1'],
    [/soreness in the warm-up/, 'none'],
    [/Anything new/, []],
    [/A note/, ''],
  ];

  it('on a run day, the first question names it', async () => {
    const a = await athlete();
    const { prompt, asked } = scripted([[/Did you do the session/, 'yes'], ...answers]);
    const r = await a.run(['checkin'], '2026-11-23', tty(prompt, a.cwd));
    expect(r.code).toBe(0);
    expect(asked[0]!.message).toBe(
      'Did you do the session planned for Mon 23 Nov: Walk/run L1 · 1 min jog / 2 min walk × 5?',
    );
  });

  it('on a day without a session, says so and offers the nearest: a run not logged yet', async () => {
    const a = await athlete();
    const { prompt, asked } = scripted([
      [/No session is planned/, 'nearest'],
      [/Did you do the session/, 'yes'],
      ...answers,
    ]);
    const r = await a.run(['checkin'], '2026-11-24', tty(prompt, a.cwd));
    expect(r.code).toBe(0);
    expect(asked[0]!.message).toBe(
      'No session is planned for Tue 24 Nov. The nearest: Mon 23 Nov, Walk/run L1 · 1 min jog / 2 min walk × 5, not logged yet. What would you like to log?',
    );
    expect(asked[1]!.message).toMatch(/planned for Mon 23 Nov/);
    expect(readFileSync(a.file, 'utf8')).toMatch(/- \{ date: 2026-11-23, completed: yes/);
  });

  it('or the next one, from progress.next, when nothing before is left to log', async () => {
    const a = await athlete();
    await a.run(['checkin', ...SESSION], '2026-11-23');
    const { prompt, asked } = scripted([
      [/No session is planned/, 'rest'],
      [/at rest now/, '1'],
    ]);
    const r = await a.run(['checkin'], '2026-11-24', tty(prompt, a.cwd));
    expect(r.code).toBe(0);
    expect(asked[0]!.message).toBe(
      'No session is planned for Tue 24 Nov. The next: Wed 25 Nov, Walk/run L1 · 1 min jog / 2 min walk × 5. What would you like to log?',
    );
    expect(r.stdout).toMatch(/Next: Wed 25 Nov, Walk\/run L1/);
  });
});

describe('comma decimals and units typed with the number', () => {
  it('flags: "6,5", "15km", "15 km" and "10 mi" (which sets the units) are understood', async () => {
    const json = async (args: string[]) =>
      JSON.parse((await cli(['plan', '--pain', '1', '--today', '2026-11-22', '--format', 'json', ...args])).stdout);
    const km = await json(['--weekly', '6,5', '--goal-weekly', '15km', '--longest-run', '3 km']);
    expect(km.units).toBe('km');
    const plain = await json(['--weekly', '6.5', '--goal-weekly', '15', '--longest-run', '3']);
    expect(km.weeks).toEqual(plain.weeks);
    expect((await json(['--weekly', '10 mi', '--goal-weekly', '20 mi'])).units).toBe('mi');
    expect((await json(['--weekly', '90min', '--goal-weekly', '150 minutes'])).units).toBe('min');
  });

  it('refuses what is ambiguous or contradictory, saying why', async () => {
    const plan = (args: string[]) => cli(['plan', '--pain', '1', ...args]);
    const thousands = await plan(['--goal-weekly', '1,500']);
    expect(thousands.code).toBe(2);
    expect(thousands.stderr).toMatch(/"1,500" could be 1500 or 1\.500/);
    const clash = await plan(['--goal-weekly', '30 mi', '--units', 'km']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--goal-weekly in mi but --units km/);
    expect((await plan(['--weekly', '10km', '--goal-weekly', '20mi'])).stderr).toMatch(/different units/);
  });

  it('the wizard takes the same: "6,5" and "15 km" at the questions', async () => {
    const { prompt } = scripted([
      [/Your name/, ''],
      [/hurt right now/, '1'],
      [/any of these now/, []],
      [/running at the moment/, true],
      [/count your running/, 'km'],
      [/How much a week/, '6,5'],
      [/how many days/, '3'],
      [/longest run/, '3 km'],
      [/before the pain/, '15km'],
      [/easy running pace/, ''],
      [/Your age/, ''],
      [/most like you/, 'beginner'],
      [/Start the plan/, '2026-11-23'],
      [/Preferred running days/, []],
      [/Export the plan/, []],
    ]);
    const cwd = testDir('first-week');
    const r = await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(prompt, cwd));
    expect(r.code).toBe(0);
    const saved = readFileSync(join(cwd, 'a.yaml'), 'utf8');
    expect(saved).toMatch(/weekly: 6\.5/);
    expect(saved).toMatch(/goalWeekly: 15\n/);
    expect(saved).toMatch(/longestRun: 3\n/);
  });
});

describe('backplan completion', () => {
  it('bash: completes commands, options and choices from the program itself', async () => {
    const script = (await cli(['completion', 'bash'])).stdout;
    const complete = (...words: string[]) => {
      const run = spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _backplan; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      return run.stdout.trim().split(' ');
    };
    expect(complete('backplan', 'che')).toEqual(['checkin']);
    expect(complete('backplan', 're')).toEqual(['reset', 'report']);
    expect(complete('backplan', 'checkin', '--pain-d')).toEqual(['--pain-during']);
    expect(complete('backplan', 'export', '')).toEqual(['text', 'json', 'md', 'ics', 'html', 'pdf']);
    expect(complete('backplan', 'status', '--format', '')).toEqual(['text', 'json']);
    expect(complete('backplan', 'show', '--a')).toEqual(['--all', '--alarm']);
    expect(complete('backplan', 'templates', 'l')).toEqual(['list', 'lint']);
  });

  it('zsh and fish name every command, and an unknown shell is a usage error', async () => {
    const { createProgram } = await import('../../src/cli/program.js');
    const { fakeIo } = await import('../helpers.js');
    const names = createProgram(fakeIo()).commands.map((c) => c.name());
    expect(names).toContain('completion');
    const zsh = (await cli(['completion', 'zsh'])).stdout;
    const fish = (await cli(['completion', 'fish'])).stdout;
    for (const name of names) {
      expect(zsh).toMatch(new RegExp(`^ {4}'${name}:`, 'm'));
      expect(fish).toMatch(new RegExp(` -a ${name} -d `));
    }
    expect(zsh).toMatch(/'--pain-during\[the worst back pain during the session\]:value:_files'/);
    expect((await cli(['completion', 'tcsh'])).code).toBe(2);
  });
});
