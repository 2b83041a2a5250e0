// Date labels are written by hand (start-up speed); date-fns's format is the reference they must match.
import fc from 'fast-check';
import { addDays as addDaysToDate } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import { addDays, longDate, shortDate, toLocalDate } from '../../src/core/dates.js';

const isoDates = fc.date({ min: new Date(1000, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true }).map((d) => `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);

describe('date labels', () => {
  it('read as date-fns writes "EEE d MMM" and "EEE d MMM yyyy"', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        const date = toLocalDate(iso)!;
        expect(shortDate(iso)).toBe(format(date, 'EEE d MMM'));
        expect(longDate(iso)).toBe(format(date, 'EEE d MMM yyyy'));
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
  const plain = (date: Date) => `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

  it('gives what date-fns gives, asked once or again (its answers are cached)', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -400, max: 400 }), (iso, days) => {
        const expected = plain(addDaysToDate(toLocalDate(iso)!, days));
        expect(addDays(iso, days)).toBe(expected);
        expect(addDays(iso, days)).toBe(expected);
      }),
      { numRuns: 6000 }, // more dates than the cache keeps before it starts again
    );
  });
});
