import { describe, expect, it } from 'vitest';
import { paletteFor } from '../../src/ui/theme.ts';
import { rgbToHex } from '../../src/viz/colorScale.ts';
import { CLASS_COLORS, NEGATIVE_COLOR, POSITIVE_COLOR } from '../../src/viz/colors.ts';
import { DEFICIENCIES, deltaE2000, simulatedLab } from './colorVision.ts';

const de = (a: string, b: string, m = DEFICIENCIES.normal) => deltaE2000(simulatedLab(a, m), simulatedLab(b, m));

describe('CIEDE2000', () => {
  it('matches Sharma et al.’s published test pairs', () => {
    // Pairs 1 and 7 of Sharma, Wu & Dalal (2005), table 1.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
  });
});

describe('class colours', () => {
  it('keep binary classes as TF Playground’s orange and blue', () => {
    expect(CLASS_COLORS.slice(0, 2)).toEqual([NEGATIVE_COLOR, POSITIVE_COLOR]);
    expect(CLASS_COLORS).toHaveLength(6);
  });

  for (const [name, m] of Object.entries(DEFICIENCIES)) {
    it(`stay apart for every pair of K ≤ 6 classes (${name})`, () => {
      const min = name === 'normal' ? 25 : 11;
      for (let i = 0; i < 6; i++)
        for (let j = i + 1; j < 6; j++)
          expect(de(CLASS_COLORS[i]!, CLASS_COLORS[j]!, m), `class ${i + 1} vs ${j + 1}`).toBeGreaterThanOrEqual(min);
    });

    it(`stand out from the light, dark and projector backgrounds (${name})`, () => {
      for (const theme of ['light', 'dark', 'projector'] as const) {
        const bg = rgbToHex(paletteFor(theme).background);
        for (const c of CLASS_COLORS) expect(de(c, bg, m), `${c} on ${theme}`).toBeGreaterThanOrEqual(12);
      }
    });
  }

  it('classes 3 to 6 never look like a colour of the hidden units’ orange–blue scale', () => {
    for (const theme of ['light', 'dark'] as const) {
      const { lut } = paletteFor(theme);
      for (const c of CLASS_COLORS.slice(2))
        for (let i = 0; i < lut.size; i += 4) {
          const s = rgbToHex([lut.rgba[i * 4]!, lut.rgba[i * 4 + 1]!, lut.rgba[i * 4 + 2]!]);
          expect(de(c, s), `${c} vs scale ${s} (${theme})`).toBeGreaterThanOrEqual(15);
        }
    }
  });
});
