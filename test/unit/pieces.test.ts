// The cache of encoded export pieces: a piece is found only by all three of its keys, and the cache
// starting again past its limit changes no answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPieces, PieceCache } from '../../src/export/pieces.js';

describe('PieceCache', () => {
  it('gives the piece made for these three keys, whatever was asked before', () => {
    const cache = new PieceCache(50); // small, so the property also runs through restarts
    const key = fc.constantFrom('', 'a', 'b', 'a b', '•', 'x\u0000y');
    const last = fc.oneof(key, fc.constantFrom(0, 1, 30)); // 30 and '30' are different keys
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key, last), { minLength: 1, maxLength: 300 }), (asks) => {
        for (const [a, b, c] of asks) {
          const made = JSON.stringify([a, b, c]);
          expect((cache.find(a, b, c) ?? cache.keep(a, b, c, made)).toString('utf8')).toBe(made);
        }
      }),
    );
  });

  it('makes each piece once while it is kept', () => {
    const cache = new PieceCache();
    let made = 0;
    for (let i = 0; i < 3; i++) cache.find('details', 'title', 30) ?? cache.keep('details', 'title', 30, `piece ${++made}`);
    expect(made).toBe(1);
    expect(cache.find('details', 'title', '30')).toBeUndefined();
  });
});

describe('joinPieces', () => {
  it('encodes text as UTF-8 between bytes', () => {
    expect(joinPieces(['Zoë ', Buffer.from('• run'), '\r\n']).toString('utf8')).toBe('Zoë • run\r\n');
  });
});
