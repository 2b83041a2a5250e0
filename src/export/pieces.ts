// Exports built as pieces: text in the order it is written. A batch writes thousands of files,
// most of them the same pieces (a session's row, a week's notes, the safety net) in another order,
// so `batch` makes one RenderCache and passes it to the renderers, which then keep each piece that
// recurs, encoded once. `plan`, `show` and the tests render without one.

/** Text to encode, or bytes already encoded. */
export type Piece = string | Buffer;

/** The pieces as one buffer. */
export function joinPieces(pieces: readonly Piece[]): Buffer {
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

/** One part of a key: a text the piece shows, or a number or flag it depends on. */
export type KeyPart = string | number | boolean;

interface Node {
  next: Map<KeyPart, Node>;
  piece?: Buffer;
}

/**
 * Pieces of output by key, for one batch run: `cache?.piece(key, make) ?? make()` in a renderer,
 * where `key` comes from a function beside the renderer and lists everything the text depends on.
 * The parts are looked up one after the other, never glued into one string: most are texts from
 * the templates, which V8 has hashed already, so a lookup costs little. Past `limit` pieces the
 * cache starts again empty, so a roster of many different plans cannot make it grow without end.
 */
export class RenderCache {
  private root: Node = { next: new Map() };
  private size = 0;
  private readonly ids = new WeakMap<object, number>();
  private lastId = 0;

  constructor(private readonly limit = 20_000) {}

  /** The piece kept under `key`, made (and encoded) the first time. */
  piece(key: readonly KeyPart[], make: () => string): Buffer {
    let node = this.root;
    for (const part of key) {
      let next = node.next.get(part);
      if (next === undefined) node.next.set(part, (next = { next: new Map() }));
      node = next;
    }
    if (node.piece === undefined) {
      if (this.size >= this.limit) {
        this.root = { next: new Map() };
        this.size = 0;
        return this.piece(key, make);
      }
      node.piece = Buffer.from(make());
      this.size++;
    }
    return node.piece;
  }

  /** A number for an object, the same for as long as the cache lives: for a key that depends on which object it is. */
  idOf(object: object): number {
    let id = this.ids.get(object);
    if (id === undefined) this.ids.set(object, (id = ++this.lastId));
    return id;
  }
}
