import { describe, expect, it } from 'vitest';
import { datasetFromPoints, generateDataset } from '../../src/nn/data.ts';
import {
  BACKGROUND_RGB,
  CLASS_COLORS,
  CLASS_RGB,
  classColor,
  divergingColor,
  hexToRgb,
  NEGATIVE_COLOR,
  NEGATIVE_RGB,
  NEUTRAL_RGB,
  POSITIVE_COLOR,
  POSITIVE_RGB,
  type Rgb,
} from '../../src/viz/colors.ts';
import { renderDatasetPreview } from '../../src/viz/datasetPreview.ts';

const key = (c: readonly number[]) => c.map((v) => Math.round(v)).join(',');

/** How many pixels have each RGB colour. */
function histogram(rgba: Uint8ClampedArray): Map<string, number> {
  const h = new Map<string, number>();
  for (let p = 0; p < rgba.length; p += 4) {
    const k = key([rgba[p]!, rgba[p + 1]!, rgba[p + 2]!]);
    h.set(k, (h.get(k) ?? 0) + 1);
  }
  return h;
}

function pixel(rgba: Uint8ClampedArray, size: number, col: number, row: number): string {
  const p = (row * size + col) * 4;
  return key([rgba[p]!, rgba[p + 1]!, rgba[p + 2]!]);
}

const rim = (c: Rgb) => key(c.map((v) => v * 0.7));

describe('colors', () => {
  it('TF Playground blue for class 1 / positive, orange for class 0 / negative', () => {
    expect(POSITIVE_COLOR).toBe('#0877bd');
    expect(NEGATIVE_COLOR).toBe('#f59322');
    expect(POSITIVE_RGB).toEqual([8, 119, 189]);
    expect(NEGATIVE_RGB).toEqual([245, 147, 34]);
    expect(classColor(1)).toEqual(POSITIVE_RGB);
    expect(classColor(0)).toEqual(NEGATIVE_RGB);
  });

  it('six distinct multi-class colours, class 0/1 matching the binary ones', () => {
    expect(CLASS_COLORS.length).toBe(6);
    expect(new Set(CLASS_COLORS).size).toBe(6);
    expect(CLASS_RGB[0]).toEqual(NEGATIVE_RGB);
    expect(CLASS_RGB[1]).toEqual(POSITIVE_RGB);
    expect(classColor(5, 6)).toEqual(hexToRgb(CLASS_COLORS[5]!));
    expect(classColor(9, 6)).toEqual(CLASS_RGB[5]);
  });

  it('diverging scale: −1 orange, 0 neutral, +1 blue, clamped, NaN neutral', () => {
    expect(divergingColor(-1)).toEqual([...NEGATIVE_RGB]);
    expect(divergingColor(0)).toEqual([...NEUTRAL_RGB]);
    expect(divergingColor(1)).toEqual([...POSITIVE_RGB]);
    expect(divergingColor(5)).toEqual([...POSITIVE_RGB]);
    expect(divergingColor(NaN)).toEqual([...NEUTRAL_RGB]);
    const half = divergingColor(0.5);
    expect(half[0]).toBeCloseTo((NEUTRAL_RGB[0] + POSITIVE_RGB[0]) / 2, 9);
  });

  it('hexToRgb rejects what is not #rrggbb', () => {
    expect(() => hexToRgb('blue')).toThrow(/rrggbb/);
  });
});

describe('renderDatasetPreview', () => {
  it('an empty dataset is all light background, opaque', () => {
    const px = renderDatasetPreview(datasetFromPoints([], 'classification', 2), 16);
    expect(px.length).toBe(16 * 16 * 4);
    expect([...histogram(px).keys()]).toEqual([key(BACKGROUND_RGB)]);
    for (let p = 3; p < px.length; p += 4) expect(px[p]).toBe(255);
    expect(BACKGROUND_RGB.every((v) => v > 230)).toBe(true);
  });

  it('puts a point where it lies: row 0 is the top (y = 6), column 0 the left (x = −6)', () => {
    const ds = datasetFromPoints(
      [
        { x: 5, y: 5, label: 1 },
        { x: -5, y: -5, label: 0 },
      ],
      'classification',
      2,
    );
    const size = 48; // 4 px per unit: (5, 5) → col 44, row 4
    const px = renderDatasetPreview(ds, size);
    expect(pixel(px, size, 44, 4)).toBe(key(POSITIVE_RGB));
    expect(pixel(px, size, 4, 44)).toBe(key(NEGATIVE_RGB));
    expect(pixel(px, size, 4, 4)).toBe(key(BACKGROUND_RGB));
    expect(pixel(px, size, 44, 44)).toBe(key(BACKGROUND_RGB));
  });

  it('paints a binary set in blue and orange only (fills and darker rims)', () => {
    const ds = generateDataset('circle', { samples: 200, noise: 0, seed: 1 });
    const h = histogram(renderDatasetPreview(ds, 96)); // radius 2: rims drawn
    expect(h.get(key(POSITIVE_RGB)) ?? 0).toBeGreaterThan(50);
    expect(h.get(key(NEGATIVE_RGB)) ?? 0).toBeGreaterThan(50);
    const allowed = new Set([POSITIVE_RGB, NEGATIVE_RGB].flatMap((c) => [key(c), rim(c)]).concat(key(BACKGROUND_RGB)));
    expect([...h.keys()].filter((k) => !allowed.has(k))).toEqual([]);
    // The circle's centre is blue (class 1 inside), a corner is background.
    const px = renderDatasetPreview(ds, 96);
    expect(pixel(px, 96, 0, 0)).toBe(key(BACKGROUND_RGB));
  });

  it('paints each class of a multi-class set in its palette colour', () => {
    const ds = generateDataset('blobs', { samples: 300, noise: 0, seed: 1, classes: 6 });
    const h = histogram(renderDatasetPreview(ds, 64));
    for (const c of CLASS_RGB) expect(h.get(key(c)) ?? 0).toBeGreaterThan(10);
  });

  it('paints regression values on the diverging scale', () => {
    const ds = datasetFromPoints(
      [
        { x: -4, y: 0, label: -1 },
        { x: 0, y: 0, label: 0 },
        { x: 4, y: 0, label: 1 },
      ],
      'regression',
      1,
    );
    const size = 48;
    const px = renderDatasetPreview(ds, size);
    expect(pixel(px, size, 8, 24)).toBe(key(NEGATIVE_RGB));
    expect(pixel(px, size, 24, 24)).toBe(key(NEUTRAL_RGB));
    expect(pixel(px, size, 40, 24)).toBe(key(POSITIVE_RGB));
  });

  it('takes custom colours, a region (xorTable zoomed) and a radius', () => {
    const ds = generateDataset('xorTable', { samples: 4, noise: 0, seed: 0 });
    const size = 20;
    const px = renderDatasetPreview(ds, size, {
      background: [0, 0, 0],
      positive: [255, 0, 0],
      negative: [0, 255, 0],
      region: { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 },
      radius: 1,
    });
    // (0, 0) → col 5, row 15 (class 0); (0, 1) → col 5, row 5 (class 1).
    expect(pixel(px, size, 5, 15)).toBe('0,255,0');
    expect(pixel(px, size, 5, 5)).toBe('255,0,0');
    expect(pixel(px, size, 15, 5)).toBe('0,255,0');
    expect(pixel(px, size, 15, 15)).toBe('255,0,0');
    expect(pixel(px, size, 10, 10)).toBe('0,0,0');
  });

  it('a tiny preview still shows every point (at least the pixel under it)', () => {
    const ds = datasetFromPoints([{ x: 0.1, y: 0.1, label: 1 }], 'classification', 2);
    const h = histogram(renderDatasetPreview(ds, 4, { radius: 0.1 }));
    expect(h.get(key(POSITIVE_RGB))).toBe(1);
  });

  it('rejects a bad size or region', () => {
    const ds = datasetFromPoints([], 'classification', 2);
    expect(() => renderDatasetPreview(ds, 0)).toThrow(/size/);
    expect(() => renderDatasetPreview(ds, 10.5)).toThrow(/size/);
    expect(() => renderDatasetPreview(ds, 4096)).toThrow(/size/);
    expect(() => renderDatasetPreview(ds, 8, { region: { xMin: 1, xMax: 1, yMin: 0, yMax: 1 } })).toThrow(/region/);
  });
});
