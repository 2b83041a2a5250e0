// Date labels come from date-fns's format; the labels backplan wrote by hand before are the
// reference they must still match, byte for byte.
import fc from 'fast-check';
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { describe, expect, it } from 'vitest';
import { addDays, longDate, shortDate, toLocalDate } from '../../src/core/dates.js';

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
        expect(longDate(iso)).toBe(`${short} ${String(date.getFullYear()).padStart(4, '0')}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('name the days of a plan week', () => {
    expect(shortDate('2026-11-23')).toBe('Mon 23 Nov');
    expect(longDate(addDays('2026-11-23', 6))).toBe('Sun 29 Nov 2026');
  });
});

describe('addDays', () => {
  const plain = (date: Date) =>
    `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

  it('gives what date-fns gives, asked once or again', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -400, max: 400 }), (iso, days) => {
        const expected = plain(addDaysToDate(toLocalDate(iso)!, days));
        expect(addDays(iso, days)).toBe(expected);
        expect(addDays(iso, days)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
