// The wizard in a real terminal: tmux runs the built binary, send-keys types, capture-pane reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../tmp.js';
import { RUNNER_ANSWERS } from '../runner.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `backplan-test-${process.pid}`;
const BIN = resolve('bin/backplan.cjs');

const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session).stdout;

async function waitFor(session: string, pattern: RegExp, ms = 10_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const text = screen(session);
    if (pattern.test(text)) return text;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; the screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(session: string, dir: string, args: string, command = 'init'): void {
  const env = `env -u NO_COLOR -u FORCE_COLOR -u BACKPLAN_FILE TERM=xterm-256color HOME=${dir}`;
  const result = tmux(
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '100',
    '-y',
    '50',
    '-c',
    dir,
    `${env} node ${BIN} ${command} ${args}; echo EXIT=$?; sleep 60`,
  );
  expect(result.status).toBe(0);
}

afterAll(() => {
  if (hasTmux) tmux('kill-server');
});

describe.runIf(hasTmux || process.env.CI)('the init wizard in a real terminal (tmux)', () => {
  it('types the answers, shows the plan, saves the file and the Markdown export', async () => {
    const dir = testDir('tmux');
    start('wizard', dir, '--file athlete.yaml --today 2026-11-22');
    const keys = (...k: string[]) => tmux('send-keys', '-t', 'wizard', ...k);
    await waitFor('wizard', /Your name/);
    keys('Sam', 'Enter');
    await waitFor('wizard', /hurt right now/);
    keys('11', 'Enter');
    await waitFor('wizard', /Type a whole number from 0 to 10/);
    keys('BSpace', 'BSpace', '2', 'Enter');
    await waitFor('wizard', /any of these now/);
    keys('Enter');
    await waitFor('wizard', /running at the moment/);
    keys('y', 'Enter');
    await waitFor('wizard', /count your running/);
    keys('Enter'); // kilometres
    await waitFor('wizard', /How much a week, in km/);
    keys('12', 'Enter');
    await waitFor('wizard', /how many days a week/);
    keys('Enter'); // the default, 3
    await waitFor('wizard', /longest run/);
    keys('Enter');
    await waitFor('wizard', /before the pain/);
    keys('8', 'Enter');
    await waitFor('wizard', /less than you run now \(12\)/);
    keys('BSpace', '30', 'Enter');
    await waitFor('wizard', /easy running pace/);
    keys('6:30', 'Enter'); // R-VOL-7
    await waitFor('wizard', /Your age/);
    keys('Enter');
    await waitFor('wizard', /most like you/);
    keys('Down', 'Enter'); // distance
    await waitFor('wizard', /Start the plan on/);
    keys('Enter'); // the default, the next Monday
    await waitFor('wizard', /Preferred running days/);
    keys('Enter');
    await waitFor('wizard', /Export the plan as well/);
    keys('Space', 'Enter'); // Markdown
    const final = await waitFor('wizard', /EXIT=\d+/);

    expect(final).toMatch(/EXIT=0/);
    expect(final).toMatch(/Sam · pain at rest 2\/10/);
    expect(final).toMatch(/running now: 12 km a week on 3 days · before the pain: 30 km a week/);
    expect(final).toMatch(/Saved your answers to athlete\.yaml/);
    const saved = readFileSync(join(dir, 'athlete.yaml'), 'utf8');
    expect(saved).toMatch(/runner: distance/);
    expect(saved).toMatch(/start: 2026-11-23/);
    expect(saved).toMatch(/weekly: 12/);
    expect(saved).toMatch(/pace: 6\.5/);
    expect(readFileSync(join(dir, 'sam-plan.md'), 'utf8')).toMatch(/^# Return-to-running plan: Sam/);
  });

  it('a typo at a yes/no question ("ues") asks again instead of meaning No', async () => {
    const dir = testDir('tmux');
    start('typo', dir, '--file athlete.yaml --today 2026-11-22 --name Sam --pain 1 --symptom limp --export none');
    const keys = (...k: string[]) => tmux('send-keys', '-t', 'typo', ...k);
    await waitFor('typo', /running at the moment/);
    keys('ues', 'Enter');
    await waitFor('typo', /Type y or n/);
    expect(screen('typo')).not.toMatch(/count your running/);
    keys('BSpace', 'BSpace', 'BSpace', 'y', 'Enter');
    await waitFor('typo', /count your running/);
    keys('Enter'); // kilometres
    await waitFor('typo', /How much a week, in km/);
    keys('6,5', 'Enter'); // a decimal comma
    await waitFor('typo', /how many days a week/);
    keys('Enter');
    await waitFor('typo', /longest run/);
    keys('Enter');
    await waitFor('typo', /before the pain/);
    keys('20 km', 'Enter');
    await waitFor('typo', /easy running pace/);
    keys('Enter');
    await waitFor('typo', /Your age/);
    keys('Enter');
    await waitFor('typo', /most like you/);
    keys('Enter');
    await waitFor('typo', /Start the plan on/);
    keys('Enter');
    await waitFor('typo', /Preferred running days/);
    keys('Enter');
    const final = await waitFor('typo', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    const saved = readFileSync(join(dir, 'athlete.yaml'), 'utf8');
    expect(saved).toMatch(/weekly: 6\.5/);
    expect(saved).toMatch(/goalWeekly: 20\n/);
    // The end of init: no line wider than the terminal, and the symptom in words.
    expect(final).toMatch(/symptoms: pain that changes your stride/);
    expect(final).toMatch(/^After each session: "backplan checkin"/m);
  });

  it('init on an existing file offers the saved answers: Enter keeps each', async () => {
    const dir = testDir('tmux');
    const made = spawnSync(
      process.execPath,
      [
        BIN,
        'init',
        '--no-input',
        '--file',
        'athlete.yaml',
        '--name',
        'Sam',
        '--pain',
        '2',
        '--weekly',
        '12',
        '--units',
        'mi',
        '--goal-weekly',
        '25',
        '--runs-per-week',
        '3',
        '--runner',
        'distance',
        '--start',
        '2026-11-30',
        '--export',
        'none',
        '--today',
        '2026-11-22',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(made.status).toBe(0);
    const before = readFileSync(join(dir, 'athlete.yaml'), 'utf8');
    start('again', dir, '--file athlete.yaml --today 2026-11-22 --export none');
    const keys = (...k: string[]) => tmux('send-keys', '-t', 'again', ...k);
    await waitFor('again', /already exists\. Replace it\?/);
    keys('y', 'Enter');
    for (const question of [
      /Your name.*Sam/,
      /hurt right now.*\(2\)/,
      /any of these now/,
      /running at the moment.*\(Y\/n\)/,
      /count your running/,
      /How much a week, in miles.*\(12\)/,
      /how many days a week.*\(3\)/,
      /longest run/,
      /before the pain.*\(25\)/,
      /easy running pace/,
      /Your age/,
      /most like you/,
      /Start the plan on.*\(2026-11-30\)/,
      /Preferred running days/,
    ]) {
      await waitFor('again', question);
      keys('Enter');
    }
    const final = await waitFor('again', /EXIT=\d+/);
    expect(final).toMatch(/EXIT=0/);
    expect(readFileSync(join(dir, 'athlete.yaml'), 'utf8')).toBe(before);
  });

  it('Ctrl-C at a prompt prints "Cancelled", exits 130 and writes nothing', async () => {
    const dir = testDir('tmux');
    start('cancel', dir, '--file athlete.yaml');
    await waitFor('cancel', /Your name/);
    tmux('send-keys', '-t', 'cancel', 'Sam', 'Enter');
    await waitFor('cancel', /hurt right now/);
    tmux('send-keys', '-t', 'cancel', 'C-c');
    const final = await waitFor('cancel', /EXIT=\d+/);
    expect(final).toMatch(/Cancelled\s+EXIT=130/);
    expect(final).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'athlete.yaml'))).toBe(false);
  });

  it('checkin asks about the session, logs it and says what comes next', async () => {
    const dir = testDir('tmux');
    const init = spawnSync(process.execPath, [BIN, 'init', '--no-input', '--file', 'athlete.yaml', ...RUNNER_ANSWERS], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(init.status).toBe(0);
    start('checkin', dir, '--file athlete.yaml --today 2026-11-23', 'checkin');
    const keys = (...k: string[]) => tmux('send-keys', '-t', 'checkin', ...k);
    await waitFor(
      'checkin',
      /Did you do the session planned for Mon 23 Nov: Walk\/run L1 · 1 min jog \/ 2 min walk × 5\?/,
    );
    keys('Enter'); // yes, all of it
    await waitFor('checkin', /before the session/);
    keys('1', 'Enter');
    await waitFor('checkin', /during the session/);
    keys('4', 'Enter');
    await waitFor('checkin', /just after/);
    keys('1', 'Enter');
    await waitFor('checkin', /soreness in the warm-up/);
    keys('Enter'); // none
    await waitFor('checkin', /Anything new/);
    keys('Enter');
    await waitFor('checkin', /A note/);
    keys('ok', 'Enter');
    const final = await waitFor('checkin', /EXIT=\d+/);
    expect(final).toMatch(/Hold at walk\/run level 1, with an extra rest day \(R-PAIN-3: pain during 4\/10\)\./);
    expect(final).toMatch(/Next: Sat 28 Nov/);
    expect(final).toMatch(/EXIT=0/);
    expect(readFileSync(join(dir, 'athlete.yaml'), 'utf8')).toMatch(
      /- \{ date: 2026-11-23, completed: yes, painBefore: 1, painDuring: 4, painAfter: 1, warmup: none, note: ok, plannedLevel: 1, plannedMinutes: 5 \}/,
    );
  });

  it('Ctrl-C in a checkin question logs nothing', async () => {
    const dir = testDir('tmux');
    spawnSync(process.execPath, [BIN, 'init', '--no-input', '--file', 'athlete.yaml', ...RUNNER_ANSWERS], { cwd: dir });
    const before = readFileSync(join(dir, 'athlete.yaml'), 'utf8');
    start('checkin-cancel', dir, '--file athlete.yaml --today 2026-11-23', 'checkin');
    await waitFor('checkin-cancel', /Did you do the session/);
    tmux('send-keys', '-t', 'checkin-cancel', 'C-c');
    const final = await waitFor('checkin-cancel', /EXIT=\d+/);
    expect(final).toMatch(/Cancelled\s+EXIT=130/);
    expect(readFileSync(join(dir, 'athlete.yaml'), 'utf8')).toBe(before);
  });

  it('batch shows a progress bar on the terminal, from its own thread, and clears it at the end', async () => {
    const dir = testDir('tmux');
    const athletes = Array.from({ length: 4000 }, (_, i) => `Athlete ${i},${i % 3},${i % 4 ? 20 : 0},km,40`);
    writeFileSync(join(dir, 'roster.csv'), ['name,pain,weekly,units,goal-weekly', ...athletes].join('\n'));
    start('batch', dir, 'roster.csv --out-dir out --today 2026-11-22 > summary.txt', 'batch');
    await waitFor('batch', /\[#*\.+\] \d+\/4000/, 20_000); // part of the way
    const final = await waitFor('batch', /EXIT=\d+/, 60_000);
    expect(final).toMatch(/^EXIT=0$/m); // the bar's line was cleared
    expect(final).not.toMatch(/\/4000/);
    expect(readFileSync(join(dir, 'summary.txt'), 'utf8')).toMatch(/4000 plans written\./);
  }, 90_000);
});
