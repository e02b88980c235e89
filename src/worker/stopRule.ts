/**
 * The stop conditions of a run (ExperimentConfig.stopEpoch / stopTestLoss): after each trained
 * epoch the loop asks `check`, and pauses when it answers a reason. Pure, so Node tests drive it.
 *
 * - Stop at epoch N: when an epoch brings the count to exactly N. Play from N or later goes on.
 * - Stop when test loss < x: at the first evaluated epoch whose test loss is below x while the
 *   previous evaluation's was not (or there was none), so Play after such a stop goes on too.
 */
import type { ExperimentConfig } from '../share/config.ts';

export type StopConditions = Pick<ExperimentConfig, 'stopEpoch' | 'stopTestLoss'>;

/** Why a run paused by itself: the status event carries it, the page says it. */
export type StopReason =
  { kind: 'epoch'; epoch: number } | { kind: 'testLoss'; epoch: number; testLoss: number; below: number };

export class StopRule {
  private atEpoch: number | null = null;
  private below: number | null = null;
  /** The test loss of the last evaluation (NaN: none yet, or no test set). */
  private lastTestLoss = NaN;

  constructor(c: StopConditions) {
    this.set(c);
  }

  set(c: StopConditions): void {
    this.atEpoch = c.stopEpoch ?? null;
    this.below = c.stopTestLoss ?? null;
  }

  /** An evaluation outside training (the run's first one): remembered, never a stop. */
  observe(testLoss: number | undefined): void {
    if (testLoss !== undefined && Number.isFinite(testLoss)) this.lastTestLoss = testLoss;
  }

  /** After epoch `epoch` was trained; `testLoss` when that epoch was evaluated. */
  check(epoch: number, testLoss?: number): StopReason | null {
    let reason: StopReason | null = null;
    if (testLoss !== undefined && Number.isFinite(testLoss)) {
      const was = this.lastTestLoss;
      this.lastTestLoss = testLoss;
      const below = this.below;
      if (below !== null && testLoss < below && !(was < below)) reason = { kind: 'testLoss', epoch, testLoss, below };
    }
    if (reason === null && this.atEpoch !== null && epoch === this.atEpoch) reason = { kind: 'epoch', epoch };
    return reason;
  }
}
