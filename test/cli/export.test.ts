// `backplan plan -o …`: files are written atomically, never replaced unasked, never for a withheld calendar.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { testDir } from '../tmp.js';

const PLAN = ['plan', '--pain', '2', '--goal-weekly', '30', '--today', '2026-11-22'];
const tempDir = () => testDir('out');

describe('-o, --force and --dry-run (convention 10)', () => {
  it('writes the file, says so on stderr, prints nothing on stdout', async () => {
    const cwd = tempDir();
    const r = await cli([...PLAN, '-o', 'plan.ics'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Wrote plan.ics (ICS calendar, 48 events over 8 weeks).\n');
    expect(readFileSync(join(cwd, 'plan.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(readdirSync(cwd)).toEqual(['plan.ics']); // no temporary file left behind
  });

  it('never replaces an existing file without --force, and leaves it untouched', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'plan.md'), 'my notes');
    const r = await cli([...PLAN, '-o', 'plan.md'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.md already exists; nothing was written\n.*--force/);
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toBe('my notes');
    expect((await cli([...PLAN, '-o', 'plan.md', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toMatch(/^# Return-to-running plan/);
  });

  it('--dry-run says what would be written and writes nothing', async () => {
    const cwd = tempDir();
    const r = await cli([...PLAN, '-o', 'plan.json', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^Dry run: would write plan\.json with the JSON plan, 8 weeks \(\d+ KB\); nothing written\.$/m,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('-o - writes to stdout', async () => {
    const r = await cli([...PLAN, '-o', '-', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Return-to-running plan/);
  });

  it('the format comes from the file extension, and an unknown one asks for --format', async () => {
    const cwd = tempDir();
    await cli([...PLAN, '-o', 'a.md'], { cwd });
    expect(readFileSync(join(cwd, 'a.md'), 'utf8')).toMatch(/^# /);
    const r = await cli([...PLAN, '-o', 'a.docx'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot tell the format of a\.docx/);
  });

  it('a text file gets no colour codes, even from a terminal', async () => {
    const cwd = tempDir();
    await cli([...PLAN, '-o', 'plan.txt'], { cwd, stdoutIsTTY: true, env: { FORCE_COLOR: '3' } });
    expect(readFileSync(join(cwd, 'plan.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });

  it('a missing folder or an unwritable one is a clear error', async () => {
    const cwd = tempDir();
    const missing = await cli([...PLAN, '-o', 'nope/plan.ics'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/the folder of nope\/plan\.ics does not exist/);
    if (process.getuid?.() !== 0) {
      mkdirSync(join(cwd, 'locked'));
      chmodSync(join(cwd, 'locked'), 0o555);
      const locked = await cli([...PLAN, '-o', 'locked/plan.ics'], { cwd });
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/cannot write locked\/plan\.ics: permission denied/);
    }
  });
});

describe('-o naming a folder', () => {
  it('a name ending in a slash is refused, made or not: no file called "out" (found in review)', async () => {
    const cwd = tempDir();
    const r = await cli([...PLAN, '--format', 'md', '-o', 'out/', '--force'], { cwd });
    expect(r.code).toBe(1);
    // Not "out/ is a folder" when there is none (found by a hostile tester).
    expect(r.stderr).toMatch(/^error: out\/ names a folder \(it ends with a slash\), not a file\n.*-o out\/plan\./);
    expect(readdirSync(cwd)).toEqual([]);
  });
  it('an athlete file that is a folder is named so, with the hint that fits (found by a hostile tester)', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'squad'));
    const read = await cli(['checkin', '--file', 'squad', '--completed', 'yes', '--pain-during', '1'], { cwd });
    expect(read.code).toBe(1);
    expect(read.stderr).toMatch(/squad: is a folder, not a YAML file\n {2}give the file itself, not its folder\n$/);
    const init = ['init', '--no-input', '--file', 'squad', '--pain', '1', '--weekly', '0', '--goal-weekly', '30'];
    const write = await cli([...init, '--force'], { cwd });
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/give the file itself, not its folder/);
    expect(write.stderr).not.toMatch(/free some space/);
  });
});

describe('a withheld plan writes no calendar', () => {
  it.each([['fever'], ['saddle-numbness']])('%s: no file, the reason on stderr, exit 3', async (symptom) => {
    const cwd = tempDir();
    const r = await cli([...PLAN, '--symptom', symptom, '-o', 'plan.ics'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^No calendar written: /);
    expect(readdirSync(cwd)).toEqual([]);
    const stdout = await cli([...PLAN, '--symptom', symptom, '--format', 'ics']);
    expect(stdout.code).toBe(3);
    expect(stdout.stdout).toBe('');
  });

  it('a calendar exported before the plan was withheld is removed with --force, named without (found in review)', async () => {
    // It still held every run, ready to be imported again; the message only said to delete events.
    const cwd = tempDir();
    expect((await cli([...PLAN, '-o', 'plan.ics'], { cwd })).code).toBe(0);
    const before = readFileSync(join(cwd, 'plan.ics'), 'utf8');
    const kept = await cli([...PLAN, '--symptom', 'fever', '-o', 'plan.ics'], { cwd });
    expect(kept.code).toBe(3);
    expect(kept.stderr).toMatch(
      /\nwarning: plan\.ics from an earlier export may hold runs, and your plan is withheld now: delete it \(or run again with --force\)/,
    );
    expect(readFileSync(join(cwd, 'plan.ics'), 'utf8')).toBe(before);
    // A read-only calendar is its owner's to remove (found in review: --force removed it).
    chmodSync(join(cwd, 'plan.ics'), 0o444);
    const readOnly = await cli([...PLAN, '--symptom', 'fever', '-o', 'plan.ics', '--force'], { cwd });
    expect(readOnly.stderr).toMatch(
      /\nwarning: plan\.ics from an earlier export may hold runs, .*: delete it, and its runs/,
    );
    expect(readFileSync(join(cwd, 'plan.ics'), 'utf8')).toBe(before);
    chmodSync(join(cwd, 'plan.ics'), 0o644);
    const removed = await cli([...PLAN, '--symptom', 'fever', '-o', 'plan.ics', '--force'], { cwd });
    expect(removed.code).toBe(3);
    expect(removed.stderr).toMatch(/\nRemoved plan\.ics: your plan is withheld now; delete its runs from any calendar/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('the Markdown of a withheld plan is still written (it carries the triage), exit 3', async () => {
    const cwd = tempDir();
    const r = await cli([...PLAN, '--symptom', 'fever', '-o', 'plan.md'], { cwd });
    expect(r.code).toBe(3);
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toMatch(/## Triage: urgent/);
  });
});

describe('calendar flags', () => {
  it.each([
    [['--time', '07:00'], /--time needs --tz/],
    [['--tz', 'Europe/London'], /--tz needs --time/],
    [['--duration', '40'], /--duration needs --time/],
    [['--time', '25:00', '--tz', 'Europe/London'], /'25:00' is invalid\. Use a 24-hour time as HH:MM/],
    [['--time', '07:00', '--tz', 'Mars/Olympus'], /'Mars\/Olympus' is invalid\. Use an IANA time zone name/],
    [['--alarm', '-5'], /'-5' is invalid/],
  ])('%j is a usage error', async (flags, message) => {
    const r = await cli([...PLAN, '--format', 'ics', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('calendar-only flags with another format are a usage error', async () => {
    const r = await cli([...PLAN, '--format', 'md', '--alarm', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--alarm applies only to calendars/);
  });

  it('timed events with a reminder', async () => {
    const r = await cli([...PLAN, '--format', 'ics', '--time', '7:30', '--tz', 'America/Los_Angeles', '--alarm', '15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^DTSTART;TZID=America\/Los_Angeles:20261123T073000\r$/m);
    expect(r.stdout).toMatch(/^TRIGGER:-PT15M\r$/m);
  });
});

describe('PDF output named for its format (found trying the exports)', () => {
  it('Markdown into a .pdf, or a PDF into a .md, is refused before anything is written', async () => {
    const cwd = testDir('export-mismatch');
    const plan = ['plan', '--pain', '2', '--goal-weekly', '30', '--today', '2026-11-22'];
    const md = await cli([...plan, '-o', 'p.pdf', '--format', 'md'], { cwd });
    expect(md.code).toBe(2);
    expect(md.stderr).toMatch(/^error: the md format does not fit p\.pdf: its name says pdf$/m);
    const pdf = await cli([...plan, '-o', 'p.md', '--format', 'pdf'], { cwd });
    expect(pdf.code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
    expect((await cli([...plan, '-o', 'p.txt', '--format', 'json'], { cwd })).code).toBe(0); // left to the user
  });
  it('--paper takes A4 or Letter however it is typed', async () => {
    const r = await cli(['plan', '--pain', '2', '--goal-weekly', '30', '--paper', 'A4', '--format', 'md']);
    expect(r.stderr).toMatch(/--paper applies only to PDF/); // parsed, then refused for Markdown as before
    const bad = await cli(['plan', '--pain', '2', '--goal-weekly', '30', '--paper', 'A3', '-o', 'x.pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are a4, letter/);
  });
});
