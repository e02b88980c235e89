/**
 * What a run keeps to explain a divergence (runLoop.ts, diagnose.ts): its last finite batch losses
 * and the last weight set by hand; once diverged, the diagnosis, repeated when play or step is refused.
 */
import type { ExperimentConfig } from '../share/config.ts';
import { diagnoseDivergence } from './diagnose.ts';
import type { Divergence } from './protocol.ts';

/** Batch losses kept for the divergence diagnosis. */
const RECENT_LOSSES = 20;

export class DivergenceWatch {
  /** Why the run diverged; null while it has not. */
  diagnosis: { message: string; divergence: Divergence } | null = null;
  /** The last batch losses (finite ones), oldest first. */
  private recentLosses: number[] = [];
  private handSet: { value: number; epoch: number } | null = null;

  loss(loss: number): void {
    this.recentLosses.push(loss);
    if (this.recentLosses.length > RECENT_LOSSES) this.recentLosses.shift();
  }

  setByHand(value: number, epoch: number): void {
    this.handSet = { value, epoch };
  }

  /** The run diverged (`what` became non-finite at `epoch`): diagnose it and keep the diagnosis. */
  diagnose(
    what: string,
    epoch: number,
    config: ExperimentConfig,
    maxAbsZ: number,
  ): { message: string; divergence: Divergence } {
    this.diagnosis = diagnoseDivergence({
      what,
      epoch,
      learningRate: config.learningRate,
      optimizer: config.optimizer,
      activation: config.activation,
      recentLosses: this.recentLosses,
      maxAbsZ,
      handSet: this.handSet,
    });
    return this.diagnosis;
  }
}
