// The cache batch passes to the renderers: a piece is the one made for its key, whatever was asked
// before, and the cache starting again past its limit changes no answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPieces, RenderCache, type KeyPart } from '../../src/export/pieces.js';

describe('RenderCache', () => {
  it('gives the piece made for this key, whatever was asked before', () => {
    const cache = new RenderCache(50); // small, so the property also runs through restarts
    // Keys of any length, some the start of others; 30 and '30' are different parts.
    const part = fc.constantFrom<KeyPart>('', 'a', 'b', 'a b', '•', 'Zoë', 30, '30', true, 'true');
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 4 }), { minLength: 1, maxLength: 300 }), (asks) => {
        for (const key of asks) {
          const made = JSON.stringify(key);
          expect(cache.piece(key, () => made).toString('utf8')).toBe(made);
        }
      }),
    );
  });

  it('makes each piece once while it is kept', () => {
    const cache = new RenderCache();
    let made = 0;
    for (let i = 0; i < 3; i++) cache.piece(['row'], () => `piece ${++made}`);
    expect(made).toBe(1);
    expect(cache.piece(['row'], () => 'other').toString('utf8')).toBe('piece 1');
  });

  it('gives each object its own number, the same each time', () => {
    const cache = new RenderCache();
    const [a, b] = [{}, {}];
    expect(cache.idOf(a)).toBe(cache.idOf(a));
    expect(cache.idOf(a)).not.toBe(cache.idOf(b));
  });
});

describe('joinPieces', () => {
  it('encodes text as UTF-8 between bytes', () => {
    expect(joinPieces(['Zoë ', Buffer.from('• run'), '\r\n']).toString('utf8')).toBe('Zoë • run\r\n');
  });
});
