// Reading a file with a byte limit that holds for what `stat` cannot size: /dev/zero and
// /dev/urandom say 0 bytes and never end, a FIFO says 0 and may have no writer at all. The file is
// opened without waiting (a FIFO with no writer is then simply empty) and read until its end or
// one byte past the limit, whichever comes first.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** A pipe that stays silent this long is given up on. */
const QUIET_MS = 10_000;
const CHUNK = 64 * 1024;

/** Why a bounded read stopped short, as a Node-style error code. */
export type ReadLimitCode = 'EFBIG' | 'ETIMEDOUT';

export function readBounded(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    const chunks: Buffer[] = [];
    let total = 0;
    let quietSince = Date.now();
    for (;;) {
      const chunk = Buffer.allocUnsafe(stats.isFile() ? Math.min(stats.size, maxBytes) + 1 : CHUNK);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        // A pipe whose writer has written nothing yet: wait a little, up to a limit.
        if (Date.now() - quietSince > QUIET_MS)
          throw Object.assign(new Error(`${path}: nothing to read`), { code: 'ETIMEDOUT' });
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (read === 0) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
      quietSince = Date.now();
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes)
        throw Object.assign(new Error(`${path} is larger than ${maxBytes} bytes`), { code: 'EFBIG' });
    }
  } finally {
    closeSync(fd);
  }
}
