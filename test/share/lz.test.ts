import fc from 'fast-check';
import lzString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { compressForUri, decompressFromUri } from '../../src/share/lz.ts';

describe('bounded lz-string decoder', () => {
  it('reads what lz-string wrote, for any text (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const packed = compressForUri(text);
        expect(packed).toBe(lzString.compressToEncodedURIComponent(text));
        if (text === '')
          expect(decompressFromUri(packed, 1000)).toBe(lzString.decompressFromEncodedURIComponent(packed));
        else expect(decompressFromUri(packed, 1000)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with lz-string on points text and on spaces read as +', () => {
    const text = '1.25,-2,1;-5.999,0.001,0;'.repeat(50);
    const packed = compressForUri(text);
    expect(decompressFromUri(packed.replace(/\+/g, ' '), 10_000)).toBe(text);
  });

  it('stops at the cap: a tiny stream that expands quadratically is refused quickly', () => {
    const bomb = lzString.compressToEncodedURIComponent('a'.repeat(1_000_000));
    expect(bomb.length).toBeLessThan(3000);
    // Fastest of three (a pause of this shared machine is not the decoder's time).
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      expect(decompressFromUri(bomb, 200_000)).toBeNull();
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(50);
    expect(decompressFromUri(compressForUri('a'.repeat(1000)), 999)).toBeNull();
    expect(decompressFromUri(compressForUri('a'.repeat(1000)), 1000)).toBe('a'.repeat(1000));
  });

  it('refuses garbage and truncated streams', () => {
    expect(decompressFromUri('', 100)).toBeNull();
    const packed = compressForUri('hello world, hello world');
    expect(decompressFromUri(packed.slice(0, 3), 100)).toBeNull();
    expect(decompressFromUri('////', 100)).toBeNull();
  });
});
