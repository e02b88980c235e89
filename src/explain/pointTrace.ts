/**
 * "The equation of any unit, any time": one point of the input plane through the engine's own
 * forward pass (src/nn/pass.ts) on the run's current weights, held as a one-sample StepTrace so
 * equations.ts writes its forward equations like those of a recorded step. No math of its own.
 */
import { computeFeatures } from '../nn/features.ts';
import { createNetwork } from '../nn/network.ts';
import { createWorkspace, forward } from '../nn/pass.ts';
import { createTrace, type StepTrace } from '../nn/trace.ts';
import { DEFAULT_TRAIN_OPTIONS } from '../nn/training.ts';
import type { ActivationName, FeatureName } from '../nn/types.ts';

export interface PointModel {
  sizes: number[];
  activations: ActivationName[];
  features: FeatureName[];
}

/** A forward-only trace of the point (px, py) with `params` (the snapshot's flat weights). */
export function pointTrace(model: PointModel, params: Float64Array, px: number, py: number): StepTrace {
  const net = createNetwork({ sizes: model.sizes, activations: model.activations }, 'zero', 0);
  net.params.set(params);
  const x = computeFeatures(Float64Array.of(px, py), model.features);
  const ws = createWorkspace(net, 1);
  forward(net, ws, x, 1, false, 0, null);
  const t = createTrace(net, 1);
  t.m = 1;
  t.options = { ...DEFAULT_TRAIN_OPTIONS, dropout: 0 };
  t.x.set(x);
  net.layers.forEach((_, l) => {
    t.z[l]!.set(ws.z[l]!.subarray(0, t.z[l]!.length));
    t.a[l]!.set(ws.a[l]!.subarray(0, t.a[l]!.length));
  });
  t.paramsBefore.set(params);
  t.paramsAfter.set(params);
  return t;
}
