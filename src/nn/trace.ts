/**
 * A glass-box trace of one minibatch step, recorded by the real Trainer (training.ts batchStep)
 * into buffers the caller owns. Nothing here computes the step: the trainer runs its normal
 * forward → loss → backward → regularization → clipping → optimizer and, between the phases,
 * copies what the workspace (pass.ts), grads and optimizer state hold. Without a trace the trainer
 * only pays one null check per phase.
 *
 * Legend: m = samples in the minibatch (≤ capacity), P = parameters, out_l = layer l's units.
 * Per layer l (buffers sized capacity · out_l, the first m rows filled, sample-major):
 *   z[l], a[l], dadz[l]   as the forward pass left them (a and f'(z) times the dropout mask)
 *   delta[l]              δ = ∂Lᵢ/∂z of each sample's own loss: the workspace holds δ of the
 *                         MEAN loss (1/m of it), so this is that times m (the engine's numbers)
 *   deltaMean[l]          the workspace's δ of the mean loss, as backward used it
 * Parameters (P each, in the flat params layout of network.ts):
 *   paramsBefore → gradData (backprop: Σᵢ deltaMeanᵢ·a_prev = mean of δᵢ·a_prev) → gradReg (+ L1/L2)
 *   → gradFinal (× clipFactor) → optimizer: mBefore/vBefore → mAfter/vAfter, mHat/vHat (Adam's
 *   bias-corrected moments), step (what was subtracted) → paramsAfter.
 */
import { lossSum } from './losses.ts';
import type { Network } from './network.ts';
import { adamCorrections, OPT_ADAM, OPT_MOMENTUM, type OptimizerState } from './optimizers.ts';
import type { Workspace } from './pass.ts';
import type { TrainOptions } from './training.ts';

export interface StepTrace {
  capacity: number;
  /** Samples in the traced minibatch. */
  m: number;
  /** Network shape: [inputs, ...hidden, outputs] and one activation per layer. */
  sizes: number[];
  activations: string[];
  /** The options the step ran with, and the learning rate the schedule gave it. */
  options: TrainOptions;
  learningRate: number;
  /** Epochs finished before this step, the step's batch (1-based) and the epoch's batch count. */
  epoch: number;
  batch: number;
  batches: number;
  /** Training-set rows of the minibatch, in order (capacity; first m set). */
  rows: Int32Array;
  /** (capacity, inputs) and (capacity, outputs): the samples' inputs (features) and targets. */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array[];
  a: Float64Array[];
  dadz: Float64Array[];
  delta: Float64Array[];
  deltaMean: Float64Array[];
  /** Each sample's data loss (capacity), and their mean (the loss the step minimises, without the penalty). */
  lossPerSample: Float64Array;
  loss: number;
  paramsBefore: Float64Array;
  gradData: Float64Array;
  gradReg: Float64Array;
  gradFinal: Float64Array;
  /** Global gradient norm before clipping, and the factor clipping multiplied by (1: not clipped). */
  gradNorm: number;
  clipFactor: number;
  mBefore: Float64Array;
  vBefore: Float64Array;
  tBefore: number;
  mAfter: Float64Array;
  vAfter: Float64Array;
  tAfter: number;
  /** Adam only (zeros otherwise): m/(1−β₁ᵗ), v/(1−β₂ᵗ) and the bias-correction factors. */
  mHat: Float64Array;
  vHat: Float64Array;
  c1: number;
  c2: number;
  /** paramsBefore − paramsAfter: what the optimizer subtracted from each parameter. */
  step: Float64Array;
  paramsAfter: Float64Array;
}

/** Buffers for a trace of up to `capacity` samples of `net`. */
export function createTrace(net: Network, capacity: number): StepTrace {
  const cap = Math.max(1, capacity | 0);
  const per = () => net.layers.map((L) => new Float64Array(cap * L.outSize));
  const p = () => new Float64Array(net.params.length);
  const last = net.layers[net.layers.length - 1]!;
  return {
    capacity: cap,
    m: 0,
    sizes: net.spec.sizes.slice(),
    activations: net.spec.activations.slice(),
    options: {} as TrainOptions,
    learningRate: 0,
    epoch: 0,
    batch: 0,
    batches: 0,
    rows: new Int32Array(cap),
    x: new Float64Array(cap * net.layers[0]!.inSize),
    y: new Float64Array(cap * last.outSize),
    z: per(),
    a: per(),
    dadz: per(),
    delta: per(),
    deltaMean: per(),
    lossPerSample: new Float64Array(cap),
    loss: 0,
    paramsBefore: p(),
    gradData: p(),
    gradReg: p(),
    gradFinal: p(),
    gradNorm: 0,
    clipFactor: 1,
    mBefore: p(),
    vBefore: p(),
    tBefore: 0,
    mAfter: p(),
    vAfter: p(),
    tAfter: 0,
    mHat: p(),
    vHat: p(),
    c1: 1,
    c2: 1,
    step: p(),
    paramsAfter: p(),
  };
}

/** Before the step: the weights and optimizer state it starts from. */
export function traceBefore(t: StepTrace, net: Network, opt: OptimizerState, m: number): void {
  if (m > t.capacity) throw new Error(`trace: ${m} samples need capacity ≥ ${m} (has ${t.capacity})`);
  if (net.params.length !== t.paramsBefore.length) throw new Error('trace: the network is not the one traced');
  t.m = m;
  t.paramsBefore.set(net.params);
  t.mBefore.set(opt.m);
  t.vBefore.set(opt.v);
  t.tBefore = opt.t;
}

/** After backward (stage 'data'), after the L1/L2 term ('reg'), after clipping ('final'). */
export function traceGrads(t: StepTrace, stage: 'data' | 'reg' | 'final', grads: Float64Array): void {
  (stage === 'data' ? t.gradData : stage === 'reg' ? t.gradReg : t.gradFinal).set(grads);
}

/**
 * After the optimizer: the workspace's forward/backward values, each sample's loss, the new
 * optimizer state and weights. lossC/outAct: the trainer's loss and output activation codes.
 */
export function traceAfter(
  t: StepTrace,
  net: Network,
  ws: Workspace,
  opt: OptimizerState,
  codes: { loss: number; optimizer: number; outAct: number },
): void {
  const m = t.m;
  const last = net.layers.length - 1;
  const k = net.layers[last]!.outSize;
  const d = net.layers[0]!.inSize;
  t.x.set(ws.x.subarray(0, m * d));
  t.y.set(ws.y.subarray(0, m * k));
  net.layers.forEach((L, l) => {
    const len = m * L.outSize;
    t.z[l]!.set(ws.z[l]!.subarray(0, len));
    t.a[l]!.set(ws.a[l]!.subarray(0, len));
    t.dadz[l]!.set(ws.dadz[l]!.subarray(0, len));
    const dm = ws.delta[l]!;
    t.deltaMean[l]!.set(dm.subarray(0, len));
    const ds = t.delta[l]!;
    for (let i = 0; i < len; i++) ds[i] = dm[i]! * m;
  });
  let total = 0;
  for (let i = 0; i < m; i++) {
    const r = (a: Float64Array) => a.subarray(i * k, (i + 1) * k);
    const li = lossSum(codes.loss, codes.outAct, r(ws.z[last]!), r(ws.a[last]!), r(ws.y), 1, k);
    t.lossPerSample[i] = li;
    total += li;
  }
  t.loss = total / m;
  t.mAfter.set(opt.m);
  t.vAfter.set(opt.v);
  t.tAfter = opt.t;
  t.paramsAfter.set(net.params);
  t.mHat.fill(0);
  t.vHat.fill(0);
  t.c1 = 1;
  t.c2 = 1;
  if (codes.optimizer === OPT_ADAM) {
    const { c1, c2 } = adamCorrections(t.options.beta1, t.options.beta2, opt.t);
    t.c1 = c1;
    t.c2 = c2;
    for (let i = 0; i < opt.m.length; i++) {
      t.mHat[i] = opt.m[i]! * c1;
      t.vHat[i] = opt.v[i]! * c2;
    }
  } else if (codes.optimizer !== OPT_MOMENTUM) {
    t.mAfter.fill(0);
    t.vAfter.fill(0);
  }
  for (let i = 0; i < t.step.length; i++) t.step[i] = t.paramsBefore[i]! - t.paramsAfter[i]!;
}
