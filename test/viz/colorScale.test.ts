import { describe, expect, it } from 'vitest';
import { divergingLut, hexToRgb, lutCss, lutIndex, rgbToHex } from '../../src/viz/colorScale.ts';

const stops = { negative: '#f59322', neutral: '#e8eaeb', positive: '#0877bd' };

describe('colour scale', () => {
  it('parses and prints hex colours', () => {
    expect(hexToRgb('#0877bd')).toEqual([8, 119, 189]);
    expect(rgbToHex([8, 119, 189])).toBe('#0877bd');
    expect(() => hexToRgb('blue')).toThrow(/rrggbb/);
  });

  it('maps -1, 0, +1 to the negative, neutral and positive stops', () => {
    const lut = divergingLut(stops, 257);
    const at = (v: number) => Array.from(lut.rgba.slice(lutIndex(v, 257) * 4, lutIndex(v, 257) * 4 + 4));
    expect(at(-1)).toEqual([245, 147, 34, 255]);
    expect(at(0)).toEqual([232, 234, 235, 255]);
    expect(at(1)).toEqual([8, 119, 189, 255]);
  });

  it('clamps out-of-range values and sends NaN to neutral', () => {
    expect(lutIndex(-5, 256)).toBe(0);
    expect(lutIndex(5, 256)).toBe(255);
    expect(lutIndex(NaN, 257)).toBe(128);
    const lut = divergingLut(stops, 3);
    expect(lutCss(lut, 0.9)).toBe('rgb(8, 119, 189)');
  });
});
