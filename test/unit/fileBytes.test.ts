// The batch's reusable file buffer: the same bytes as a fresh buffer would hold, at any size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileBytes } from '../../src/store/fileBytes.js';

describe('FileBytes', () => {
  it('holds text as UTF-8 and pieces (bytes or text) joined, growing past its first size', () => {
    const bytes = new FileBytes();
    const text = fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => s.repeat(1 + (s.length % 7) * 40));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 70_000 }), text), { maxLength: 8 }),
        (t, pieces) => {
          expect(Buffer.compare(bytes.text(t), Buffer.from(t))).toBe(0);
          const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
          expect(Buffer.compare(bytes.join(pieces), expected)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
    const big = '•'.repeat(100_000); // 300,000 bytes, more than the buffer starts with
    expect(bytes.text(big).toString('utf8')).toBe(big);
  });
});
