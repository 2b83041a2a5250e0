// Every renderer's output, byte for byte, over a fixed set of random plans: a fingerprint of each
// output is kept in a snapshot file, so a change that alters any byte of any format fails here.
// The snapshot was written from the renderers as they were before the start-up and caching work
// (plain bundle, date-fns labels, batch's explicit cache); a deliberate change of wording updates
// it with `npx vitest run test/property/output-identity.test.ts -u`.
//
// Calendars and labels are plain dates, so the host's time zone must not move a byte: the same
// fingerprints are checked again with TZ changed in this process.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { plan } from '../../src/core/plan.js';
import type { Plan, SessionStatus } from '../../src/core/types.js';
import { renderHtml } from '../../src/export/html.js';
import { renderIcs } from '../../src/export/ics.js';
import { renderJson } from '../../src/export/json.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import type { Style } from '../../src/export/style.js';
import { renderText } from '../../src/export/text.js';
import { templates } from '../helpers.js';
import { intakeArb, isoDateArb } from './arbitraries.js';

const STATUSES: SessionStatus[] = ['done', 'partial', 'not-done', 'missed', 'to-come'];
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];

/** Text a user may type: names and check-in notes, with the characters every format escapes. */
const userTextArb = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('Ana Souza', 'Zoë *bold* <b>x</b> http://x.io', "O'Brien; a,b\\c", 'أحمد 👟 long '.repeat(8)),
);

const caseArb = fc.record({
  intake: intakeArb,
  name: fc.option(userTextArb, { nil: undefined }),
  today: isoDateArb,
  // Check-in marks laid over the planned sessions, in turn: as `show` renders a logged plan.
  marks: fc.array(
    fc.option(fc.record({ status: fc.constantFrom(...STATUSES), logged: fc.option(userTextArb, { nil: undefined }) }), {
      nil: undefined,
    }),
    { maxLength: 12 },
  ),
  time: fc.constantFrom('06:30', '18:00', '00:00', '23:45'),
  zone: fc.constantFrom(...ZONES),
  duration: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  alarm: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  sequence: fc.integer({ min: 0, max: 5 }),
});

const CASES = fc.sample(caseArb, { seed: 2111, numRuns: 60 });

/** A style that marks each part, so the text renderer's styled paths are covered without chalk. */
const MARKED: Style = {
  bold: (t) => `[b]${t}[/b]`,
  dim: (t) => `[d]${t}[/d]`,
  red: (t) => `[r]${t}[/r]`,
  yellow: (t) => `[y]${t}[/y]`,
  green: (t) => `[g]${t}[/g]`,
  cyan: (t) => `[c]${t}[/c]`,
};

function planOf(c: (typeof CASES)[number]): Plan {
  const result = plan({ ...c.intake, ...(c.name === undefined ? {} : { name: c.name }) }, templates, c.today);
  if (c.marks.length === 0) return result;
  const marked = structuredClone(result);
  let i = 0;
  for (const week of marked.weeks) {
    for (const session of week.sessions) {
      const mark = c.marks[i++ % c.marks.length];
      if (!mark) continue;
      session.status = mark.status;
      if (mark.logged !== undefined) session.logged = mark.logged;
    }
  }
  return marked;
}

/** Each output of one case, by name. */
function outputs(c: (typeof CASES)[number]): Record<string, string> {
  const p = planOf(c);
  const sequences = new Map(p.weeks.flatMap((w) => w.sessions.map((s, i) => [s.date, (i + c.sequence) % 3] as const)));
  return {
    text: renderText(p),
    'text-styled': renderText(p, { style: MARKED, exercises: templates.exercises }),
    md: renderMarkdown(p),
    'md-exercises': renderMarkdown(p, { exercises: templates.exercises }),
    ics: renderIcs(p, {}),
    'ics-batch': renderIcs(p, { uidKey: `athlete-${c.sequence}` }),
    'ics-rest-alarm': renderIcs(p, {
      includeRest: true,
      ...(c.alarm === undefined ? {} : { alarm: c.alarm }),
      sequences,
    }),
    'ics-timed': renderIcs(p, {
      time: c.time,
      tz: c.zone,
      ...(c.duration === undefined ? {} : { duration: c.duration }),
    }),
    json: renderJson(p),
    html: renderHtml(p, { exercises: templates.exercises }),
  };
}

function fingerprints(): string {
  const lines: string[] = [];
  CASES.forEach((c, i) => {
    for (const [format, output] of Object.entries(outputs(c))) {
      lines.push(
        `${String(i).padStart(2, '0')} ${format.padEnd(14)} ${createHash('sha256').update(output).digest('hex').slice(0, 24)}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

describe('every output is the same, byte for byte, for the same random plans', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('as the fingerprints kept from the renderers before', async () => {
    await expect(fingerprints()).toMatchFileSnapshot('./__snapshots__/output-identity.txt');
  });

  it('whatever the host time zone, changed in this process', async () => {
    for (const tz of ['America/St_Johns', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      process.env.TZ = tz;
      await expect(fingerprints()).toMatchFileSnapshot('./__snapshots__/output-identity.txt');
    }
  });
});
