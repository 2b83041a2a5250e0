// One reusable buffer for the bytes of each file a batch writes, in turn. A fresh buffer per file
// lived until the garbage collector came by, so thousands of files made peak memory grow with the
// roster, and by more on a busy machine, where the collector runs late.

export class FileBytes {
  private buffer = Buffer.allocUnsafe(256 * 1024);

  /** Text as UTF-8, in the shared buffer: valid until the next call. */
  text(text: string): Buffer {
    this.reserve(text.length * 3); // no UTF-16 unit takes more than 3 bytes in UTF-8
    return this.buffer.subarray(0, this.buffer.write(text));
  }

  /** Pieces joined, text as UTF-8, in the shared buffer: valid until the next call. */
  join(pieces: readonly (string | Uint8Array)[]): Buffer {
    let size = 0;
    for (const piece of pieces) size += typeof piece === 'string' ? piece.length * 3 : piece.length;
    this.reserve(size);
    let offset = 0;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        offset += this.buffer.write(piece, offset);
      } else {
        this.buffer.set(piece, offset);
        offset += piece.length;
      }
    }
    return this.buffer.subarray(0, offset);
  }

  private reserve(size: number): void {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
  }
}
