/**
 * Input features computed from a point (x, y): the network's input layer.
 * Hot path: called for every grid cell of the heatmap (up to 200×200), so with `out` given it
 * allocates nothing; one tight loop per feature column.
 */
import type { FeatureName } from './types.ts';

/** The one naming of features: the Features panel, the diagram, tooltips and aria labels use it. */
const LABELS: Record<FeatureName, string> = {
  x: 'x',
  y: 'y',
  x2: 'x²',
  y2: 'y²',
  xy: 'xy',
  sinX: 'sin x',
  sinY: 'sin y',
  cosX: 'cos x',
  cosY: 'cos y',
};

/** The display label of a feature, in the plane's own coordinates (x, y). */
export function featureLabel(name: FeatureName): string {
  const label = (LABELS as Partial<Record<string, string>>)[name];
  if (label === undefined) throw new Error(`Unknown feature: ${String(name)}`);
  return label;
}

/**
 * points: n*2 (x, y) sample-major → out: n*d, d = features.length, sample i's features at
 * [i*d, (i+1)*d) in the order given. `out` (length ≥ n*d) is filled and returned; without it a
 * new array is allocated. Any subset of FEATURES, in any order (repeats allowed).
 */
export function computeFeatures(
  points: Float64Array,
  features: readonly FeatureName[],
  out?: Float64Array,
): Float64Array {
  if ((points.length & 1) !== 0) throw new Error(`points must hold (x, y) pairs, got length ${points.length}`);
  const n = points.length >> 1;
  const d = features.length;
  const dst = out ?? new Float64Array(n * d);
  if (dst.length < n * d) throw new Error(`out is too short: ${dst.length} < ${n * d} (${n} points × ${d} features)`);
  for (let j = 0; j < d; j++) {
    const f = features[j]!;
    // One column: the switch is outside the sample loop.
    switch (f) {
      case 'x':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = points[2 * i]!;
        break;
      case 'y':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = points[2 * i + 1]!;
        break;
      case 'x2':
        for (let i = 0, o = j; i < n; i++, o += d) {
          const x = points[2 * i]!;
          dst[o] = x * x;
        }
        break;
      case 'y2':
        for (let i = 0, o = j; i < n; i++, o += d) {
          const y = points[2 * i + 1]!;
          dst[o] = y * y;
        }
        break;
      case 'xy':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = points[2 * i]! * points[2 * i + 1]!;
        break;
      case 'sinX':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = Math.sin(points[2 * i]!);
        break;
      case 'sinY':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = Math.sin(points[2 * i + 1]!);
        break;
      case 'cosX':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = Math.cos(points[2 * i]!);
        break;
      case 'cosY':
        for (let i = 0, o = j; i < n; i++, o += d) dst[o] = Math.cos(points[2 * i + 1]!);
        break;
      default:
        throw new Error(`Unknown feature: ${String(f as unknown)}`);
    }
  }
  return dst;
}
