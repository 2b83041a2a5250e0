// Atomic file replacement: write a temporary file beside the target, flush it to disk, rename it
// over the target. A crash at any point leaves the old file or the new one, never half of one.
//
// `durable: false` skips the flush to disk. The rename still means a killed process leaves the old
// file or the new one; only a power cut right after could lose the new one. Batch exports use it:
// thousands of flushes cost seconds, and every export can be made again from the roster.
//
// A rename replaces whatever has the target's name, so the target is found first: a symlink is
// followed to what it points at, and anything there but a regular file is refused (output.ts
// writes into FIFOs and devices itself). Temporary files are removed on every way out this process
// can see; those of a killed run are swept up by the next write into their folder.
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** This process's mark on its temporary files; with a count after it, each name is new. */
const TEMP_MARK = `${process.pid}.${Math.random().toString(36).slice(2, 10)}`;
let tempCount = 0;

/** A temporary name beside the target; opened with 'wx', so a name taken by anyone else fails, never clobbers. */
const tempPath = (path: string): string => `${dirname(path)}${sep}.${basename(path)}.${TEMP_MARK}.${++tempCount}.tmp`;

/** backplan's temporary names: .<file>.<pid>.<random>.<count>.tmp */
const TEMP_NAME = /^\..+\.(\d+)\.[a-z0-9]+\.\d+\.tmp$/;

export interface WriteOptions {
  /** Flush to disk before the rename (default true). */
  durable?: boolean;
  /** The caller has just made sure there is no file at `path`, so its mode need not be looked up. */
  isNew?: boolean;
  /** The mode of the file written; default: the replaced file's, else `newMode`. */
  mode?: number;
  /** The mode of a file that did not exist (default 0644, less the umask). */
  newMode?: number;
  /** Run once the new content is whole (and flushed), just before it replaces the file. */
  beforeRename?: () => void;
  /** Replace a file with no write permission too (a backup, which keeps its original's mode). */
  replaceReadOnly?: boolean;
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const { durable = true, isNew = false, newMode = 0o644 } = options;
  const { target, stats } = writeTarget(path, !isNew);
  if (stats && !stats.isFile()) {
    throw Object.assign(new Error(`${target} is not a regular file`), {
      code: stats.isDirectory() ? 'EISDIR' : 'ENOTREG',
    });
  }
  // A rename would replace a file its owner made read-only (even for root): such a file is left alone.
  if (stats && isReadOnly(stats) && !options.replaceReadOnly) {
    throw Object.assign(new Error(`${target} is read-only`), { code: 'EREADONLY' });
  }
  sweepOnce(dirname(target));
  const temp = tempPath(target);
  // A replaced file keeps its permissions; a new one gets `newMode`. (No look for a new file: a
  // batch makes thousands of them.)
  const mode = options.mode ?? (stats ? stats.mode & 0o777 : newMode);
  let fd: number | undefined;
  removeOnExit(temp);
  try {
    fd = openSync(temp, 'wx', mode);
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    options.beforeRename?.();
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    forget(temp);
  }
}

/**
 * Puts a second name on a file: `path` becomes a hard link to `existing`, replacing a regular file
 * there in one rename, with no byte written. False where that cannot be done (no hard links on
 * this file system, or something other than a regular file at `path`, such as a symlink, which is
 * written through and never replaced): the caller copies instead.
 */
export function linkAtomic(existing: string, path: string): boolean {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) return false;
  sweepOnce(dirname(path));
  const temp = tempPath(path);
  removeOnExit(temp);
  try {
    linkSync(existing, temp);
    renameSync(temp, path);
    return true;
  } catch {
    return false;
  } finally {
    // Gone after the rename, unless `path` already was the same file (then the rename does nothing).
    rmSync(temp, { force: true });
    forget(temp);
  }
}

/**
 * The file a write to `path` lands in: `path`, or what the symlink at `path` points at, link after
 * link; with its stats (when `look`), or none when nothing is there yet.
 */
export function writeTarget(path: string, look = true): { target: string; stats?: Stats } {
  let target = path;
  for (let hops = 0; hops < 40; hops++) {
    const stats = look || hops > 0 ? lstatSync(target, { throwIfNoEntry: false }) : lstatIfLink(target);
    if (!stats?.isSymbolicLink()) return stats ? { target, stats } : { target };
    target = resolve(dirname(target), readlinkSync(target));
  }
  throw Object.assign(new Error(`${path}: too many symbolic links`), { code: 'ELOOP' });
}

/** A batch's new file: only a symlink in the way needs a look (one lstat), which it costs anyway. */
function lstatIfLink(path: string): Stats | undefined {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  return stats?.isSymbolicLink() ? stats : undefined;
}

/**
 * Writes every byte. A write may take only part of what it is given (a disk filling up does
 * that); the rest is written again until the system writes it all or says why it cannot.
 */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length;) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Why a write failed, in words, for the errors people meet (a full disk, a read-only folder); else null. */
/** No write permission for anyone: its owner means it to stay as it is. */
export const isReadOnly = (stats: Stats): boolean => (stats.mode & 0o222) === 0;

export function writeFailureReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code) return null;
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'the folder does not exist',
    EISDIR: 'it is a folder',
    EREADONLY: 'the file is read-only, and a read-only file is never replaced',
    ENOTREG: 'it is not a regular file (a device, a FIFO or a socket), and is never replaced',
    ELOOP: 'too many symbolic links',
  };
  return words[code] ?? code;
}

// What this run has made and not yet removed (temporary files, the lock), removed on the way out.
const created = new Set<string>();
let cleanupInstalled = false;

/** Marks a file this run made, to be removed if the process ends before `forget`. */
export function removeOnExit(path: string): void {
  created.add(path);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', removeCreated);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      removeCreated();
      // Then die of the same signal, as without this listener.
      for (const other of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(other);
      process.kill(process.pid, signal);
    });
  }
}

export function forget(path: string): void {
  created.delete(path);
}

function removeCreated(): void {
  for (const path of created) rmSync(path, { force: true });
  created.clear();
}

// Folders swept in this run: one look per folder (a batch writes thousands of files into one).
const swept = new Set<string>();

/** Removes temporary files of backplan's naming left by a run that has gone (or over an hour old). */
function sweepOnce(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    const path = join(dir, name);
    try {
      if (!isRunning(Number(pid)) || Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
