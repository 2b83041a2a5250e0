// Exports built as pieces: text made for this plan, and UTF-8 bytes of text that recurs across days,
// weeks and athletes (a session's line, the safety net), made once and copied after that. A batch
// writes thousands of files, most of them the same pieces in another order.

/** Text to encode, or bytes already encoded. */
export type Piece = string | Buffer;

/** The pieces as one buffer. */
export function joinPieces(pieces: readonly Piece[]): Buffer {
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

/**
 * Encoded pieces, found by three keys: `cache.find(a, b, c) ?? cache.keep(a, b, c, text)`. Keys are
 * looked up one level at a time, so no key is ever glued into a new string: a text that came from a
 * template, or from the engine's caches, is already hashed, and the lookup costs nothing more. The
 * last key may be a number (a session's minutes), which costs no string at all. Past `limit` pieces
 * it starts again empty.
 */
export class PieceCache {
  private readonly root = new Map<string, Map<string, Map<string | number, Buffer>>>();
  private size = 0;

  constructor(private readonly limit = 20_000) {}

  find(a: string, b: string, c: string | number): Buffer | undefined {
    return this.root.get(a)?.get(b)?.get(c);
  }

  /** `text`, encoded and kept under the three keys. */
  keep(a: string, b: string, c: string | number, text: string): Buffer {
    if (this.size >= this.limit) {
      this.root.clear();
      this.size = 0;
    }
    let byB = this.root.get(a);
    if (byB === undefined) this.root.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (byC === undefined) byB.set(b, (byC = new Map()));
    const piece = Buffer.from(text);
    byC.set(c, piece);
    this.size++;
    return piece;
  }
}
