// Temporary folders for tests, removed when their test file is done (test/setup.ts): a run once
// left some 2 GB behind, mostly the bad-input catalogue's 50 MB files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder named backplan-<name>-XXXXXX in the system's temporary folder. */
export function testDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `backplan-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes them all; a folder still in use (a mount a test failed to undo) is left, not fatal. */
export function removeTestDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // left for the system's temporary-file cleaning
    }
  }
}
