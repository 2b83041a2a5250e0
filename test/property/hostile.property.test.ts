// Hostile text in names and check-in notes, in every output: it cannot move the terminal's
// cursor or change its title, add a calendar event, or turn into HTML or headings in Markdown.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { replan } from '../../src/core/replay.js';
import { renderIcs } from '../../src/export/ics.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { statusView } from '../../src/export/progress.js';
import { renderReport } from '../../src/export/report.js';
import { renderStatusText } from '../../src/export/status.js';
import { renderText } from '../../src/export/text.js';
import { intake, templates } from '../helpers.js';

const PIECES = [
  '\n',
  '\r\n',
  ';',
  ',',
  '|',
  '\\',
  '<script>alert(1)</script>',
  '# Week 1',
  '\n## Heading',
  '\u001b[2J',
  '\u001b]0;pwned\u0007',
  '\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007',
  '\u009b31m',
  'BEGIN:VEVENT',
  'END:VCALENDAR',
  '[link](http://evil.example)',
  'https://evil.example',
  '*',
  '_',
  '`',
  'Zoë ✓ 𝄞',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/; // anything but tab and newline

describe('hostile names and notes', () => {
  it('inert in the terminal, Markdown, the report and the calendar', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (name, note) => {
        if (!name.trim()) return;
        const runner = intake({ name, start: '2026-11-23', goalWeekly: 90, weeks: 2 });
        const { plan, progress } = replan(
          runner,
          [{ date: '2026-11-23', completed: 'yes', painDuring: 1, note }],
          templates,
          '2026-11-24',
        );
        const view = statusView(plan, progress, templates.rules);

        for (const text of [renderText(plan), renderStatusText(view)]) expect(text).not.toMatch(CONTROL);

        const html = await marked.parse(
          renderMarkdown(plan) +
            renderReport({
              view,
              plan,
              intake: runner,
              sessions: progress.sessions,
              charts: { pain: 'p.svg', volume: 'v.svg' },
            }),
        );
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/href="https?:\/\/evil/);
        const headings = html.match(/<h[1-6][^>]*>/g) ?? [];
        expect(headings.length).toBe(
          (renderMarkdown(plan).match(/^#{1,6} /gm) ?? []).length +
            (
              renderReport({
                view,
                plan,
                intake: runner,
                sessions: progress.sessions,
                charts: { pain: 'p.svg', volume: 'v.svg' },
              }).match(/^#{1,6} /gm) ?? []
            ).length,
        );

        const ics = renderIcs(plan, {});
        const calendar = new ICAL.Component(ICAL.parse(ics));
        const days = new Set(plan.weeks.flatMap((w) => w.sessions.filter((s) => s.kind !== 'rest').map((s) => s.date)));
        expect(calendar.getAllSubcomponents('vevent')).toHaveLength(days.size);
        expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(days.size);
        expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/); // CR and LF only as line ends
      }),
      { numRuns: 200 },
    );
  });
});
