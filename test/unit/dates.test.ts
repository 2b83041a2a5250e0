// Date labels are date-fns's English names of days and months; date-fns's format, and the labels
// backplan wrote by hand before, are the references they must match, byte for byte.
import fc from 'fast-check';
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, longDate, shortDate, toLocalDate } from '../../src/core/dates.js';

const isoDates = fc
  .date({ min: new Date(1000, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true })
  .map(
    (d) =>
      `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
  );

const WEEKDAY_LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('date labels', () => {
  it('read as the hand-written labels did: "Mon 7 Dec" and "Mon 7 Dec 2026"', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        const date = toLocalDate(iso)!;
        const short = `${WEEKDAY_LABELS[date.getDay()]} ${date.getDate()} ${MONTH_LABELS[date.getMonth()]}`;
        expect(shortDate(iso)).toBe(short);
        expect(shortDate(iso)).toBe(format(date, 'EEE d MMM'));
        expect(longDate(iso)).toBe(`${short} ${String(date.getFullYear()).padStart(4, '0')}`);
        expect(longDate(iso)).toBe(format(date, 'EEE d MMM yyyy'));
      }),
      { numRuns: 2000 },
    );
  });

  it('name the days of a plan week', () => {
    expect(shortDate('2026-11-23')).toBe('Mon 23 Nov');
    expect(longDate(addDays('2026-11-23', 6))).toBe('Sun 29 Nov 2026');
  });

  it('give the year as the date does, and the weekday of the calendar date in any zone', () => {
    // date-fns's yyyy is the year of the era: it would call the year 0000 0001.
    expect(longDate('0000-03-01')).toBe('Wed 1 Mar 0000');
    // A zone that skipped a day (Samoa, 30 December 2011) has no local midnight that day; the
    // label of the calendar date does not need one.
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Apia';
    try {
      expect(shortDate('2011-12-30')).toBe('Fri 30 Dec');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('addDays', () => {
  const plain = (date: Date) =>
    `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

  it('gives what date-fns gives, asked once or again', () => {
    fc.assert(
      fc.property(
        isoDates,
        // Small steps most often: a day of the same week, or just past the month's end.
        fc.oneof(fc.integer({ min: -31, max: 31 }), fc.integer({ min: -400, max: 400 })),
        (iso, days) => {
          const expected = plain(addDaysToDate(toLocalDate(iso)!, days));
          expect(addDays(iso, days)).toBe(expected);
          expect(addDays(iso, days)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isIsoDate', () => {
  // The calendar's own answer: a Date made from the numbers names the same day back.
  const realDate = (year: number, month: number, day: number): boolean => {
    const date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(year, month - 1, day);
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  };
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  it('takes a date exactly when the calendar has it, leap days and years 0-99 included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isIsoDate(iso)).toBe(month >= 1 && month <= 12 && realDate(year, month, day));
        },
      ),
      { numRuns: 5000 },
    );
    for (const leapDay of ['2024-02-29', '2000-02-29', '0000-02-29', '0004-02-29'])
      expect([leapDay, isIsoDate(leapDay), addDays(leapDay, 1).slice(5)]).toEqual([leapDay, true, '03-01']);
    for (const notLeap of ['2026-02-29', '1900-02-29', '2100-02-29']) expect(isIsoDate(notLeap)).toBe(false);
  });

  it('refuses any other shape of text', () => {
    const refused = [
      '2026-1-01',
      '2026-01-1',
      '26-01-01',
      '2026/01/01',
      '2026-01-01Z',
      ' 2026-01-01',
      '２０２６-01-01',
    ];
    for (const text of [...refused, '2026-0a-01', 'abcd-01-01', '+02026-01-01', '2026-01-01T00:00', ''])
      expect([text, isIsoDate(text)]).toEqual([text, false]);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
