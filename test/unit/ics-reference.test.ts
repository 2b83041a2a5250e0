// backplan writes iCalendar text itself, for speed. This test holds it to ical-generator 10: the
// same random plans rendered both ways give the same lines once unfolded (folding is where the
// two differ on purpose: backplan never splits an escape).
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import fc from 'fast-check';
import icalGenerator, { ICalAlarmType, type ICalEventData } from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { plan } from '../../src/core/plan.js';
import type { Plan } from '../../src/core/types.js';
import { calendarDays, escapeText, eventContents, renderIcs, type IcsOptions } from '../../src/export/ics.js';
import { slugOf } from '../../src/export/slug.js';
import { templates } from '../helpers.js';
import { intakeArb, isoDateArb } from '../property/arbitraries.js';

/** The same calendar through ical-generator, as backplan built it before it wrote the text itself. */
function reference(p: Plan, options: IcsOptions): string {
  const calendar = icalGenerator({
    name: escapeText(
      p.name
        ? `backplan: ${p.name.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, ' ').trim()}`
        : 'backplan: return-to-running plan',
    ),
    prodId: { company: 'backplan', product: 'backplan', language: 'EN' },
  });
  if (options.time && options.tz) calendar.timezone({ name: options.tz, generator: getVtimezoneComponent });
  const contents = eventContents(p, options.includeRest);
  for (const { date, sessions } of calendarDays(p, options.includeRest)) {
    const [summary = '', ...description] = contents.get(date)!.split('\n');
    let timing: Pick<ICalEventData, 'start' | 'end' | 'allDay' | 'timezone'> = {
      start: date,
      end: addDays(date, 1),
      allDay: true,
    };
    if (options.time && options.tz) {
      const [h, m] = options.time.split(':').map(Number) as [number, number];
      const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
      const start = new TZDate(y, mo - 1, d, h, m, options.tz);
      const length =
        options.duration ??
        Math.max(
          15,
          sessions.reduce((sum, s) => sum + s.minutes, 0),
        );
      timing = { start, end: new TZDate(start.getTime() + length * 60_000, options.tz), timezone: options.tz };
    }
    const event = calendar.createEvent({
      id: `${slugOf(p.name ?? undefined)}-${date}-day@backplan`,
      sequence: options.sequences?.get(date) ?? 0,
      stamp: new Date(`${p.today}T00:00:00Z`),
      summary,
      description: description.join('\n'),
      ...timing,
    });
    if (options.alarm !== undefined)
      event.createAlarm({ type: ICalAlarmType.display, trigger: options.alarm * 60, description: summary });
  }
  // ical-generator 10 writes DTSTAMP without its Z once the calendar has a zone (a known bug that
  // backplan always worked around); RFC 5545 wants UTC, as backplan writes it.
  return calendar.toString().replace(/^DTSTAMP:(\d{8}T\d{6})\r$/gm, 'DTSTAMP:$1Z\r');
}

const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

const optionsArb: fc.Arbitrary<IcsOptions> = fc
  .record({
    includeRest: fc.boolean(),
    alarm: fc.option(fc.constantFrom(0, 5, 30, 60, 90, 1440, 1500, 10_080), { nil: undefined }),
    timed: fc.option(
      fc.record({
        time: fc.constantFrom('00:30', '07:00', '18:45', '23:50'),
        tz: fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'),
        duration: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ timed, ...rest }) => ({ ...rest, ...timed }));

describe('the hand-written ICS matches ical-generator 10', () => {
  it('line for line, unfolded, over random plans and options', () => {
    fc.assert(
      fc.property(
        intakeArb,
        isoDateArb,
        optionsArb,
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        (intake, today, options, name) => {
          const p = plan(
            { ...intake, name: name?.trim() ? name : undefined, weeks: Math.min(intake.weeks ?? 4, 6) },
            templates,
            today,
          );
          if (p.triage.level === 'emergency') return;
          const ics = renderIcs(p, options);
          // An event ending in the hour the clocks go back through twice says its DURATION, which
          // ical-generator cannot write (its DTEND there reads as before the start).
          if (ics.includes('\r\nDURATION:')) return;
          expect(unfold(ics)).toEqual(unfold(reference(p, options)));
        },
      ),
      { numRuns: 40 }, // ical-generator folds slowly; 40 plans cover every option
    );
  });

  it('every folded line is at most 75 octets and no escape is split', () => {
    const p = plan(
      {
        ...fc.sample(intakeArb, { numRuns: 1, seed: 7 })[0]!,
        symptoms: [],
        pain: 1,
        name: 'Zoë ✓ "Ana" \\ ; , 𝄞'.repeat(4),
      },
      templates,
      '2026-11-22',
    );
    for (const line of renderIcs(p, { alarm: 30 }).split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line.endsWith('\\') && !line.endsWith('\\\\')).toBe(false);
    }
  });
});
