/**
 * TF Playground's random stream: at page load it calls `Math.seedrandom(seed)` (the seedrandom
 * library, ARC4), so every later `Math.random()` (data, shuffle, weights) reads one stream seeded
 * with the link's seed string. Here the stream is an explicit function instead of a patched
 * global; the caller draws from it in TF Playground's order (see setup.ts).
 *
 * Reference: tensorflow/playground src/state.ts (deserializeState seeds it), src/playground.ts.
 */
import seedrandom from 'seedrandom';

/** Uniform in [0, 1), as `Math.random` after `Math.seedrandom(seed)`. */
export type TfpgRandom = () => number;

/** The stream TF Playground reads for a link whose `seed` is this string (used verbatim, e.g. "0.12345"). */
export function tfpgRandom(seed: string): TfpgRandom {
  const prng = seedrandom(seed);
  return () => prng();
}
