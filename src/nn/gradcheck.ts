/**
 * The gradient check: backprop's gradient of every parameter against a central finite difference,
 *   numerical_i = (J(θ + h·eᵢ) − J(θ − h·eᵢ)) / 2h,
 * on one minibatch, where J = mean data loss over the batch + the regularization penalty (the
 * objective whose gradient the trainer follows, before clipping). Dropout is switched off for the
 * check (a random mask would make J a different function at every evaluation).
 *
 * Relative error per parameter: |a − n| / max(|a|, |n|, floor), floor = max(FLOOR, SCALE_FLOOR ·
 * the largest |backprop gradient| of the network). The floor keeps gradients that are zero in both
 * (a dead ReLU's weights) at error 0 instead of 0/0, and stops the round-off of the difference
 * (about 1e-11 absolute) from counting as a mismatch on gradients a thousand times smaller than
 * the network's largest, too small to matter.
 *
 * Kinks: ReLU and leaky ReLU bend at z = 0, the Huber loss at |o − y| = 1 and L1 at w = 0. Where a
 * step of ±h moves some sample across a bend the difference is not a derivative: the step is
 * retried 1000× smaller, and a parameter still across a bend is reported as `atKink` and left out
 * of the maximum (it says nothing about backprop).
 *
 * More than MAX_CHECKED parameters: a seeded sample of MAX_CHECKED (sorted, so grouped by layer).
 * Works on a copy of the network: the run's weights and grads are never touched.
 */
import { ACT_LEAKY_RELU, ACT_RELU } from './activations.ts';
import { backwardBroken, BREAK_NONE, breakCode, type BreakKind } from './breakage.ts';
import { LOSS_HUBER, lossCode, lossDelta, lossSum } from './losses.ts';
import type { Network } from './network.ts';
import { backward, createWorkspace, forward, type Workspace } from './pass.ts';
import { addRegularizationGrad, REG_L1, regularizationCode, regularizationPenalty } from './regularization.ts';
import { createRng } from './rng.ts';
import type { Data } from './training.ts';
import type { LossName, RegularizationName } from './types.ts';

export const MAX_CHECKED = 400;
/** Step of the central difference: about the cube root of float64's epsilon, the best balance of truncation and round-off. */
export const STEP = 1e-5;
export const FLOOR = 1e-8;
export const SCALE_FLOOR = 1e-3;

export interface GradCheckOptions {
  loss: LossName;
  regularization: RegularizationName;
  regularizationRate: number;
  /** The break the trainer applies (breakage.ts); the check compares the broken backprop. */
  breakKind: BreakKind;
  /** Seed of the sample when there are more than MAX_CHECKED parameters. */
  seed?: number;
}

/** One checked parameter. */
export interface GradCheckEntry {
  /** Flat index in params. */
  index: number;
  /** Weight layer (0 = the first hidden layer's weights). */
  layer: number;
  /** 'w': W[layer][to][from]; 'b': b[layer][to] (from = -1). */
  kind: 'w' | 'b';
  to: number;
  from: number;
  backprop: number;
  numerical: number;
  relError: number;
  /** A sample sat on a bend (ReLU, Huber, L1) even for the small step: left out of the maximum. */
  atKink: boolean;
}

export interface GradCheckResult {
  /** P, the network's parameters. */
  total: number;
  /** Parameters checked: P, or MAX_CHECKED when sampled. */
  checked: number;
  sampled: boolean;
  /** Samples in the minibatch. */
  batchSize: number;
  entries: GradCheckEntry[];
  /** Largest relative error per weight layer (kinks left out); 0 for a layer with none checked. */
  layerMax: number[];
  max: number;
  kinks: number;
  breakKind: BreakKind;
}

/** The power of ten at or above x, for "agrees to 1e-9". */
export function decadeAbove(x: number): number {
  if (!(x > 0)) return 0;
  return 10 ** Math.ceil(Math.log10(x) - 1e-12);
}

/** A rounded error for people: 1e-9, 3e-4, 0.25, 2. */
export function formatError(x: number): string {
  if (x === 0) return '0';
  if (x >= 0.01) return String(Number(x.toPrecision(2)));
  return x.toExponential(0);
}

/** The verdict in one plain sentence. */
export function verdict(r: Pick<GradCheckResult, 'max'>): string {
  if (r.max < 1e-6) {
    const to = r.max === 0 ? 'exactly' : `to ${formatError(decadeAbove(r.max))}`;
    return `Backprop agrees with the numerical gradient ${to}.`;
  }
  if (r.max < 1e-2) return `Backprop is close to the numerical gradient (${formatError(r.max)} apart): suspicious.`;
  return `Backprop disagrees with the numerical gradient (off by up to ${formatError(r.max)}): it is wrong.`;
}

/** Which parameters to check: all, or a seeded sample of MAX_CHECKED, in increasing order. */
export function pickParameters(total: number, seed: number): Int32Array {
  const all = new Int32Array(total);
  for (let i = 0; i < total; i++) all[i] = i;
  if (total <= MAX_CHECKED) return all;
  const rng = createRng(seed);
  for (let i = 0; i < MAX_CHECKED; i++) {
    const j = i + Math.floor(rng.next() * (total - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, MAX_CHECKED).sort();
}

function cloneNetwork(net: Network): Network {
  return { spec: net.spec, layers: net.layers, params: net.params.slice(), grads: new Float64Array(net.params.length) };
}

interface Objective {
  net: Network;
  ws: Workspace;
  batch: Data;
  lossC: number;
  outAct: number;
  k: number;
  regC: number;
  rate: number;
}

/** J(θ): mean data loss over the batch + regularization penalty. Dropout off. */
function objective(o: Objective): number {
  const { net, ws, batch } = o;
  const last = net.layers.length - 1;
  forward(net, ws, batch.x, batch.n, true, 0, null);
  const data = lossSum(o.lossC, o.outAct, ws.z[last]!, ws.a[last]!, batch.y, batch.n, o.k) / batch.n;
  return data + regularizationPenalty(net, o.regC, o.rate);
}

/**
 * Which side of every bend the last forward pass put each sample on, as counts per bend type
 * (and, with regularization, the sign of parameter `index`, for L1's bend at 0).
 */
function bendSignature(o: Objective, index: number): number {
  const { net, ws, batch } = o;
  let sig = 0;
  for (let l = 0; l < net.layers.length; l++) {
    const L = net.layers[l]!;
    if (L.act !== ACT_RELU && L.act !== ACT_LEAKY_RELU) continue;
    const z = ws.z[l]!;
    for (let i = 0, len = batch.n * L.outSize; i < len; i++) if (z[i]! > 0) sig += 1 + l;
  }
  if (o.lossC === LOSS_HUBER) {
    const a = ws.a[net.layers.length - 1]!;
    for (let i = 0, len = batch.n * o.k; i < len; i++) if (Math.abs(a[i]! - batch.y[i]!) <= 1) sig += 1e6;
  }
  return index >= 0 ? sig + l1Side(o, index) : sig;
}

/** L1's bend at w = 0: which side parameter `index` is on (0 without regularization). */
function l1Side(o: Objective, index: number): number {
  if (o.rate === 0 || o.regC !== REG_L1) return 0;
  const w = o.net.params[index]!;
  return w > 0 ? 1e9 : w < 0 ? 2e9 : 3e9;
}

/** (J(θ+h) − J(θ−h)) / 2h at one parameter, and whether a bend lay within ±h; θ restored exactly. */
function centralDifference(o: Objective, index: number, h: number, base: number): { d: number; kink: boolean } {
  const p = o.net.params;
  const w = p[index]!;
  p[index] = w + h;
  const plus = objective(o);
  const sPlus = bendSignature(o, index);
  p[index] = w - h;
  const minus = objective(o);
  const sMinus = bendSignature(o, index);
  p[index] = w;
  return { d: (plus - minus) / (2 * h), kink: sPlus !== base || sMinus !== base };
}

/** Where flat index i sits: layer, 'w' or 'b', to, from. */
function locate(net: Network, i: number): Pick<GradCheckEntry, 'layer' | 'kind' | 'to' | 'from'> {
  for (let l = 0; l < net.layers.length; l++) {
    const L = net.layers[l]!;
    if (i >= L.bOffset && i < L.bOffset + L.outSize) return { layer: l, kind: 'b', to: i - L.bOffset, from: -1 };
    if (i >= L.wOffset && i < L.bOffset) {
      const r = i - L.wOffset;
      return { layer: l, kind: 'w', to: Math.floor(r / L.inSize), from: r % L.inSize };
    }
  }
  throw new RangeError(`No parameter ${i}`);
}

/** Backprop's gradient of J on the batch (with the break, as the trainer computes it), into net.grads. */
export function backpropGradient(net: Network, ws: Workspace, batch: Data, opts: GradCheckOptions): void {
  const lossC = lossCode(opts.loss);
  const last = net.layers.length - 1;
  const outAct = net.layers[last]!.act;
  const k = net.layers[last]!.outSize;
  const m = batch.n;
  forward(net, ws, batch.x, m, true, 0, null);
  lossDelta(lossC, outAct, ws.a[last]!, batch.y, ws.dadz[last]!, ws.delta[last]!, m, k, 1 / m);
  net.grads.fill(0);
  const code = breakCode(opts.breakKind);
  if (code === BREAK_NONE) backward(net, ws, batch.x, m);
  else backwardBroken(net, ws, batch.x, m, code, { loss: lossC, act: outAct, y: batch.y, k });
  addRegularizationGrad(net, regularizationCode(opts.regularization), opts.regularizationRate);
}

/**
 * A check done a slice at a time, so a worker can answer pings in between (the largest network
 * on a 500-point minibatch takes seconds): run(deadline, now) checks parameters until now() passes
 * the deadline and returns the result once every parameter is checked, null before.
 */
export class GradCheckJob {
  private readonly o: Objective;
  private readonly picked: Int32Array;
  private readonly baseBends: number;
  private readonly layerMax: number[];
  private readonly entries: GradCheckEntry[] = [];
  private next = 0;
  private max = 0;
  private kinks = 0;
  private readonly breakKind: BreakKind;
  private readonly floor: number;

  constructor(source: Network, batch: Data, opts: GradCheckOptions) {
    if (batch.n < 1) throw new Error('The gradient check needs at least one training point.');
    const net = cloneNetwork(source);
    const ws = createWorkspace(net, batch.n);
    backpropGradient(net, ws, batch, opts);
    const last = net.layers.length - 1;
    this.o = {
      net,
      ws,
      batch,
      lossC: lossCode(opts.loss),
      outAct: net.layers[last]!.act,
      k: net.layers[last]!.outSize,
      regC: regularizationCode(opts.regularization),
      rate: opts.regularizationRate,
    };
    this.picked = pickParameters(net.params.length, opts.seed ?? 1);
    this.layerMax = net.layers.map(() => 0);
    this.breakKind = opts.breakKind;
    let gmax = 0;
    for (let i = 0; i < net.grads.length; i++) gmax = Math.max(gmax, Math.abs(net.grads[i]!));
    this.floor = Math.max(FLOOR, SCALE_FLOOR * gmax);
    objective(this.o);
    this.baseBends = bendSignature(this.o, -1);
  }

  run(deadline: number, now: () => number): GradCheckResult | null {
    const o = this.o;
    const net = o.net;
    while (this.next < this.picked.length) {
      const index = this.picked[this.next++]!;
      const sig = this.baseBends + l1Side(o, index);
      let { d, kink } = centralDifference(o, index, STEP, sig);
      if (kink) ({ d, kink } = centralDifference(o, index, STEP * 1e-3, sig));
      const a = net.grads[index]!;
      const relError = Math.abs(a - d) / Math.max(Math.abs(a), Math.abs(d), this.floor);
      const where = locate(net, index);
      this.entries.push({ index, ...where, backprop: a, numerical: d, relError, atKink: kink });
      if (kink) this.kinks++;
      else {
        if (relError > this.max) this.max = relError;
        if (relError > this.layerMax[where.layer]!) this.layerMax[where.layer] = relError;
      }
      if (this.next < this.picked.length && now() >= deadline) return null;
    }
    return {
      total: net.params.length,
      checked: this.picked.length,
      sampled: this.picked.length < net.params.length,
      batchSize: o.batch.n,
      entries: this.entries,
      layerMax: this.layerMax,
      max: this.max,
      kinks: this.kinks,
      breakKind: this.breakKind,
    };
  }
}

/** Check backprop on `batch` for the network's current weights, all at once (the network itself is not changed). */
export function gradCheck(source: Network, batch: Data, opts: GradCheckOptions): GradCheckResult {
  return new GradCheckJob(source, batch, opts).run(Infinity, () => 0)!;
}
