/**
 * TF Playground's names and sizes (its src/state.ts and src/playground.ts), in our words: what the
 * exact mode accepts. A module of constants only, so the settings code (src/share) can read them
 * without pulling in the random stream or the trainer.
 */
import type { FeatureName, HiddenActivation } from '../types.ts';

/** Its dataset names, as ours. */
export const TFPG_CLASSIFICATION = ['circle', 'xor', 'gauss', 'spiral'] as const;
export const TFPG_REGRESSION = ['regPlane', 'regGauss'] as const;
export type TfpgDataset = (typeof TFPG_CLASSIFICATION)[number] | (typeof TFPG_REGRESSION)[number];

/** Points a page load generates (NUM_SAMPLES_CLASSIFY, NUM_SAMPLES_REGRESS). */
export const TFPG_SAMPLES = { classification: 500, regression: 1200 } as const;

/** Its input features, in its order (INPUTS in src/playground.ts). It has no cos x, cos y. */
export const TFPG_FEATURES: readonly FeatureName[] = ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY'];

/** Its hidden activations. */
export const TFPG_ACTIVATIONS: readonly HiddenActivation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

/**
 * The seed string when a run has none: TF Playground writes `Math.random().toFixed(5)` into the
 * link; ours derives the same shape from the run's 32-bit seed, so such a run still has a fixed one.
 */
export function tfpgSeedFor(seed: number): string {
  return ((seed >>> 0) / 4294967296).toFixed(5);
}
