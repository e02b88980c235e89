/**
 * What an input feature looks like over the plane: size×size values, row 0 at the top (yMax),
 * scaled by the largest |value| into [-1, 1] for the diverging scale (x spans ±6, x² 0..36).
 */
import { computeFeatures } from '../nn/features.ts';
import { DOMAIN, type FeatureName } from '../nn/types.ts';

export function featurePreview(feature: FeatureName, size: number, domain = DOMAIN): Float32Array {
  const pts = new Float64Array(size * size * 2);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const i = r * size + c;
      pts[2 * i] = -domain + ((c + 0.5) / size) * 2 * domain;
      pts[2 * i + 1] = domain - ((r + 0.5) / size) * 2 * domain;
    }
  const v = computeFeatures(pts, [feature]);
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  const out = new Float32Array(size * size);
  for (let i = 0; i < out.length; i++) out[i] = m > 0 ? v[i]! / m : 0;
  return out;
}
