// Atomic file replacement: write a temporary file beside the target, flush it to disk, rename it
// over the target. A crash at any point leaves the old file or the new one, never half of one.
//
// `durable: false` skips the flush to disk. The rename still means a killed process leaves the old
// file or the new one; only a power cut right after could lose the new one. Batch exports use it:
// thousands of flushes cost seconds, and every export can be made again from the roster.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

/** This process's mark on its temporary files; with a count after it, each name is new. */
const TEMP_MARK = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
let tempCount = 0;

/** A temporary name beside the target; opened with 'wx', so a name taken by anyone else fails, never clobbers. */
const tempPath = (path: string): string => `${dirname(path)}${sep}.${basename(path)}.${TEMP_MARK}.${++tempCount}.tmp`;

/** `isNew`: the caller has just made sure there is no file at `path`, so its mode need not be looked up. */
export function writeFileAtomic(path: string, content: string | Uint8Array, { durable = true, isNew = false } = {}): void {
  const temp = tempPath(path);
  // A replaced file keeps its permissions; a new one gets the usual 0644. (No exception for a
  // new file: a batch makes thousands of them.)
  const mode = isNew ? 0o644 : (statSync(path, { throwIfNoEntry: false })?.mode ?? 0o644) & 0o777;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes every byte. A write may take only part of what it is given (a disk filling up does
 * that); the rest is written again until the system writes it all or says why it cannot.
 */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Why a write failed, in words, for the errors people meet (a full disk, a read-only folder); else null. */
export function writeFailureReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code) return null;
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EROFS: 'the file system is read-only',
    EACCES: 'permission denied', EPERM: 'permission denied', ENOENT: 'the folder does not exist', EISDIR: 'it is a folder',
  };
  return words[code] ?? code;
}
