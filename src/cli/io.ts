// Everything a command touches of the outside world, so tests can hand in their own.
import { fstatSync, writeSync } from 'node:fs';
import { neutralise } from '../export/style.js';
import { DataError } from '../errors.js';
import { nodeRequire } from '../nodeRequire.js';
import type { Prompter } from './wizard.js';

export interface Io {
  /** Text, or bytes already encoded as UTF-8 (a calendar). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  now(): Date;
  cwd: string;
  /** All of standard input, as text. */
  readStdin(): Promise<string>;
  /** Questions in the terminal; the prompt library is loaded when this is not given. */
  prompt?: Prompter;
  /** Called by `batch` once its roster is read and checked, before the first plan is made. */
  planningStarts?(): void;
  /** The terminal's width in columns, when stdout or stderr is one. */
  readonly columns?: number | undefined;
}

/** Columns to wrap text to: the terminal's, at most 80 (the width plans are written for), 80 when unknown. */
export function textWidth(io: Io): number {
  const columns = io.columns;
  return columns && columns > 0 ? Math.max(40, Math.min(80, columns)) : 80;
}

const MAX_STDIN_BYTES = 5 * 1024 * 1024;

/** `thread`: this is a worker thread (the batch's), whose own streams are never terminals. */
export function processIo({ thread = false } = {}): Io {
  return {
    stdout: writeStdout,
    stderr: writeStderr,
    // Getters, and a look at the descriptor first: opening a stream loads Node's stream modules,
    // a tenth of start-up, and most runs never need more than a write to stdout.
    get stdinIsTTY() {
      return isTerminal(0, () => process.stdin, thread);
    },
    get stdoutIsTTY() {
      return isTerminal(1, () => process.stdout, thread);
    },
    get stderrIsTTY() {
      return isTerminal(2, () => process.stderr, thread);
    },
    get columns() {
      if (thread) return undefined;
      if (isTerminal(1, () => process.stdout, thread)) return process.stdout.columns;
      return isTerminal(2, () => process.stderr, thread) ? process.stderr.columns : undefined;
    },
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        // /dev/zero on stdin never ends: a limit, as for every file backplan reads.
        if (total > MAX_STDIN_BYTES) throw new DataError('standard input holds more than 5 MB; nothing was read from it', 'give backplan a profile of a few KB (--profile -), or a file');
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * Colour for one stream (design.md convention 7): off with --no-color, NO_COLOR, TERM=dumb or a
 * stream that is no terminal; FORCE_COLOR forces it. chalk 5 ignores NO_COLOR, hence this.
 */
export function colorLevel(io: Io, stream: 'stdout' | 'stderr', colorFlag = true): ColorLevel {
  if (!colorFlag) return 0;
  const { FORCE_COLOR, NO_COLOR, TERM, COLORTERM } = io.env;
  if (FORCE_COLOR !== undefined) {
    if (FORCE_COLOR === '0' || FORCE_COLOR === 'false') return 0;
    const forced = Number(FORCE_COLOR);
    return forced >= 1 && forced <= 3 ? (forced as ColorLevel) : 1;
  }
  if (NO_COLOR !== undefined && NO_COLOR !== '') return 0;
  if (TERM === 'dumb') return 0;
  if (!(stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY)) return 0;
  if (COLORTERM === 'truecolor' || COLORTERM === '24bit') return 3;
  return TERM?.includes('256') ? 2 : 1;
}

/** Today's date on the runner's own calendar, as YYYY-MM-DD. */
export function localToday(io: Io): string {
  const now = io.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A file or a pipe is no terminal; only a character device (a terminal, or /dev/null) needs a
 * closer look. The main thread asks its stream, which it will write through anyway; a worker
 * thread asks node:tty about the descriptor (node:tty loads the network modules: only there).
 */
function isTerminal(fd: number, stream: () => { isTTY?: boolean }, thread: boolean): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed
  }
  if (!thread) return stream().isTTY === true;
  const tty = nodeRequire('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

/**
 * Writes straight to the descriptor, as process.stdout and process.stderr do on Linux for files,
 * pipes and terminals, without loading the stream modules, and from a worker thread too (the batch
 * thread), whose own streams pass through the main thread only when its work is done. A descriptor
 * another program left non-blocking can refuse a write (EAGAIN): from then on the stream writes, in
 * order, and waits for the reader.
 */
function writeTo(fd: 1 | 2): (text: string | Uint8Array) => void {
  let streaming = false;
  let closed = false;
  return (text) => {
    if (closed) return;
    let rest = neutralise(text);
    const stream = () => (fd === 1 ? process.stdout : process.stderr);
    while (!streaming && rest.length > 0) {
      try {
        // The same call either way; TypeScript knows writeSync as two overloads, one for each.
        const written = typeof rest === 'string' ? writeSync(fd, rest) : writeSync(fd, rest);
        rest = remainderAfter(rest, written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true; // see closedPipe
          return;
        }
        if (code !== 'EAGAIN') throw error;
        streaming = true;
        stream().on('error', (streamError: NodeJS.ErrnoException) => {
          if (streamError.code !== 'EPIPE') throw streamError;
          closed = true;
        });
      }
    }
    if (rest.length > 0) stream().write(rest);
  };
}

/**
 * What is left of `text` once `written` bytes of it are out. A string goes out as UTF-8 without
 * being encoded here first (encoding a plan into a Buffer cost start-up time); only a write cut
 * short needs its bytes.
 */
function remainderAfter(text: string | Uint8Array, written: number): string | Uint8Array {
  if (typeof text !== 'string') return text.subarray(written);
  return written === Buffer.byteLength(text) ? '' : Buffer.from(text).subarray(written);
}

const writeStdout = writeTo(1);
const writeStderr = writeTo(2);

/*
 * A closed pipe (`backplan plan | head`, `init … | true`) is not an error worth a stack trace, and
 * no reason to stop: what the command writes to files (an athlete file, a batch's plans) is its
 * work, and is done all the same. The rest of the output is dropped.
 */
