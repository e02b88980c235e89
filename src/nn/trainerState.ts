/**
 * The trainer's saved state (beyond the weights and the epoch count) and its validation: what a
 * file, a recovery or a restore gives back to Trainer.restoreState (training.ts).
 */

/**
 * Everything beyond the weights and epochCount that the next epoch depends on: restoring it (with
 * the weights) makes a saved run continue exactly as the original would. Plain arrays (JSON-able).
 */
export interface TrainerState {
  /** The shuffle/dropout RNG's 32-bit state. */
  rng: number;
  /** The training-set order the next shuffle starts from: a permutation of 0..n-1. */
  order: number[];
  /** Optimizer moments (one per parameter each) and step count. */
  optimizer: { m: number[]; v: number[]; t: number };
  /**
   * Inside an epoch (after batchStep): the next minibatch starts at order[pos], `batches` were
   * trained, their summed data loss `lossSum`. Absent: at an epoch boundary (the next one shuffles).
   */
  batch?: { pos: number; batches: number; lossSum: number };
}

/** Throws, saying why, when `s` does not fit a trainer of n training samples and p parameters. */
export function checkTrainerState(s: TrainerState, n: number, p: number): void {
  if (!(Number.isInteger(s.rng) && s.rng >= 0 && s.rng <= 0xffffffff))
    throw new Error(`rng state must be a uint32, got ${s.rng}`);
  if (s.order.length !== n) throw new Error(`order must hold the ${n} training samples, got ${s.order.length}`);
  const seen = new Uint8Array(n);
  for (const i of s.order) {
    if (!(Number.isInteger(i) && i >= 0 && i < n) || seen[i])
      throw new Error('order must be a permutation of the training samples');
    seen[i] = 1;
  }
  const { m, v, t } = s.optimizer;
  if (m.length !== p || v.length !== p) throw new Error(`optimizer moments must hold ${p} values each`);
  if (!(Number.isInteger(t) && t >= 0)) throw new Error(`optimizer step count must be a whole number, got ${t}`);
  if (![...m, ...v].every(Number.isFinite)) throw new Error('optimizer moments must be finite numbers');
  if (s.batch === undefined) return;
  const { pos, batches, lossSum } = s.batch;
  if (!(Number.isInteger(pos) && pos > 0 && pos < n))
    throw new Error(`the batch position must be a whole number from 1 to ${n - 1}, got ${pos}`);
  if (!(Number.isInteger(batches) && batches >= 1))
    throw new Error(`batches done must be a whole number ≥ 1, got ${batches}`);
  if (!Number.isFinite(lossSum)) throw new Error("the epoch's loss so far must be a finite number");
}
