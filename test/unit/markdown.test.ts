// The Markdown export, read back with a real Markdown parser.
import fc from 'fast-check';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownFully, escapeMarkdown, mdText, renderMarkdown } from '../../src/export/markdown.js';
import { shortDate } from '../../src/core/dates.js';
import { shortTitle } from '../../src/export/text.js';
import { makePlan, templates } from '../helpers.js';

const tokensOf = (md: string) => marked.lexer(md);
const tables = (md: string) => tokensOf(md).filter((t): t is Tokens.Table => t.type === 'table');

describe('Markdown export', () => {
  const plan = makePlan({ name: 'Sam', weeks: 3 });
  const md = renderMarkdown(plan, { exercises: templates.exercises });

  it('has one table a week, Day | Sessions, with a row per day holding each of its sessions', () => {
    const found = tables(md);
    expect(found).toHaveLength(3);
    found.forEach((table, i) => {
      expect(table.header.map((h) => h.text)).toEqual(['Day', 'Sessions (each exercise: see Exercise instructions)']);
      expect(table.rows).toHaveLength(7);
      for (const row of table.rows) expect(row).toHaveLength(2);
      for (const session of plan.weeks[i]!.sessions.filter((s) => s.kind !== 'rest' || s.title !== 'Rest')) {
        const row = table.rows.find((r) => r[0]!.text.replace(/\u00a0/g, ' ') === shortDate(session.date))!;
        expect(row[1]!.text).toContain(session.runMinutes > 0 ? shortTitle(session.title) : session.title);
      }
    });
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

  it('states each week’s gate', () => {
    expect(md).toMatch(/> \*\*Gate:\*\* Go on only if pain stayed below 3\/10/);
  });

  it('renders to HTML with tables', async () => {
    const html = await marked.parse(md);
    expect(html.match(/<table>/g)).toHaveLength(3);
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
    expect(html).not.toMatch(/<script|<a |<em>bold|<code>|<img/);
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
