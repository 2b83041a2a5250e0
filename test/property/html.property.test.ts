// Hostile names and notes in the HTML plan and report: whatever they hold, the pages parse
// without error into the same elements as for a plain name, and the text reads back as typed
// (less control and direction-override characters).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/core/replay.js';
import { renderHtml } from '../../src/export/html.js';
import { renderHtmlReport } from '../../src/export/htmlReport.js';
import { statusView } from '../../src/export/progress.js';
import { intake, templates } from '../helpers.js';
import { byTag, elements, parseHtml, textOf } from '../html.js';

const PIECES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</style>',
  '</title><script>',
  '<!--',
  ']]>',
  '<svg onload=alert(1)>',
  '&amp;',
  '&#x3C;',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u0000',
  '\n',
  'javascript:alert(1)',
  'Zoë ✓ 𝄞',
  'شريف',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/** What the reader should see of typed text: no control or bidi control characters, single spaces. */
const shown = (text: string) =>
  text
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function pages(name: string, note: string) {
  const runner = intake({ name, start: '2026-11-23', goalWeekly: 90, weeks: 2 });
  const { plan, progress } = replan(
    runner,
    [{ date: '2026-11-23', completed: 'yes', painDuring: 1, note }],
    templates,
    '2026-11-24',
  );
  const report = renderHtmlReport({
    view: statusView(plan, progress, templates.rules),
    plan,
    intake: runner,
    sessions: progress.sessions,
  });
  return { plan: renderHtml(plan, { exercises: templates.exercises }), report };
}

const shape = (html: string) =>
  elements(parseHtml(html).root).map((e) => `${e.tagName}[${e.attrs.map((a) => a.name).join(',')}]`);

describe('hostile names and notes in HTML', () => {
  const plain = pages('Ana', 'fine');

  it('parse without error into the same elements as a plain name, and read back as typed', () => {
    fc.assert(
      fc.property(hostile, hostile, (name, note) => {
        if (!shown(name) || note === '') return;
        const html = pages(name, note);
        for (const which of ['plan', 'report'] as const) {
          const { errors, root } = parseHtml(html[which]);
          expect(errors).toEqual([]);
          expect(shape(html[which])).toEqual(shape(plain[which]));
          expect(html[which]).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
          expect(textOf(byTag(byTag(root, 'h1')[0]!, 'bdi')[0]!)).toBe(shown(name));
        }
        const noteCell = elements(parseHtml(html.report).root).find((e) =>
          e.attrs.some((a) => a.name === 'data-label' && a.value === 'Note'),
        )!;
        expect(textOf(noteCell)).toBe(shown(note));
      }),
      { numRuns: 150 },
    );
  });
});
