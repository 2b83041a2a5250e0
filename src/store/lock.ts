// One writer at a time per athlete file: a lock file beside it, made with O_EXCL so only one
// process can hold it. A second `checkin` waits for the first (a few seconds at most), then
// re-reads the file, so both entries are kept; if the lock stays taken it fails, saying why.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '../cli/errors.js';
import { writeFailureReason } from './atomic.js';

const WAIT_MS = 5_000;
const STALE_MS = 60_000;

export function withLock<T>(path: string, shown: string, work: () => T): T {
  const lock = `${path}.lock`;
  mkdirSync(dirname(path), { recursive: true }); // a first athlete file may be the first in its folder
  acquire(lock, shown);
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function acquire(lock: string, shown: string): void {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        const reason = writeFailureReason(error);
        if (!reason) throw error;
        throw new DataError(`${shown} cannot be changed: ${reason}; the file was left as it was`, 'free some space or check the folder, then run the command again');
      }
    }
    if (isStale(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > until) {
      throw new DataError(`${shown} is being changed by another backplan (process ${holder(lock)}); nothing was written`, `try again in a moment; if no backplan is running, delete ${shown}.lock`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25); // sleep 25 ms
  }
}

/** A lock left by a process that no longer runs, or older than a minute, is stale. */
function isStale(lock: string): boolean {
  try {
    const pid = Number(holder(lock));
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
      }
    }
    return Date.now() - statSync(lock).mtimeMs > STALE_MS;
  } catch {
    return false; // gone already: the next try takes it
  }
}

function holder(lock: string): string {
  try {
    return readFileSync(lock, 'utf8').trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}
