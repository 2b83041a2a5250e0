// The athlete file as `team status` reads thousands of them: what each read leaves behind.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendCheckIns, readAthlete, writeAthlete } from '../../src/store/athlete.js';
import { testDir } from '../tmp.js';

describe('an athlete file read line by line', () => {
  // An object literal with a getter of its own is in dictionary mode, and V8 keeps it, with the
  // file's text, until its next full collection: `team status` over 2,000 files took some 25 MB
  // more at its peak than with the getters on a prototype.
  it('keeps its head document lazy on the prototype, not on each file read', () => {
    const file = join(testDir('athlete-file'), 'athlete.yaml');
    writeAthlete(file, { pain: 2, weekly: 10, units: 'km', goalWeekly: 30 });
    appendCheckIns(readAthlete(file)!, [{ date: '2026-11-23', completed: 'yes', painDuring: 1 }]);

    const athlete = readAthlete(file)!;
    expect(athlete.lines?.headData).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(athlete, 'parsed')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(athlete.lines, 'head')).toBeUndefined();
    expect(athlete.parsed.doc.getIn(['intake', 'pain'])).toBe(2);
    expect(athlete.parsed).toBe(athlete.lines!.head); // made once, when first asked for
  });
});
