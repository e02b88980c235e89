/** Themes: the CSS does the page; this module gives canvases the matching colours. */
import { useEffect, useState } from 'react';
import type { Theme } from '../share/config.ts';
import { CLASS_RGB, NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR } from '../viz/colors.ts';
import { divergingLut, hexToRgb, type Lut, type Rgb } from '../viz/colorScale.ts';

export type ResolvedTheme = 'light' | 'dark' | 'projector';

export interface CanvasPalette {
  theme: ResolvedTheme;
  lut: Lut;
  /** Semi-transparent LUT for links (pale near zero on the diverging scale). */
  linkLut: Lut;
  classes: readonly Rgb[];
  background: Rgb;
  positive: string;
  negative: string;
  /** Zero on the diverging scale. */
  neutral: string;
  /** Outline of training points; test points use `testStroke`. */
  pointStroke: string;
  testStroke: string;
  ink: string;
  /** Projector mode draws thicker lines and bigger points. */
  scale: number;
  /** Charts (SVG attributes cannot read CSS variables). */
  chart: { train: string; test: string; muted: string; grid: string; lineWidth: number };
}

const DARK_NEUTRAL = '#3a3f47';

const cache = new Map<ResolvedTheme, CanvasPalette>();

export function paletteFor(theme: ResolvedTheme): CanvasPalette {
  const hit = cache.get(theme);
  if (hit) return hit;
  const neutral = theme === 'dark' ? DARK_NEUTRAL : NEUTRAL_COLOR;
  const stops = { negative: NEGATIVE_COLOR, neutral, positive: POSITIVE_COLOR };
  const p: CanvasPalette = {
    theme,
    lut: divergingLut(stops, 256),
    linkLut: divergingLut({ ...stops, neutral: theme === 'dark' ? '#5a606a' : '#c9ccce' }, 256),
    classes: CLASS_RGB,
    background: hexToRgb(theme === 'dark' ? '#23272e' : '#ffffff'),
    positive: POSITIVE_COLOR,
    negative: NEGATIVE_COLOR,
    neutral,
    pointStroke: theme === 'dark' ? '#f4f4f4' : '#ffffff',
    testStroke: theme === 'dark' ? '#ffffff' : '#111111',
    ink: theme === 'dark' ? '#e6e6e6' : '#111111',
    scale: theme === 'projector' ? 1.6 : 1,
    chart: {
      train: theme === 'dark' ? '#e6e6e6' : '#333333',
      test: theme === 'dark' ? '#e59ac6' : '#a8417e',
      muted: theme === 'dark' ? '#b4bac2' : theme === 'projector' ? '#000000' : '#555b63',
      grid: theme === 'dark' ? '#3c424b' : '#dde1e5',
      lineWidth: theme === 'projector' ? 4 : 2,
    },
  };
  cache.set(theme, p);
  return p;
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** 'auto' follows prefers-color-scheme, live. */
export function useResolvedTheme(theme: Theme): ResolvedTheme {
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const on = () => setDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  if (theme === 'auto') return dark ? 'dark' : 'light';
  return theme;
}
