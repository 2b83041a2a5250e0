// What is written when an athlete file is saved: the new file, flushed to disk before it replaces
// the old one. The .bak is the old file itself, under a second name (a hard link): nothing to write
// or flush; where that cannot be, a copy, not flushed (docs/architecture.md, "Files").
import type * as fs from 'node:fs';
import { readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const flushed: string[] = [];
let failNextFlush = false;
vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  return {
    ...real,
    // The name each flushed descriptor had: the temporary file about to be renamed into place.
    fsyncSync: (fd: number) => {
      if (failNextFlush) {
        failNextFlush = false;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      flushed.push(readlinkSync(`/proc/self/fd/${fd}`));
      real.fsyncSync(fd);
    },
  };
});

const { appendCheckIns, readAthlete, writeAthlete } = await import('../../src/store/athlete.js');
const { testDir } = await import('../tmp.js');

afterEach(() => {
  flushed.length = 0;
});

describe('saving an athlete file', () => {
  it.skipIf(process.platform !== 'linux')('flushes the file itself; its .bak is the old file, not a copy', () => {
    const dir = testDir('flush');
    const file = join(dir, 'athlete.yaml');
    writeAthlete(file, { pain: 2, weekly: 10, units: 'km', goalWeekly: 30 });
    expect(flushed).toHaveLength(1);
    const before = readFileSync(file, 'utf8');

    const old = statSync(file);
    appendCheckIns(readAthlete(file)!, [{ date: '2026-11-23', completed: 'yes', painDuring: 1 }]);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
    expect(statSync(`${file}.bak`)).toMatchObject({ ino: old.ino, mode: old.mode });
    expect(readFileSync(file, 'utf8')).toContain('2026-11-23');
    // One flush more, of a temporary file beside the athlete file (.athlete.yaml.<pid>…tmp), not of
    // the backup's (.athlete.yaml.bak.<pid>…tmp).
    expect(flushed).toHaveLength(2);
    expect(flushed[1]).toMatch(/\/\.athlete\.yaml\.\d+\.[a-z0-9]+\.\d+\.tmp$/);
  });

  it('writes a .bak that is a symlink through it, as a copy', () => {
    const dir = testDir('flush');
    const file = join(dir, 'athlete.yaml');
    writeAthlete(file, { pain: 2, weekly: 10, units: 'km', goalWeekly: 30 });
    const before = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'kept.yaml'), 'older\n');
    symlinkSync('kept.yaml', `${file}.bak`);
    appendCheckIns(readAthlete(file)!, [{ date: '2026-11-23', completed: 'yes', painDuring: 1 }]);
    expect(readFileSync(join(dir, 'kept.yaml'), 'utf8')).toBe(before);
    expect(readlinkSync(`${file}.bak`)).toBe('kept.yaml');
  });

  it.skipIf(process.platform !== 'linux')('a save that fails leaves the file and its .bak as they were, apart', () => {
    const dir = testDir('flush');
    const file = join(dir, 'athlete.yaml');
    writeAthlete(file, { pain: 2, weekly: 10, units: 'km', goalWeekly: 30 });
    appendCheckIns(readAthlete(file)!, [{ date: '2026-11-23', completed: 'yes', painDuring: 1 }]);
    const [kept, bak] = [readFileSync(file, 'utf8'), statSync(`${file}.bak`)];
    failNextFlush = true;
    expect(() => appendCheckIns(readAthlete(file)!, [{ date: '2026-11-25', completed: 'yes' }])).toThrow();
    expect(readFileSync(file, 'utf8')).toBe(kept);
    expect(statSync(`${file}.bak`).ino).toBe(bak.ino); // the backup was not replaced
    expect(statSync(file).ino).not.toBe(bak.ino); // nor made a second name of the athlete file
  });
});
