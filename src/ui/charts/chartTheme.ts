/**
 * The Recharts views' colours from the same palette tokens as the SVG charts (src/ui/theme.ts
 * paletteFor → chart, the class colours of src/viz/colors.ts), so both look like one family.
 */
import { CLASS_COLORS } from '../../viz/colors.ts';
import type { CanvasPalette } from '../theme.ts';

export interface RechartsTheme {
  line: string;
  accent: string;
  muted: string;
  grid: string;
  lineWidth: number;
  fontSize: number;
  /** Series colours for several runs: the chart's own two, then the class colours. */
  series: string[];
}

export function rechartsTheme(p: CanvasPalette): RechartsTheme {
  const { train, test, muted, grid, lineWidth } = p.chart;
  return {
    line: test,
    accent: p.positive,
    muted,
    grid,
    lineWidth,
    fontSize: p.theme === 'projector' ? 16 : 12,
    series: [train, test, ...CLASS_COLORS.slice(1, 4), CLASS_COLORS[0]!, CLASS_COLORS[5]!],
  };
}

/** 0.00001 … 10 as the learning-rate control writes them (two significant digits). */
export function formatRate(v: number): string {
  return String(Number(v.toPrecision(2)));
}
