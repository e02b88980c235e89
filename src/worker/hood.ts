/**
 * The worker's side of "Under the hood" (gradient check, Break backprop, gradient flow, the space
 * a layer sees): small functions over a run's engine objects, so runLoop.ts only records and host.ts
 * only routes. Nothing here runs unless the page asks, except GradFlowRecorder: one pass over the
 * grads per epoch (P values), far below the epoch's own cost.
 */
import { isBreakKind, BREAK_KINDS } from '../nn/breakage.ts';
import { computeFeatures } from '../nn/features.ts';
import { GradCheckJob } from '../nn/gradcheck.ts';
import { layerGradNorms } from '../nn/gradflow.ts';
import type { Network } from '../nn/network.ts';
import { transformedSpace } from '../nn/transformed.ts';
import type { Built } from './build.ts';
import type { Command, GradFlowChunk } from './protocol.ts';
import type { LoopEnv } from './runLoop.ts';
import type { ExperimentConfig } from '../share/config.ts';

/** Gradient norms per layer at the epochs the run records them (the evaluated ones), emptied into each snapshot (like HistoryRecorder). */
export class GradFlowRecorder {
  private epochs: number[] = [];
  private norms: number[] = [];
  private scratch = new Float64Array(0);

  record(epoch: number, net: Network, clipFactor: number): void {
    const L = net.layers.length;
    if (this.scratch.length !== L) this.scratch = new Float64Array(L);
    layerGradNorms(net, this.scratch, clipFactor);
    this.epochs.push(epoch);
    for (let l = 0; l < L; l++) this.norms.push(this.scratch[l]!);
  }

  /** The recorded rows as fresh buffers (safe to transfer), or undefined when none; empties the recorder. */
  take(layers: number): GradFlowChunk | undefined {
    if (this.epochs.length === 0) return undefined;
    const chunk = { epochs: Float64Array.from(this.epochs), norms: Float64Array.from(this.norms), layers };
    this.epochs = [];
    this.norms = [];
    return chunk;
  }
}

type HoodCommand = Extract<Command, { type: 'setBreak' | 'gradCheck' | 'requestSpace' }>;

/** A gradient check works this long, then lets pings, acks and training through (it may take seconds in all). */
export const CHECK_SLICE_MS = 30;

/** Answer one of the hood's commands for run `b` (config: the run's current config). */
export function handleHoodCommand(b: Built, config: ExperimentConfig, c: HoodCommand, env: LoopEnv): void {
  switch (c.type) {
    case 'setBreak':
      if (!isBreakKind(c.kind)) throw new Error(`Unknown break: ${String(c.kind)}`);
      b.trainer.setBreak(c.kind);
      return;
    case 'gradCheck': {
      // On copies of the weights and the minibatch: training may go on between slices.
      const job = new GradCheckJob(b.net, b.trainer.currentBatch(), {
        loss: b.info.loss,
        regularization: config.regularization,
        regularizationRate: config.regularizationRate,
        breakKind: BREAK_KINDS[b.trainer.breakCode] ?? 'none',
        seed: config.seed,
      });
      const runId = b.info.runId;
      const slice = () => {
        try {
          const result = job.run(env.now() + CHECK_SLICE_MS, env.now);
          if (result) env.post({ type: 'gradCheck', runId, requestId: c.requestId, result }, []);
          else env.schedule(slice, 0);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          env.post({ type: 'error', runId, message: `The gradient check failed: ${message}` }, []);
        }
      };
      slice();
      return;
    }
    case 'requestSpace': {
      const view = transformedSpace(b.net, {
        layer: c.layer,
        unitA: c.unitA,
        unitB: c.unitB,
        region: b.info.region,
        features: (points) => computeFeatures(points, b.info.features),
        train: b.train,
      });
      const transfer = [view.grid.buffer, view.points.buffer];
      if (view.background) transfer.push(view.background.buffer);
      env.post({ type: 'space', runId: b.info.runId, requestId: c.requestId, view }, transfer as ArrayBuffer[]);
      return;
    }
  }
}
