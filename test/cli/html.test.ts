// HTML and PDF from the command line: the format from the file name, plan/show/export/report,
// a withheld plan, and a PDF that cannot be printed: exit 1, one line, no file, nothing half-written.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { byClass, byTag, parseHtml } from '../html.js';
import { testDir } from '../tmp.js';

const PLAN = ['plan', '--pain', '2', '--weekly', '0', '--goal-weekly', '30', '--units', 'km', '--today', '2026-11-22'];
/** No browser anywhere: an empty PATH, and none named. */
const NO_BROWSER_ENV = { PATH: '' };

async function athlete(cwd: string): Promise<void> {
  const init = await cli(
    [
      'init',
      '--no-input',
      '--file',
      'ana.yaml',
      '--name',
      'Ana',
      '--pain',
      '2',
      '--weekly',
      '0',
      '--units',
      'km',
      '--goal-weekly',
      '30',
      '--start',
      '2026-11-23',
      '--export',
      'none',
      '--today',
      '2026-11-22',
    ],
    { cwd },
  );
  expect(init.code).toBe(0);
  const checkin = await cli(
    [
      'checkin',
      '--file',
      'ana.yaml',
      '--no-input',
      '--date',
      '2026-11-23',
      '--completed',
      'yes',
      '--pain-before',
      '1',
      '--pain-during',
      '2',
      '--pain-after',
      '1',
      '--today',
      '2026-11-24',
    ],
    { cwd },
  );
  expect(checkin.code).toBe(0);
}

describe('--format html', () => {
  it('-o plan.html writes one HTML file; the same bytes as --format html on stdout, every time', async () => {
    const cwd = testDir('html');
    const r = await cli([...PLAN, '-o', 'plan.html'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Wrote plan.html (HTML plan, 8 weeks).\n');
    expect(readdirSync(cwd)).toEqual(['plan.html']);
    const file = readFileSync(join(cwd, 'plan.html'), 'utf8');
    expect(parseHtml(file).errors).toEqual([]);
    const printed = await cli([...PLAN, '--format', 'html']);
    expect(printed.stdout).toBe(file);
    expect((await cli([...PLAN, '--format', 'html'])).stdout).toBe(file);
  });

  it('show and export html print the saved plan with its log', async () => {
    const cwd = testDir('html-saved');
    await athlete(cwd);
    const shown = await cli(['show', '--file', 'ana.yaml', '--format', 'html', '--today', '2026-11-24'], { cwd });
    expect(shown.code).toBe(0);
    const { root } = parseHtml(shown.stdout);
    expect(byClass(root, 'done')).toHaveLength(1);
    const exported = await cli(['export', 'html', '--file', 'ana.yaml', '-o', 'plan.htm', '--today', '2026-11-24'], {
      cwd,
    });
    expect(exported.code).toBe(0);
    expect(readFileSync(join(cwd, 'plan.htm'), 'utf8')).toBe(shown.stdout);
  });

  it('a withheld plan is written, says so, and exits 3', async () => {
    const cwd = testDir('html-withheld');
    const r = await cli([...PLAN, '--symptom', 'fever', '-o', 'plan.html'], { cwd });
    expect(r.code).toBe(3);
    const { root } = parseHtml(readFileSync(join(cwd, 'plan.html'), 'utf8'));
    expect(byClass(root, 'withheld')).toHaveLength(1);
    expect(byClass(root, 'box')).toHaveLength(0);
  });

  it('report -o report.html writes one file with both charts inside', async () => {
    const cwd = testDir('html-report');
    await athlete(cwd);
    const r = await cli(['report', '--file', 'ana.yaml', '-o', 'report.html', '--today', '2026-11-24'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Wrote report.html (HTML report).\n');
    expect(readdirSync(cwd).filter((f) => f.startsWith('report'))).toEqual(['report.html']); // no chart files beside it
    const { errors, root } = parseHtml(readFileSync(join(cwd, 'report.html'), 'utf8'));
    expect(errors).toEqual([]);
    expect(byTag(root, 'svg')).toHaveLength(2);
    const again = await cli(['report', '--file', 'ana.yaml', '-o', 'report.html', '--today', '2026-11-24'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/report\.html already exists; nothing was written/);
  });

  it('--browser and --paper belong to PDF only', async () => {
    const r = await cli([...PLAN, '--format', 'md', '--paper', 'letter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--paper applies only to PDF/);
    const report = await cli(['report', '-o', 'report.html', '--browser', 'chromium']);
    expect(report.code).toBe(2);
  });
});

describe('--format pdf without a browser that can print', () => {
  it('no browser found: exit 1, one line saying how to get one or to print the HTML, no file', async () => {
    const cwd = testDir('pdf-none');
    for (const args of [
      [...PLAN, '-o', 'plan.pdf'],
      [...PLAN, '--format', 'pdf', '-o', 'out.bin'],
    ]) {
      const r = await cli(args, { cwd, env: NO_BROWSER_ENV });
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
      expect(r.stderr).toMatch(/^error: no Chromium-based browser found to print the PDF: install one .*\n$/);
      expect(r.stderr).toMatch(
        /--browser or BACKPLAN_BROWSER, or write HTML \(-o plan\.html\), open it and print it\n$/,
      );
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a named browser that is not there: exit 1, naming it', async () => {
    const cwd = testDir('pdf-named');
    const flag = await cli([...PLAN, '-o', 'plan.pdf', '--browser', './no-such-browser'], { cwd, env: NO_BROWSER_ENV });
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/^error: no browser at \.\/no-such-browser \(from --browser\)/);
    const env = await cli([...PLAN, '-o', 'plan.pdf'], {
      cwd,
      env: { ...NO_BROWSER_ENV, BACKPLAN_BROWSER: 'no-such-browser' },
    });
    expect(env.code).toBe(1);
    expect(env.stderr).toMatch(/^error: no browser at no-such-browser \(from BACKPLAN_BROWSER\)/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a browser that fails: exit 1, the old file untouched, no temporary file left', async () => {
    const cwd = testDir('pdf-broken');
    const broken = join(cwd, 'broken-browser');
    writeFileSync(broken, '#!/bin/sh\necho "cannot start" >&2\nexit 1\n');
    chmodSync(broken, 0o755);
    writeFileSync(join(cwd, 'plan.pdf'), 'the old plan');
    const r = await cli([...PLAN, '-o', 'plan.pdf', '--force', '--browser', broken], { cwd, env: NO_BROWSER_ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the browser at .*broken-browser could not print the PDF: /);
    expect(readFileSync(join(cwd, 'plan.pdf'), 'utf8')).toBe('the old plan');
    expect(readdirSync(cwd).sort()).toEqual(['broken-browser', 'plan.pdf']);
  });

  it('a PDF is not printed into a terminal', async () => {
    const r = await cli([...PLAN, '--format', 'pdf'], { stdoutIsTTY: true, env: NO_BROWSER_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a PDF is not for the terminal/);
  });
});
