// The Markdown export, read back with a real Markdown parser.
import fc from 'fast-check';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownFully, escapeMarkdown, mdText, renderMarkdown } from '../../src/export/markdown.js';
import { shortDate } from '../../src/core/dates.js';
import { shortTitle } from '../../src/export/text.js';
import type { Intake } from '../../src/core/types.js';
import { makePlan, templates } from '../helpers.js';

const tokensOf = (md: string) => marked.lexer(md);
/** The text from a level-2 heading that starts with `start` to the next level-2 heading. */
const sectionOf = (md: string, start: string) => md.split(/^(?=## )/m).find((s) => s.startsWith(`## ${start}`)) ?? '';
const tables = (md: string) => tokensOf(md).filter((t): t is Tokens.Table => t.type === 'table');

describe('Markdown export', () => {
  const plan = makePlan({ name: 'Sam', weeks: 3 });
  const md = renderMarkdown(plan, { exercises: templates.exercises });

  it('has a table for the usual week, Day | Sessions, a row per weekday; each week names its runs and their dates', () => {
    const [usual, ...rest] = tables(md);
    expect(rest).toEqual([]);
    expect(usual!.header.map((h) => h.text)).toEqual([
      'Day',
      'Sessions (each exercise: see [Exercise instructions](#exercise-instructions))',
    ]);
    expect(usual!.rows.map((r) => r[0]!.text)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    for (const week of plan.weeks) {
      const section = sectionOf(md, `Week ${week.index} ·`);
      expect(section).toContain('as [Your usual week](#your-usual-week)');
      for (const session of week.sessions) {
        const row = usual!.rows[(new Date(session.date).getUTCDay() + 6) % 7]!;
        if (session.runMinutes > 0) {
          expect(row[1]!.text).toContain("The week's run");
          expect(section).toContain(shortDate(session.date));
          expect(section).toContain(`**${shortTitle(session.title)}** (${session.minutes} min in all)`);
        } else expect(row[1]!.text).toContain(session.title);
      }
    }
  });

  it('puts the title, the triage and the safety net before the first week, and the notice last', () => {
    const headings = tokensOf(md)
      .filter((t): t is Tokens.Heading => t.type === 'heading')
      .map((h) => h.text);
    expect(headings[0]).toBe('Return-to-running plan: Sam');
    expect(headings.indexOf('Triage: clear')).toBeLessThan(headings.findIndex((h) => h.startsWith('Week 1')));
    expect(headings.indexOf('Stop and get help if any of these appear')).toBeLessThan(
      headings.findIndex((h) => h.startsWith('Week 1')),
    );
    expect(headings).toContain('Week 2 · Mon 30 Nov – Sun 6 Dec 2026 · walk/run level 2');
    expect(headings).toContain('Exercise instructions');
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/^\*backplan is not medical advice/);
  });

  it('links each "see" to a section of the plan, by the anchor viewers give its heading', () => {
    const anchors = new Set(
      tokensOf(md)
        .filter((t): t is Tokens.Heading => t.type === 'heading')
        .map((h) => `#${h.text.toLowerCase().replaceAll(' ', '-')}`),
    );
    const links = [...md.matchAll(/\]\((#[^)]*)\)/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(
      new Set(['#exercise-instructions', '#your-usual-week', '#how-to-run-every-session']),
    );
    for (const link of links) expect(anchors).toContain(link);
  });

  it('states each week’s gate', () => {
    expect(md).toMatch(/> \*\*Gate:\*\* Go on only if pain stayed below 3\/10/);
  });

  it('renders to HTML with tables', async () => {
    const html = await marked.parse(md);
    expect(html.match(/<table>/g)).toHaveLength(1);
  });
});

describe('hostile text in Markdown', () => {
  const hostile = 'Eve | x | <script>alert(1)</script>\n# Heading [link](http://x) *bold* `code` ![i](x)';
  const plan = makePlan({ name: hostile, weeks: 1, symptoms: ['limp'] });
  const md = renderMarkdown(plan);

  it('cannot break the tables or add markup', async () => {
    const table = tables(md)[0]!;
    expect(table.rows).toHaveLength(new Set(plan.weeks[0]!.sessions.map((s) => s.date)).size);
    const tokens = tokensOf(md);
    expect(tokens.some((t) => t.type === 'html')).toBe(false);
    const html = await marked.parse(md);
    // The only links are the plan's own, to its sections.
    expect(html).not.toMatch(/<script|<a (?!href="#[a-z-]+">)|<em>bold|<code>|<img/);
    expect(html).toContain('&lt;script&gt;');
    const headings = tokens.filter((t) => t.type === 'heading');
    expect(
      headings
        .filter((h) => (h as Tokens.Heading).text.includes('Heading'))
        .every((h) => (h as Tokens.Heading).depth === 1),
    ).toBe(true);
  });

  it('keeps the words readable', async () => {
    const html = await marked.parse(md);
    expect(html).toContain('Eve | x |');
    expect(mdText('a|b')).toBe('a\\|b');
  });

  // Text with nothing to escape is returned at once; every replacement taken is the rule.
  it('escapes exactly as every replacement taken, with or without the quick test', () => {
    const pieces = [
      'a',
      'Walk',
      ' ',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\u0085',
      '\u0007',
      '&',
      '<',
      '>',
      '\\',
      '`',
      '*',
      '_',
      '[',
      ']',
      '|',
      '~',
      '#',
      '!',
      '@',
      ':',
      '/',
      '://',
      'www.',
      'WwW.',
      '·',
      '–',
      '(R-PAIN-2)',
      '5 min',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(escapeMarkdown(text)).toBe(escapeMarkdownFully(text));
      }),
      { numRuns: 3000 },
    );
  });
});

// Issue 22: the run instructions are said once, and nothing a runner needs is lost on the way.
describe('the Markdown says what every run shares once, and loses no word of any run', () => {
  const cases: [string, Partial<Intake>][] = [
    ['walk/run, distances at the assumed pace', { pain: 2, goalWeekly: 30, units: 'km' }],
    ['distance runner', { pain: 2, goalWeekly: 30, units: 'km', runner: 'distance' }],
    ['returning runner', { pain: 2, goalWeekly: 30, runner: 'returning' }],
    ['rebuild, lighter weeks', { pain: 0, weekly: 20, goalWeekly: 40, units: 'km' }],
    ['rebuild at a pace given', { pain: 0, weekly: 20, goalWeekly: 40, units: 'km', pace: 6 }],
    ['settle first', { pain: 4, goalWeekly: 30 }],
    ['a limp: settle, then walk/run', { pain: 2, goalWeekly: 30, symptoms: ['limp'] }],
    ['withheld for a red flag', { pain: 2, goalWeekly: 30, symptoms: ['fever'] }],
    ['12 weeks, 4 runs a week', { pain: 1, weekly: 30, goalWeekly: 60, weeks: 12, runsPerWeek: 4 }],
  ];

  it.each(cases)('%s', (_, overrides) => {
    const plan = makePlan(overrides);
    const md = renderMarkdown(plan, { exercises: templates.exercises });
    const howTo = sectionOf(md, 'How to run every session');
    const runs = plan.weeks.flatMap((w) => w.sessions).filter((s) => s.runMinutes > 0);
    for (const week of plan.weeks) {
      const section = sectionOf(md, `Week ${week.index} ·`);
      // The gate and why in full in every week, so a page read alone still holds its gate.
      expect(section).toContain(`**Gate:** ${mdText(week.gate)} ${mdText(week.why)}`);
      const weekRuns = week.sessions.filter((s) => s.runMinutes > 0);
      if (weekRuns.length > 0 && runs.length > 1) expect(section).toContain('How to run every session');
      for (const run of weekRuns) {
        const [first, ...rest] = run.details.split(/(?<=\.) /);
        // The warm-up and cool-down around the run's own part of its first sentence: in How to run,
        // the part between in the week.
        const then = first!.indexOf(', then ', first!.indexOf('before you run'));
        const cool = first!.lastIndexOf('; ');
        const own = first!.slice(then + ', then '.length, cool);
        expect(section, first).toContain(mdText(own));
        expect(`${section}\n${howTo}`).toContain(mdText(first!.slice(0, then + ', then '.length)));
        expect(`${section}\n${howTo}`).toContain(mdText(first!.slice(cool)));
        for (const sentence of rest) expect(`${section}\n${howTo}`, sentence).toContain(mdText(sentence));
        for (const id of run.rules) expect(`${section}\n${howTo}`, id).toMatch(new RegExp(`Rules: [^\\n]*${id}\\b`));
      }
    }
    if (runs.length > 1) {
      expect(howTo).toContain(`Stop the run if pain reaches ${templates.rules.painThreshold}/10`);
      expect(howTo).toContain('Static stretches after the run, not before.');
      expect(howTo).toContain('leg swings and trunk rotations');
    }
  });

  it('a week with a status or a note logged keeps its own table, a row a day with what was logged', () => {
    const plan = structuredClone(makePlan({ pain: 2, goalWeekly: 30 }));
    const logged = plan.weeks[1]!.sessions.find((s) => s.runMinutes > 0)!;
    logged.status = 'done';
    logged.logged = 'felt fine';
    const md = renderMarkdown(plan);
    const section = sectionOf(md, 'Week 2 ·');
    expect(section).not.toContain('as [Your usual week](#your-usual-week)');
    expect(tables(section)).toHaveLength(1);
    expect(tables(section)[0]!.rows).toHaveLength(7);
    expect(section).toMatch(/\| \*\*Walk\/run L2\*\* \(\d+ min in all\) \(done\) Logged: felt fine\./);
    expect(sectionOf(md, 'Week 3 ·')).toContain('as [Your usual week](#your-usual-week)');
  });

  it('8 weeks take well under the Markdown they took before (186 lines, 15.8 KB); the pages: the browser test', () => {
    const md = renderMarkdown(makePlan({ pain: 2, weekly: 0, goalWeekly: 30, units: 'km' }), {
      exercises: templates.exercises,
    });
    expect(md.split('\n').length).toBeLessThan(120);
    expect(Buffer.byteLength(md)).toBeLessThan(10_500);
  });
});

describe('the safety net as a Markdown viewer shows it (found trying the exports)', () => {
  it("each action starts a line of its own, not the end of the list's sentence", async () => {
    const html = await marked.parse(renderMarkdown(makePlan({ pain: 2, goalWeekly: 30, units: 'km' })));
    expect(html).toMatch(/\.<br><strong>Go to an emergency department/);
    expect(html).toMatch(/\.<br><strong>Stop running and see a doctor/);
  });
});
