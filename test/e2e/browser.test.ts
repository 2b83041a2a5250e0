// The HTML plan and report in a real browser (Debian's chromium in CI, .ci/run installs it), and
// the PDFs the built bin prints through it, read back with poppler's pdfinfo and pdftotext.
// Without a browser these tests are skipped on a developer's machine, and fail in CI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/cli/pdf.js';
import { fakeIo } from '../helpers.js';
import { testDir } from '../tmp.js';

const BIN = join(process.cwd(), 'bin/backplan.cjs');
const CI = process.env.CI === 'true';
const browserPath = (() => {
  try {
    return findBrowser(fakeIo({ env: process.env }), {});
  } catch {
    return undefined;
  }
})();
const poppler = spawnSync('pdftotext', ['-v']).error === undefined && spawnSync('pdfinfo', ['-v']).error === undefined;

const dir = testDir('browser');
const env = { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC' };
const TYPICAL = ['--pain', '2', '--weekly', '0', '--goal-weekly', '30', '--units', 'km'];
/** Markup, a direction override, and a word far wider than a phone. */
const HOSTILE = `Ana <script>alert(1)</script> "><img src=x onerror=alert(1)> \u202eevil ${'Zoë'.repeat(12)}`;

function run(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...env, ...extraEnv },
    cwd: dir,
  });
  expect(r.stderr).not.toMatch(/^error/m);
  return r;
}

const pdfinfo = (file: string) => spawnSync('pdfinfo', [join(dir, file)], { encoding: 'utf8' }).stdout;
const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))?.[1]);
/** The text of each page, pdftotext's page breaks as the separator. */
const pdfText = (file: string) =>
  spawnSync('pdftotext', ['-layout', join(dir, file), '-'], { encoding: 'utf8' })
    .stdout.split('\f')
    .filter((p) => p.trim());

describe.skipIf(!CI && (!browserPath || !poppler))('in a real browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    // In CI a missing browser or poppler fails here, loudly, instead of skipping.
    expect(browserPath, 'no Chromium-based browser on PATH: .ci/run installs chromium').toBeDefined();
    expect(poppler, 'pdftotext and pdfinfo are missing: .ci/run installs poppler-utils').toBe(true);
    browser = await chromium.launch({ executablePath: browserPath });

    run(['plan', ...TYPICAL, '--today', '2026-11-22', '-o', 'plan.html']);
    run(['plan', ...TYPICAL, '--today', '2026-11-22', '--name', HOSTILE, '-o', 'hostile.html']);
    run(['plan', ...TYPICAL, '--symptom', 'fever', '--today', '2026-11-22', '-o', 'withheld.html']);
    run([
      'init',
      '--no-input',
      '--file',
      'ana.yaml',
      '--name',
      'Ana',
      ...TYPICAL,
      '--start',
      '2026-11-23',
      '--export',
      'none',
      '--today',
      '2026-11-22',
    ]);
    const days: [string, number, number][] = [
      ['2026-11-23', 1, 1],
      ['2026-11-25', 2, 1],
      ['2026-11-28', 1, 0],
      ['2026-11-30', 3, 2],
      ['2026-12-02', 2, 1],
      ['2026-12-04', 1, 1],
    ];
    for (const [date, during, morning] of days) {
      run([
        'checkin',
        '--file',
        'ana.yaml',
        '--no-input',
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
        '--next-morning',
        String(morning),
        '--note',
        'felt fine',
        '--today',
        '2026-12-05',
      ]);
    }
    run(['report', '--file', 'ana.yaml', '-o', 'report.html', '--today', '2026-12-05']);
  }, 120_000); // a browser and a dozen runs of the bin: past vitest's 10 s on a busy two-core machine

  afterAll(async () => {
    await browser?.close();
  });

  /** The page, opened from its file, with every console error and every request it makes. */
  async function open(
    file: string,
    width: number,
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    const page = await context.newPage();
    const url = pathToFileURL(join(dir, file)).href;
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (error) => void errors.push(error.message));
    page.on('dialog', (dialog) => void errors.push(`dialog: ${dialog.message()}`));
    page.on('request', (request) => void (request.url() !== url && requests.push(request.url())));
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  /**
   * Elements whose box reaches past the viewport's edges, and the document's own overflow. (A
   * string, run in the page: the project's types have no DOM.)
   */
  const overflow = (page: Page) =>
    page.evaluate<string[]>(`(() => {
      const width = document.documentElement.clientWidth;
      const out = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5 || e.getBoundingClientRect().left < -0.5)
        .map((e) => e.tagName.toLowerCase() + '.' + e.className);
      const scrolled = document.documentElement.scrollWidth;
      if (scrolled > width) out.push('document ' + scrolled + ' > ' + width);
      return out;
    })()`);

  it.each(['plan.html', 'hostile.html', 'withheld.html', 'report.html'])(
    '%s: no console errors, no requests, nothing overflows at 360 and 1280 px',
    async (file) => {
      for (const width of [360, 1280]) {
        const { page, errors, requests } = await open(file, width);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        expect(await overflow(page)).toEqual([]);
        await page.context().close();
      }
    },
  );

  it('the hostile name is text on the page, not markup', async () => {
    const { page, errors } = await open('hostile.html', 1280);
    expect(await page.locator('h1 bdi').textContent()).toBe(HOSTILE.replace('\u202e', ''));
    expect(await page.locator('script, img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('dark mode is dark, and print is black on white', async () => {
    const { page } = await open('plan.html', 1280, 'dark');
    const colours = () =>
      page.evaluate<string[]>(
        '[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]',
      );
    expect(await colours()).toEqual(['rgb(13, 17, 23)', 'rgb(230, 237, 243)']);
    await page.emulateMedia({ media: 'print' });
    expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    await page.context().close();
  });

  it('a screenshot is a styled page: the safety net is a tinted box, the page far from blank', async () => {
    for (const [scheme, card] of [
      ['light', [0xf3, 0xf6, 0xf9]],
      ['dark', [0x16, 0x1b, 0x22]],
    ] as const) {
      const { page } = await open('plan.html', 360, scheme);
      const box = (await page.locator('#safety-net').boundingBox())!;
      const png = PNG.sync.read(await page.screenshot({ fullPage: false }));
      // Just inside the box's top-left corner: its background, which an unstyled page would not have.
      const at = (x: number, y: number) =>
        [0, 1, 2].map((c) => png.data[(Math.round(y) * png.width + Math.round(x)) * 4 + c]);
      expect(at(box.x + 6, box.y + 4)).toEqual([...card]);
      // A blank or unstyled page has one colour, or little else than black on white.
      const counts = new Map<string, number>();
      for (let i = 0; i < png.data.length; i += 4) {
        const key = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const pixels = png.width * png.height;
      const top = [...counts.values()].sort((a, b) => b - a);
      expect(top[0]! / pixels).toBeLessThan(0.9);
      expect((top[0]! + top[1]!) / pixels).toBeLessThan(0.97);
      await page.context().close();
    }
  });

  it('the plan prints on A4 and US Letter in two or three pages, a week never split, the safety net first', () => {
    run(['plan', ...TYPICAL, '--today', '2026-11-22', '-o', 'plan-a4.pdf', '--browser', browserPath!]);
    run(['plan', ...TYPICAL, '--today', '2026-11-22', '-o', 'plan-letter.pdf', '--paper', 'letter'], {
      BACKPLAN_BROWSER: browserPath!,
    });
    for (const [file, size] of [
      ['plan-a4.pdf', /\(A4\)/],
      ['plan-letter.pdf', /\(letter\)/],
    ] as const) {
      expect(pdfinfo(file)).toMatch(new RegExp(`Page size:.*${size.source}`));
      expect(pages(file)).toBeGreaterThanOrEqual(2);
      expect(pages(file)).toBeLessThanOrEqual(3);
      const text = pdfText(file);
      expect(text[0]).toContain('Stop and get help if any of these appear');
      expect(text[0]).toContain('backplan is not medical advice');
      expect(text[0]).toMatch(/Page 1 of [23]/);
      for (let week = 1; week <= 8; week++) {
        const on = text.findIndex((page) => page.includes(`Week ${week} ·`));
        expect(on, `Week ${week} in ${file}`).toBeGreaterThanOrEqual(0);
        // The week's heading and its last day on the same page.
        const lastDay = text[on]!.split(`Week ${week} ·`)[1]!.split(/Week \d+ ·|Exercise instructions/)[0]!;
        expect(lastDay.match(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ [A-Z][a-z]{2}\b/g)!.length).toBeGreaterThanOrEqual(8);
      }
      expect(text.join('\n')).toContain('Exercise instructions');
    }
    // The first page as an image (pdftoppm): printed ink, not a blank sheet.
    const out = join(dir, 'first');
    spawnSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'plan-a4.pdf'), out]);
    const png = PNG.sync.read(readFileSync(`${out}.png`));
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 300) ink++;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.02);
  });

  /**
   * The Markdown hand-out as a runner prints it: marked's HTML in a plain page with no stylesheet of
   * backplan's. The browser's own styles, with only what a Markdown preview adds: 11pt text (the
   * size md-to-pdf, a marked-and-Chromium converter, prints at) and a thin border on table cells.
   * Chromium's default print margins (0.4 in).
   */
  async function printMarkdown(md: string, name: string): Promise<void> {
    const css = 'body{font-size:11pt}table{border-collapse:collapse}th,td{border:1px solid #999;padding:1px 4px}';
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>plan</title><style>${css}</style></head><body>${await marked.parse(md)}</body></html>`;
    const page = await browser.newPage();
    await page.setContent(html);
    const margin = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
    await page.pdf({ path: join(dir, `${name}-a4.pdf`), format: 'A4', margin });
    await page.pdf({ path: join(dir, `${name}-letter.pdf`), format: 'Letter', margin });
    await page.close();
  }

  it('the 8-week Markdown plan prints on A4 and US Letter in two or three pages, every safety word kept', async () => {
    const { stdout: md } = run(['plan', ...TYPICAL, '--today', '2026-11-22', '--format', 'md']);
    await printMarkdown(md, 'plan-md');
    for (const file of ['plan-md-a4.pdf', 'plan-md-letter.pdf']) {
      expect(pages(file), file).toBeGreaterThanOrEqual(2);
      expect(pages(file), file).toBeLessThanOrEqual(3);
      const text = pdfText(file).join('\n').replace(/\s+/g, ' ');
      for (const words of [
        'Stop and get help if any of these appear',
        'Stop the run if pain reaches 3/10 or builds as you go, and log it.',
        'Static stretches after the run, not before.',
        'How to run every session',
        'Exercise instructions',
        'backplan is not medical advice',
      ])
        expect(text, `${words} in ${file}`).toContain(words);
      for (let week = 1; week <= 8; week++) expect(text).toMatch(new RegExp(`Week ${week} · .*?Gate:`));
    }
  });

  it("the clinician's report prints on one page with both charts", () => {
    run(['report', '--file', 'ana.yaml', '-o', 'report.pdf', '--today', '2026-12-05']);
    expect(pages('report.pdf')).toBe(1);
    const [text] = pdfText('report.pdf');
    for (const words of [
      'Return-to-running report: Ana',
      'Logged back pain (0-10)',
      'Weekly running minutes',
      'Check-in log',
      'Safety net',
      'not medical advice',
    ])
      expect(text).toContain(words);
  });
});
