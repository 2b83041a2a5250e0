import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/html.js';
import { renderIcs } from '../../src/export/ics.js';
import { renderJson } from '../../src/export/json.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { terminalSafe, wrap } from '../../src/export/style.js';
import { renderText } from '../../src/export/text.js';
import { makePlan, templates } from '../helpers.js';

const SNAP = './__snapshots__';

describe('text renderer snapshots (today fixed at 2026-11-22)', () => {
  it('a beginner starting walk/run', async () => {
    const text = renderText(makePlan({ name: 'Sam', pain: 2, weeks: 3 }), { exercises: templates.exercises });
    await expect(text).toMatchFileSnapshot(`${SNAP}/text-walk-run.txt`);
  });

  it('a runner waiting for assessment (urgent)', async () => {
    const text = renderText(makePlan({ symptoms: ['night-pain'], weeks: 1 }), { exercises: templates.exercises });
    await expect(text).toMatchFileSnapshot(`${SNAP}/text-urgent.txt`);
  });

  it('an emergency', async () => {
    await expect(renderText(makePlan({ symptoms: ['saddle-numbness'] }))).toMatchFileSnapshot(
      `${SNAP}/text-emergency.txt`,
    );
  });
});

describe('JSON renderer snapshot', () => {
  it('a distance runner rebuilding volume, in km', async () => {
    const json = renderJson(
      makePlan({
        name: 'Ana',
        pain: 1,
        units: 'km',
        weekly: 20,
        runsPerWeek: 4,
        goalWeekly: 40,
        runner: 'distance',
        weeks: 5,
      }),
    );
    await expect(json).toMatchFileSnapshot(`${SNAP}/json-rebuild.json`);
  });
});

describe('text safety', () => {
  it('a name cannot carry terminal escape sequences or newlines into the output', () => {
    const text = renderText(makePlan({ name: 'Eve\u001b]0;pwned\u0007\u001b[2J\nWeek 9 · fake', weeks: 1 }));
    expect(text).not.toMatch(/\u001b/);
    expect(text).not.toMatch(/\u0007/);
    expect(text.split('\n')[0]).toBe('Return-to-running plan · Eve ]0;pwned [2J Week 9 · fake');
    expect(terminalSafe('a\tb\r\nc')).toBe('a b c');
  });

  it('wrap keeps words whole and indents the following lines', () => {
    expect(wrap('aaa bbb ccc ddd', 9, '  ', '> ')).toEqual(['> aaa bbb', '  ccc ddd']);
  });

  it('wrap gives the lines a word-by-word wrap gives, whatever the spaces and lengths', () => {
    // The word-by-word wrap the renderers used before lines were cut from the text in one piece.
    const byWord = (text: string, width: number, indent: string, firstIndent: string) => {
      const lines: string[] = [];
      let line = firstIndent;
      let lineHasWord = false;
      for (const word of text.split(/\s+/).filter(Boolean)) {
        if (lineHasWord && line.length + 1 + word.length > width) {
          lines.push(line);
          line = indent + word;
        } else {
          line += (lineHasWord ? ' ' : '') + word;
        }
        lineHasWord = true;
      }
      lines.push(line);
      return lines;
    };
    const char = fc.constantFrom('a', 'b', 'é', '•', ' ', ' ', '  ', '\t', '\n', '\u00a0', 'x'.repeat(30));
    const text = fc.array(char, { maxLength: 60 }).map((parts) => parts.join(''));
    const indent = fc.constantFrom('', '  ', '    - ', '→ ');
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 90 }), indent, indent, (t, width, rest, first) => {
        expect(wrap(t, width, rest, first)).toEqual(byWord(t, width, rest, first));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a run's length beside its title", () => {
  // "Easy run 26 min" beside a bare "36 min" read as a 36-minute run: the 36 counts the walks.
  const p = makePlan({ runner: 'distance', pain: 1, weekly: 20, units: 'km', goalWeekly: 40, weeks: 2 });
  const run = p.weeks[0]!.sessions.find((s) => s.runMinutes > 0)!;
  const exercise = p.weeks[0]!.sessions.find((s) => s.runMinutes === 0 && s.minutes > 0)!;

  it('says "in all" for a run, in the Markdown, the HTML and the calendar, and not for an exercise', () => {
    expect(run.minutes).toBeGreaterThan(run.runMinutes);
    const options = { exercises: templates.exercises };
    const md = renderMarkdown(p, options);
    expect(md).toContain(`(${run.minutes} min in all)`);
    const html = renderHtml(p, options);
    expect(html).toContain(`<span class="min">${run.minutes}\u00a0min in all</span>`);
    expect(html).toContain(
      `<span class="title">${exercise.title}</span> <span class="min">${exercise.minutes}\u00a0min</span>`,
    );
    const ics = renderIcs(p, {}).replace(/\r\n /g, '');
    expect(ics).toContain(`• ${run.title} (${run.minutes} min in all): `);
    expect(ics).toContain(`• ${exercise.title} (${exercise.minutes} min): `);
  });
});

describe('the triage heading of a cleared runner', () => {
  // Found in review: "EMERGENCY (cleared by a clinician)" read as the emergency being over.
  const render = (p: ReturnType<typeof makePlan>) => {
    const options = { exercises: templates.exercises };
    return [renderText(p, options), renderMarkdown(p, options), renderHtml(p, options)].join('\n');
  };

  it('says "cleared by a clinician" beside caution or urgent, never beside an emergency (R-TRIAGE-1)', () => {
    const emergency = makePlan({ symptoms: ['saddle-numbness'], cleared: true });
    expect(emergency.triage).toMatchObject({ level: 'emergency', withheld: true });
    expect(render(emergency)).not.toMatch(/cleared by a clinician/);
    const urgent = makePlan({ symptoms: ['night-pain'], cleared: true, weeks: 1 });
    expect(render(urgent).match(/(URGENT|urgent) \(cleared by a clinician\)/g)).toHaveLength(3);
  });
});

describe('a week across the new year', () => {
  it('names both years in its heading, in every renderer', () => {
    // Found in review: "Wed 29 Dec – Tue 4 Jan 2028" read as a week of 2028.
    const p = makePlan({ start: '2027-12-29', weeks: 2 }, '2027-12-20');
    const options = { exercises: templates.exercises };
    for (const out of [renderText(p, options), renderMarkdown(p, options), renderHtml(p, options)])
      expect(out).toContain('Week 1 · Wed 29 Dec 2027 – Tue 4 Jan 2028');
    expect(renderText(p, options)).toContain('Week 2 · Wed 5 Jan – Tue 11 Jan 2028');
  });
});
