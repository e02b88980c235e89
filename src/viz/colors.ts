/**
 * The palette every view shares. Binary classes and the sign of values: TF Playground's
 * blue (positive, class 1) and orange (negative, class 0), which stay apart for the common
 * colour-vision deficiencies (they differ in lightness and on the blue–yellow axis).
 * Multi-class: TF's orange and blue (so class 0/1 look like the binary ones), then teal, wine
 * and red from Paul Tol's bright/muted sets and Okabe & Ito's yellow: chosen so that every pair
 * of K ≤ 6 classes stays apart (CIEDE2000 ≥ 11) under simulated protanopia, deuteranopia and
 * tritanopia (Machado et al. 2009), stands out from the light and dark backgrounds, and classes
 * 3–6 never look like a colour of the hidden units' orange–blue scale (test/viz/palette.test.ts).
 */

export type Rgb = readonly [number, number, number];

/** Class 1, positive values. */
export const POSITIVE_COLOR = '#0877bd';
/** Class 0, negative values. */
export const NEGATIVE_COLOR = '#f59322';
/** Zero on the diverging scale (TF Playground's). */
export const NEUTRAL_COLOR = '#e8eaeb';
/** The light background of previews. */
export const BACKGROUND_COLOR = '#ffffff';

/** Class k of a multi-class set (K ≤ 6); index 0/1 equal NEGATIVE_COLOR/POSITIVE_COLOR. */
export const CLASS_COLORS: readonly string[] = [
  NEGATIVE_COLOR, // orange
  POSITIVE_COLOR, // blue
  '#44aa99', // teal (Tol muted)
  '#aa3377', // wine (Tol bright purple)
  '#f0e442', // yellow (Okabe & Ito)
  '#cc3311', // red (Tol vibrant)
];

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export const POSITIVE_RGB: Rgb = hexToRgb(POSITIVE_COLOR);
export const NEGATIVE_RGB: Rgb = hexToRgb(NEGATIVE_COLOR);
export const NEUTRAL_RGB: Rgb = hexToRgb(NEUTRAL_COLOR);
export const BACKGROUND_RGB: Rgb = hexToRgb(BACKGROUND_COLOR);
export const CLASS_RGB: readonly Rgb[] = CLASS_COLORS.map(hexToRgb);

/**
 * Colour of class `label` in a set of `classes` classes (2 = binary: 1 → positive blue,
 * 0 → negative orange). Out-of-range labels are clamped into the palette.
 */
export function classColor(label: number, classes = 2): Rgb {
  const k = Math.max(0, Math.min(CLASS_RGB.length - 1, Math.min(classes - 1, Math.round(label))));
  return CLASS_RGB[k]!;
}

/**
 * The blue–orange diverging scale: −1 → orange, 0 → neutral grey, +1 → blue, linear in RGB
 * between (TF Playground's). v is clamped to [−1, 1]; NaN → neutral. Components are not rounded.
 */
export function divergingColor(v: number): Rgb {
  const c = v === v ? (v < -1 ? -1 : v > 1 ? 1 : v) : 0;
  const end = c < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
  const t = Math.abs(c);
  return [
    NEUTRAL_RGB[0] + (end[0] - NEUTRAL_RGB[0]) * t,
    NEUTRAL_RGB[1] + (end[1] - NEUTRAL_RGB[1]) * t,
    NEUTRAL_RGB[2] + (end[2] - NEUTRAL_RGB[2]) * t,
  ];
}
