import { describe, expect, it } from 'vitest';
import { divergingLut, lutIndex } from '../../src/viz/colorScale.ts';
import { argmax, paintClassField, paintScalarField, signedValue } from '../../src/viz/heatmap.ts';

const lut = divergingLut({ negative: '#ff0000', neutral: '#ffffff', positive: '#0000ff' }, 255);
const target = (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h });
const pixel = (t: { data: Uint8ClampedArray }, p: number) => Array.from(t.data.slice(p * 4, p * 4 + 4));

describe('heatmap painting', () => {
  it('paints a tanh grid on the diverging scale, row 0 first', () => {
    const t = target(2, 2);
    paintScalarField(t, new Float32Array([-1, 0, 1, 0.5]), { lut, activation: 'tanh' });
    expect(pixel(t, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(t, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(t, 2)).toEqual([0, 0, 255, 255]);
    expect(pixel(t, 3)[0]).toBeGreaterThan(100);
    expect(pixel(t, 3)[0]).toBeLessThan(155);
  });

  it('maps a sigmoid output 0..1 to -1..1', () => {
    expect(signedValue(0, 'sigmoid')).toBe(-1);
    expect(signedValue(0.5, 'sigmoid')).toBe(0);
    expect(signedValue(0.25, 'tanh')).toBe(0.25);
    const t = target(1, 1);
    paintScalarField(t, [0.999], { lut, activation: 'sigmoid' });
    expect(pixel(t, 0)[2]).toBe(255);
  });

  it('discretizes to the sign and reads a strided, offset slice', () => {
    const t = target(2, 1);
    // unit-major hidden grid: unit 0 then unit 1; paint unit 1
    paintScalarField(t, [9, 9, 0.1, -0.2], { lut, offset: 2, discretize: true });
    expect(pixel(t, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(t, 1)).toEqual([255, 0, 0, 255]);
  });

  it('paints multi-class by argmax hue with confidence as strength', () => {
    const colors = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
    ] as const;
    const t = target(3, 1);
    const probs = [1, 0, 0, 1 / 3, 1 / 3, 1 / 3, 0.1, 0.2, 0.7];
    paintClassField(t, probs, 3, { classColors: colors, background: [255, 255, 255], maxStrength: 1 });
    expect(pixel(t, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(t, 1)).toEqual([255, 255, 255, 255]); // chance: no colour
    const p2 = pixel(t, 2);
    expect(p2[2]).toBe(255);
    expect(p2[0]).toBeGreaterThan(0); // partly confident: lighter than the pure hue
    paintClassField(t, probs, 3, {
      classColors: colors,
      background: [255, 255, 255],
      discretize: true,
      maxStrength: 1,
    });
    expect(pixel(t, 2)).toEqual([0, 0, 255, 255]);
    expect(argmax(probs, 2, 3)).toBe(2);
  });
});

describe('thumbnails from a larger grid', () => {
  it('reads every step-th cell of the source grid', () => {
    // 4×4 source, values = index; a 2×2 thumbnail with step 2 reads cells 0, 2, 8, 10
    const src = Float32Array.from({ length: 16 }, (_, i) => (i === 0 || i === 10 ? 1 : i === 2 ? -1 : 0));
    const t = target(2, 2);
    paintScalarField(t, src, { lut, step: 2, sourceSize: 4 });
    expect(pixel(t, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(t, 1)).toEqual([255, 0, 0, 255]);
    expect(pixel(t, 2)).toEqual([255, 255, 255, 255]);
    expect(pixel(t, 3)).toEqual([0, 0, 255, 255]);
  });

  it('matches lutIndex rounding for every value and maps NaN to neutral', () => {
    const vals = Float32Array.from({ length: 401 }, (_, i) => -2 + i / 100);
    const t = target(401, 1);
    paintScalarField(t, vals, { lut });
    for (let i = 0; i < vals.length; i++) {
      const li = lutIndex(vals[i]!, lut.size) * 4;
      expect(pixel(t, i)).toEqual(Array.from(lut.rgba.slice(li, li + 4)));
    }
    const u = target(1, 1);
    paintScalarField(u, [NaN], { lut });
    expect(pixel(u, 0)).toEqual([255, 255, 255, 255]);
  });
});
