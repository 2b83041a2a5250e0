// `backplan init` and the athlete file, with scripted answers instead of a terminal.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/cli/wizard.js';
import { cli, withFlags } from '../helpers.js';
import { testDir } from '../tmp.js';

type Answer = string | boolean | string[];

/** Answers questions whose message matches; any other question fails the test. Records what was asked. */
function scripted(rules: [RegExp, Answer][]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const answer = (message: string, validate?: (v: string) => true | string): Answer => {
    asked.push(message);
    const rule = rules.find(([pattern]) => pattern.test(message));
    if (!rule) throw new Error(`unexpected question: ${message}`);
    if (validate && typeof rule[1] === 'string') {
      const verdict = validate(rule[1]);
      if (verdict !== true) throw new Error(`answer "${rule[1]}" rejected: ${verdict}`);
    }
    return rule[1];
  };
  return {
    asked,
    input: async (q) => answer(q.message, q.validate) as string,
    confirm: async (q) => answer(q.message) as boolean,
    checkbox: async (q) => answer(q.message) as never,
    select: async (q) => answer(q.message) as never,
  };
}

const tempDir = () => testDir('init');
const tty = (prompt: Prompter, cwd: string) => ({ stdinIsTTY: true, stdoutIsTTY: true, prompt, cwd });
const ALL_FLAGS = [
  '--name',
  'Sam',
  '--pain',
  '2',
  '--symptom',
  'limp',
  '--weekly',
  '0',
  '--units',
  'km',
  '--runs-per-week',
  '3',
  '--goal-weekly',
  '30',
  '--pace',
  '6:30',
  '--age',
  '35',
  '--runner',
  'beginner',
  '--start',
  '2026-11-23',
  '--days',
  'mon,wed,sat',
  '--export',
  'none',
  '--today',
  '2026-11-22',
];

const BASIC: [RegExp, Answer][] = [
  [/Your name/, 'Sam'],
  [/How much does your back hurt/, '2'],
  [/any of these now/, []],
  [/running at the moment/, false],
  [/count your running/, 'km'],
  [/how many days a week/, '3'],
  [/before the pain/, '30'],
  [/easy running pace/, ''],
  [/Your age/, ''],
  [/most like you/, 'beginner'],
  [/Start the plan/, '2026-11-23'],
  [/Preferred running days/, []],
  [/Export the plan/, []],
];

describe('the wizard', () => {
  it('asks in plain words, shows the plan and saves the answers', async () => {
    const cwd = tempDir();
    const prompt = scripted(BASIC);
    const r = await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(prompt, cwd));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Your answers\n {2}Sam · pain at rest 2\/10 · no symptoms ticked/);
    expect(r.stdout).toMatch(/Week 1 · Mon 23 Nov – Sun 29 Nov 2026 · walk\/run level 1/);
    expect(r.stderr).toMatch(/^Saved your answers to a\.yaml\.$/m);
    const saved = readFileSync(join(cwd, 'a.yaml'), 'utf8');
    expect(saved).toMatch(/^schemaVersion: 1$/m);
    expect(saved).toMatch(/^ {2}goalWeekly: 30$/m);
    expect(saved).toMatch(/^ {2}start: 2026-11-23$/m);
    expect(prompt.asked.some((q) => /cleared you to run/.test(q))).toBe(false); // only after an urgent symptom
  });

  it('validates answers in place with a helpful message', async () => {
    const prompt = scripted([[/Your name/, '']]);
    let validate: ((v: string) => true | string) | undefined;
    prompt.input = async (q) => {
      if (/hurt/.test(q.message)) {
        validate = q.validate;
        throw Object.assign(new Error('stop'), { name: 'ExitPromptError' });
      }
      return '';
    };
    await cli(['init', '--file', 'x.yaml'], tty(prompt, tempDir()));
    expect(validate!('11')).toBe('Type a whole number from 0 to 10.');
    expect(validate!('2.5')).toBe('Type a whole number from 0 to 10.');
    expect(validate!('3')).toBe(true);
  });

  it('asks about clearance only after an urgent symptom, and the plan holds no running without it', async () => {
    const cwd = tempDir();
    const rules: [RegExp, Answer][] = [
      [/any of these now/, ['worse-sitting']],
      [/cleared you to run/, false],
      ...BASIC,
    ];
    const prompt = scripted(rules);
    const r = await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(prompt, cwd));
    expect(prompt.asked.some((q) => /cleared you to run/.test(q))).toBe(true);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Triage: URGENT/);
    expect(existsSync(join(cwd, 'a.yaml'))).toBe(true); // saved, so --cleared can be added later
  });

  it('an emergency symptom ends the wizard at once: the message, exit 3, nothing saved (R-TRIAGE-1)', async () => {
    const cwd = tempDir();
    const prompt = scripted([
      [/Your name/, ''],
      [/hurt/, '1'],
      [/any of these now/, ['bladder-bowel']],
    ]);
    const r = await cli(['init', '--file', 'a.yaml'], tty(prompt, cwd));
    expect(r.code).toBe(3);
    expect(prompt.asked).toHaveLength(3);
    expect(r.stdout).toMatch(/Triage: EMERGENCY[\s\S]*emergency department/);
    expect(r.stderr).toMatch(/Nothing was saved/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('asks the easy pace for distances (R-VOL-7), and the plan uses it', async () => {
    const cwd = tempDir();
    const prompt = scripted([[/easy running pace, as min:sec per km/, '6:30'], ...BASIC]);
    const r = await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(prompt, cwd));
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toMatch(/^ {2}pace: 6\.5$/m);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/your easy pace of 6:30\/km/);
  });

  it('asks the age when pain arching backwards was given, and will not take a blank', async () => {
    const prompt = scripted([[/Your age \(needed/, ''], ...BASIC]);
    await expect(
      cli(['init', '--file', 'a.yaml', '--arching-pain', '--today', '2026-11-22'], tty(prompt, tempDir())),
    ).resolves.toMatchObject({ code: 1 });
    expect(prompt.asked.some((q) => /Your age \(needed/.test(q))).toBe(true);
  });

  it('asks the age-dependent red-flag questions only at those ages', async () => {
    const older = scripted([[/Your age/, '55'], [/first time you have had back pain/, true], ...BASIC]);
    const r = await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(older, tempDir()));
    expect(r.stdout).toMatch(/Triage: CAUTION/);
    const young = scripted([[/Your age/, '16'], [/arch your back/, true], [/cleared you to run/, false], ...BASIC]);
    expect((await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(young, tempDir()))).code).toBe(3);
    expect(BASIC.some(([p]) => p.test('Does it hurt when you arch your back backwards?'))).toBe(false);
  });

  it('given every flag, asks nothing', async () => {
    const cwd = tempDir();
    const prompt = scripted([]);
    const r = await cli(['init', '--file', 'a.yaml', ...ALL_FLAGS], tty(prompt, cwd));
    expect(r.code).toBe(0);
    expect(prompt.asked).toEqual([]);
  });

  it('offers Markdown and calendar exports, and replaces an existing file only after a yes', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sam-plan.md'), 'keep me');
    const prompt = scripted([[/Export the plan/, ['md', 'ics']], [/sam-plan\.md already exists/, false], ...BASIC]);
    const r = await cli(['init', '--file', 'a.yaml', '--today', '2026-11-22'], tty(prompt, cwd));
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'sam-plan.md'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(cwd, 'sam-plan.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('Ctrl-C at a prompt: "Cancelled", exit 130, nothing written', async () => {
    const cwd = tempDir();
    const prompt = scripted(BASIC);
    prompt.select = async () => {
      throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    };
    const r = await cli(['init', '--file', 'a.yaml'], tty(prompt, cwd));
    expect(r).toMatchObject({ code: 130, stderr: 'Cancelled\n' });
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('init without a terminal', () => {
  it('fails fast naming every missing flag, exit 2', async () => {
    const r = await cli(['init', '--file', 'a.yaml'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /missing --pain <0-10>, --weekly <n> \(or --weekly-minutes <n>; 0 if not running\), --goal-weekly <n>/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('--no-input never asks, even in a terminal', async () => {
    const prompt = scripted([]);
    const r = await cli(['init', '--no-input', '--pain', '2'], tty(prompt, tempDir()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --weekly <n>.*--goal-weekly <n>/);
    expect(prompt.asked).toEqual([]);
  });

  it('takes its answers from flags; --weekly 0 is an answer', async () => {
    const cwd = tempDir();
    const r = await cli(
      [
        'init',
        '--file',
        'a.yaml',
        '--pain',
        '1',
        '--weekly',
        '0',
        '--goal-weekly',
        '25',
        '--units',
        'mi',
        '--today',
        '2026-11-22',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toMatch(/units: mi/);
  });

  it('an emergency symptom from flags saves nothing, exit 3', async () => {
    const cwd = tempDir();
    const r = await cli(
      ['init', '--file', 'a.yaml', '--pain', '1', '--weekly', '0', '--goal-weekly', '25', '--symptom', 'leg-weakness'],
      { cwd },
    );
    expect(r.code).toBe(3);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an emergency symptom is said at once, before answers missing for a plan (R-TRIAGE-1)', async () => {
    const cwd = tempDir();
    const r = await cli(['init', '--no-input', '--file', 'a.yaml', '--symptom', 'saddle-numbness'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Triage: EMERGENCY[\s\S]*emergency department/);
    expect(r.stderr).not.toMatch(/missing/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('the athlete file', () => {
  const make = async (cwd: string, extra: string[] = []) =>
    cli(
      withFlags(
        ['init', '--file', 'a.yaml', '--pain', '2', '--weekly', '10', '--goal-weekly', '30', '--today', '2026-11-22'],
        extra,
      ),
      { cwd },
    );

  it('defaults to $BACKPLAN_FILE, then $XDG_DATA_HOME/backplan/athlete.yaml, then ~/.local/share', async () => {
    const cwd = tempDir();
    const base = ['init', '--pain', '2', '--weekly', '0', '--goal-weekly', '30'];
    await cli(base, {
      cwd,
      env: { BACKPLAN_FILE: join(cwd, 'env.yaml'), XDG_DATA_HOME: join(cwd, 'xdg'), HOME: join(cwd, 'home') },
    });
    await cli(base, { cwd, env: { XDG_DATA_HOME: join(cwd, 'xdg'), HOME: join(cwd, 'home') } });
    await cli(base, { cwd, env: { HOME: join(cwd, 'home') } });
    expect(existsSync(join(cwd, 'env.yaml'))).toBe(true);
    expect(existsSync(join(cwd, 'xdg', 'backplan', 'athlete.yaml'))).toBe(true);
    expect(existsSync(join(cwd, 'home', '.local', 'share', 'backplan', 'athlete.yaml'))).toBe(true);
  });

  it('is replaced only with --force, keeping the previous version as .bak', async () => {
    const cwd = tempDir();
    await make(cwd);
    const first = readFileSync(join(cwd, 'a.yaml'), 'utf8');
    const refused = await make(cwd, ['--pain', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a\.yaml already exists; nothing was changed/);
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toBe(first);
    expect((await make(cwd, ['--pain', '1', '--force'])).code).toBe(0);
    expect(readFileSync(join(cwd, 'a.yaml.bak'), 'utf8')).toBe(first);
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toMatch(/pain: 1/);
  });

  it('asks before replacing in a terminal, defaulting to no', async () => {
    const cwd = tempDir();
    await make(cwd);
    const before = readFileSync(join(cwd, 'a.yaml'), 'utf8');
    const prompt = scripted([[/already exists\. Replace it\?/, false]]);
    const r = await cli(['init', '--file', 'a.yaml'], tty(prompt, cwd));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Nothing changed.\n');
    expect(readFileSync(join(cwd, 'a.yaml'), 'utf8')).toBe(before);
  });

  it('keeps comments and keys a user added by hand across a rewrite', async () => {
    const cwd = tempDir();
    await make(cwd);
    const path = join(cwd, 'a.yaml');
    const edited = readFileSync(path, 'utf8')
      .replace('schemaVersion: 1', '# physio on Tuesdays\nschemaVersion: 1\ncoach: Jo')
      .replace('  pain: 2', '  pain: 2 # after the long run');
    writeFileSync(path, edited);
    expect((await make(cwd, ['--pain', '1', '--force'])).code).toBe(0);
    const rewritten = readFileSync(path, 'utf8');
    expect(rewritten).toMatch(/# physio on Tuesdays/);
    expect(rewritten).toMatch(/^coach: Jo$/m);
    expect(rewritten).toMatch(/^ {2}pain: 1/m);
  });

  it('plan --file uses the saved answers, and flags override them', async () => {
    const cwd = tempDir();
    await make(cwd, ['--name', 'Sam']);
    const saved = JSON.parse(
      (await cli(['plan', '--file', 'a.yaml', '--format', 'json', '--today', '2026-11-22'], { cwd })).stdout,
    );
    expect(saved.name).toBe('Sam');
    const overridden = await cli(
      ['plan', '--file', 'a.yaml', '--pain', '6', '--format', 'json', '--today', '2026-11-22'],
      { cwd },
    );
    expect(JSON.parse(overridden.stdout).weeks[0].phase).toBe('settle');
    const shown = await cli(['show', '--file', 'a.yaml', '--today', '2026-11-22'], { cwd });
    expect(shown.stdout).toMatch(/Return-to-running plan · Sam/);
    const exported = await cli(['export', 'md', '--file', 'a.yaml', '-o', 'p.md'], { cwd });
    expect(exported.code).toBe(0);
    expect(readFileSync(join(cwd, 'p.md'), 'utf8')).toMatch(/^# Return-to-running plan: Sam/);
  });

  it('a newer schemaVersion is refused and left untouched', async () => {
    const cwd = tempDir();
    const path = join(cwd, 'a.yaml');
    writeFileSync(path, 'schemaVersion: 2\nintake: {}\n');
    const r = await cli(['show', '--file', 'a.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/written by a newer backplan \(schemaVersion 2/);
    expect(readFileSync(path, 'utf8')).toBe('schemaVersion: 2\nintake: {}\n');
  });

  it('--export never goes over the athlete file (found in review)', async () => {
    const cwd = tempDir();
    const args = ['init', '--no-input', '--file', 'ana-plan.md', '--name', 'Ana', '--pain', '1', '--weekly', '20'];
    const r = await cli([...args, '--goal-weekly', '30', '--export', 'md', '--today', '2026-11-22'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: ana-plan\.md is the athlete file, or its backup; nothing was saved\n/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a malformed file is reported with its line', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.yaml'), 'schemaVersion: 1\nintake:\n  pain: lots\n  goalWeekly: 30\n');
    const r = await cli(['show', '--file', 'a.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.yaml:3: intake\.pain: expected number, received string/);
    writeFileSync(join(cwd, 'b.yaml'), 'schemaVersion: 1\nintake: [\n');
    expect((await cli(['show', '--file', 'b.yaml'], { cwd })).stderr).toMatch(/b\.yaml:\d+: not valid YAML/);
  });

  it('R-TRIAGE-2: init --force does not replace a file it cannot read: its log may hold a stop (found by a hostile tester)', async () => {
    const cwd = tempDir();
    expect((await make(cwd)).code).toBe(0);
    const path = join(cwd, 'a.yaml');
    const flagged = await cli(['checkin', '--file', 'a.yaml', '--symptom', 'radiating-pain', '--today', '2026-11-24'], {
      cwd,
    });
    expect(flagged.code).toBe(3);
    writeFileSync(path, readFileSync(path, 'utf8').replace('radiating-pain ]', 'radiating-pain ] x'));
    const broken = readFileSync(path, 'utf8');
    const shown = await cli(['status', '--file', 'a.yaml', '--today', '2026-11-26'], { cwd });
    expect(shown.stderr).toMatch(/backplan reset/);
    expect(shown.stderr).not.toMatch(/init --force/);
    const r = await make(cwd, ['--force', '--today', '2026-11-26']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: a\.yaml cannot be read \(line \d+: .*\); replacing it would drop its check-ins/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });

  it('show without a saved file says how to make one', async () => {
    const r = await cli(['show', '--file', 'none.yaml'], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no athlete file at none\.yaml\n.*backplan init/);
  });
});
