// One writer at a time per athlete file: a lock file beside it, made with O_EXCL so only one
// process can hold it. A second `checkin` waits for the first (a few seconds at most), then
// re-reads the file, so both entries are kept; if the lock stays taken it fails, saying why.
// The lock is taken beside the file a symlink points at, where the file is written.
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError } from '../errors.js';
import { forget, isRunning, removeOnExit, writeAll, writeFailureReason, writeTarget } from './atomic.js';

const WAIT_MS = 5_000;
const STALE_MS = 60_000;
/** A lock is written the moment it is made: one still empty after this was left by a run that failed. */
const EMPTY_STALE_MS = 1_000;

export function withLock<T>(path: string, shown: string, work: () => T): T {
  mkdirSync(dirname(path), { recursive: true }); // a first athlete file may be the first in its folder
  const lock = `${writeTarget(path).target}.lock`;
  acquire(lock, shown);
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
    forget(lock);
  }
}

function acquire(lock: string, shown: string): void {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      removeOnExit(lock);
      try {
        writeAll(fd, Buffer.from(`${process.pid}\n`));
      } catch (error) {
        rmSync(lock, { force: true }); // a full disk: leave no empty lock behind
        forget(lock);
        throw error;
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        const reason = writeFailureReason(error);
        if (!reason) throw error;
        throw new DataError(
          `${shown} cannot be changed: ${reason}; the file was left as it was`,
          'free some space or check the folder, then run the command again',
        );
      }
    }
    if (isStale(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > until) {
      throw new DataError(
        `${shown} is being changed by another backplan (process ${holder(lock) ?? 'unknown'}); nothing was written`,
        `try again in a moment; if no backplan is running, delete ${shown}.lock`,
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25); // sleep 25 ms
  }
}

/** A lock left by a process that no longer runs, left empty, or older than a minute, is stale. */
function isStale(lock: string): boolean {
  try {
    const age = Date.now() - statSync(lock).mtimeMs;
    const pid = holder(lock);
    if (pid === undefined) return age > (isEmpty(lock) ? EMPTY_STALE_MS : STALE_MS);
    if (!isRunning(Number(pid))) return true;
    return age > STALE_MS;
  } catch {
    return false; // gone already: the next try takes it
  }
}

/** The process id in the lock, read from its first bytes; undefined when there is none. */
function holder(lock: string): string | undefined {
  const text = head(lock).trim();
  return /^[1-9]\d{0,9}$/.test(text) ? text : undefined;
}

const isEmpty = (lock: string): boolean => head(lock) === '';

function head(lock: string): string {
  try {
    const fd = openSync(lock, 'r');
    try {
      const bytes = Buffer.alloc(32);
      return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}
