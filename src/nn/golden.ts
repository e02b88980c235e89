/**
 * Runs reference cases (the format of ../shared/golden/reference.json, read strictly by
 * goldenCase.ts) through the engine and reports the largest error per case. Shared by the golden
 * tests and `npm run golden -- FILE`.
 *
 * Expected loss and gradients are at the given weights, dropout off, and include the
 * regularization term (it is part of the objective). Training runs the real Trainer: batch_size
 * samples per step (full batch by default), the schedule from start_epoch, each epoch in the
 * order the case lists (when it does) with the dropout flags it gives, drawn in the trainer's
 * order (layer after layer, sample-major, batch after batch).
 *
 * Error of a value: |got − want| / max(1, |want|). Tolerances: forward values, gradients and
 * learning rates 1e-9, anything after training steps 1e-6. A case that compares nothing fails.
 */
import { readCase, type GoldenCase, type GoldenTraining } from './goldenCase.ts';
import { lossCode, lossDelta, lossSum } from './losses.ts';
import { createNetwork, getWeights, setWeights, type Network } from './network.ts';
import { backward, createWorkspace, forward, maskSource } from './pass.ts';
import { addRegularizationGrad, regularizationCode, regularizationPenalty } from './regularization.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data, type TrainOptions } from './training.ts';

export const FORWARD_TOLERANCE = 1e-9;
export const TRAINED_TOLERANCE = 1e-6;

export interface GoldenResult {
  name: string;
  pass: boolean;
  /** Largest error over every compared value (NaN when the case could not run). */
  maxError: number;
  /** How many values were compared (a passing case compares at least one). */
  compared: number;
  /** What was out of tolerance, or why the case could not run. */
  failures: string[];
}

/** Collects errors per tolerance group (the golden tests use it too: `failures` empty is a pass). */
export class Checker {
  maxError = 0;
  compared = 0;
  failures: string[] = [];

  compare(what: string, got: ArrayLike<number>, want: ArrayLike<number>, tol: number): void {
    if (got.length !== want.length) {
      this.failures.push(`${what}: ${got.length} values, expected ${want.length}`);
      this.maxError = Infinity;
      return;
    }
    this.compared += want.length;
    let worst = 0;
    let at = 0;
    for (let i = 0; i < want.length; i++) {
      const e = Math.abs(got[i]! - want[i]!) / Math.max(1, Math.abs(want[i]!));
      const err = Number.isNaN(e) ? Infinity : e;
      if (err > worst) {
        worst = err;
        at = i;
      }
    }
    if (worst > this.maxError) this.maxError = worst;
    if (worst > tol)
      this.failures.push(
        `${what}[${at}]: got ${got[at]}, expected ${want[at]} (error ${worst.toExponential(2)} > ${tol})`,
      );
  }

  scalar(what: string, got: number, want: number, tol: number): void {
    this.compare(what, [got], [want], tol);
  }

  /** Compare when the case gives an expected value. */
  maybe(what: string, got: () => ArrayLike<number>, want: ArrayLike<number> | null, tol: number): void {
    if (want !== null) this.compare(what, got(), want, tol);
  }
}

/** A parameter buffer's weights and biases as the reference lists them (layer by layer, row-major). */
export function flatOf(net: Network, source: Float64Array): { w: number[]; b: number[] } {
  const { weights, biases } = getWeights(net, source);
  return { w: weights.flat(2), b: biases.flat() };
}

/** The trainer's options a case asks for. */
export function trainOptionsOf(g: GoldenCase): TrainOptions {
  const o = g.optimizer;
  const d = DEFAULT_TRAIN_OPTIONS;
  return {
    ...d,
    loss: g.loss,
    optimizer: o.name,
    learningRate: o.lr,
    momentum: o.momentum ?? d.momentum,
    beta1: o.beta1 ?? d.beta1,
    beta2: o.beta2 ?? d.beta2,
    eps: o.eps ?? d.eps,
    regularization: g.regularization,
    regularizationRate: g.regularizationRate,
    clipNorm: g.clipNorm,
    dropout: g.dropout,
    schedule: g.schedule,
    batchSize: g.batchSize,
  };
}

/** The case's network at its given weights. */
export function networkOf(g: GoldenCase): Network {
  const net = createNetwork({ sizes: g.sizes, activations: g.activations }, 'zero', 0);
  setWeights(net, g.weights, g.biases);
  return net;
}

function runCase(g: GoldenCase, check: Checker): void {
  const { n, x, y } = g;
  const net = networkOf(g);
  const opts = trainOptionsOf(g);
  const lossC = lossCode(opts.loss);
  const regC = regularizationCode(opts.regularization);
  const k = g.sizes[g.sizes.length - 1]!;
  const last = net.layers.length - 1;
  const lastAct = net.layers[last]!.act;

  // Forward, loss and gradients of the mean loss (+ penalty) at the given weights, dropout off.
  const ws = createWorkspace(net, n);
  forward(net, ws, x, n, true, 0, null);
  const o = ws.a[last]!.subarray(0, n * k);
  const loss =
    lossSum(lossC, lastAct, ws.z[last]!, o, y, n, k) / n + regularizationPenalty(net, regC, opts.regularizationRate);
  lossDelta(lossC, lastAct, o, y, ws.dadz[last]!, ws.delta[last]!, n, k, 1 / n);
  net.grads.fill(0);
  backward(net, ws, x, n);
  addRegularizationGrad(net, regC, opts.regularizationRate);
  check.maybe('output', () => o, g.output, FORWARD_TOLERANCE);
  if (g.loss0 !== null) check.scalar('loss', loss, g.loss0, FORWARD_TOLERANCE);
  const grads = flatOf(net, net.grads);
  check.maybe('grad_weights', () => grads.w, g.gradWeights, FORWARD_TOLERANCE);
  check.maybe('grad_biases', () => grads.b, g.gradBiases, FORWARD_TOLERANCE);
  if (g.train !== null) runTraining(net, { x, y, n }, opts, g.train, check);
}

function runTraining(net: Network, data: Data, opts: TrainOptions, t: GoldenTraining, check: Checker): void {
  const regC = regularizationCode(opts.regularization);
  const penalty = () => regularizationPenalty(net, regC, opts.regularizationRate);
  const trainer = new Trainer(net, data, opts, 0);
  trainer.epochCount = t.startEpoch;
  const arrange = t.orders === null ? null : orderArranger(net, data, opts);
  let reached = 0;
  for (let e = 0; e < t.epochs; e++) {
    const want = t.orders?.[e];
    if (want !== undefined) arrange!(trainer, want);
    const flags = t.masks?.[e];
    const masks = flags === undefined ? null : maskSource(flags);
    trainer.dropoutSource = masks;
    const wantBefore = t.lossBeforeStep.get(e);
    const before = wantBefore === undefined ? 0 : penalty();
    const r = trainer.epoch();
    if (want !== undefined && trainer.saveState().order.some((i, at) => i !== want[at]))
      throw new Error(`epoch ${e}: the trainer did not train in the order the case lists`);
    if (masks !== null && masks.used() !== flags!.length)
      throw new Error(`train.dropout_masks[${e}] holds ${flags!.length} flags, the epoch drew ${masks.used()}`);
    if (wantBefore !== undefined) {
      check.scalar(`loss_before_step[${e}]`, r.loss + before, wantBefore, TRAINED_TOLERANCE);
      reached++;
    }
    if (t.epochLoss !== null) check.scalar(`epoch_loss[${e}]`, r.loss, t.epochLoss[e]!, TRAINED_TOLERANCE);
    if (t.epochLr !== null) check.scalar(`epoch_lr[${e}]`, r.learningRate, t.epochLr[e]!, FORWARD_TOLERANCE);
  }
  trainer.dropoutSource = null;
  if (reached !== t.lossBeforeStep.size) throw new Error('train.loss_before_step names steps the run never reached');
  const after = flatOf(net, net.params);
  check.maybe('final_weights', () => after.w, t.finalWeights, TRAINED_TOLERANCE);
  check.maybe('final_biases', () => after.b, t.finalBiases, TRAINED_TOLERANCE);
  if (t.finalLoss !== null) {
    const finalLoss = trainer.evaluate(data).loss + penalty();
    check.scalar('final_loss', finalLoss, t.finalLoss, TRAINED_TOLERANCE);
  }
  const out = new Float64Array(t.finalOutput?.length ?? 0);
  check.maybe('final_output', () => (trainer.predict(data.x, data.n, out), out), t.finalOutput, TRAINED_TOLERANCE);
}

/**
 * Makes the next epoch of a trainer run in a given order, through its own saveState/restoreState.
 * The trainer shuffles at the start of every epoch with its RNG; from a given RNG state that is a
 * fixed permutation π of positions (new[i] = old[π[i]]). A throwaway trainer from the same state
 * and the identity order (lr 0, no dropout) shows π; the real one then starts from old = want∘π⁻¹.
 */
function orderArranger(net: Network, data: Data, opts: TrainOptions): (t: Trainer, want: Int32Array) => void {
  const probeNet = createNetwork(net.spec, 'zero', 0);
  const probeOpts: TrainOptions = { ...opts, optimizer: 'sgd', learningRate: 0, dropout: 0, clipNorm: 0 };
  const probe = new Trainer(probeNet, data, probeOpts, 0);
  const identity = probe.saveState();
  return (trainer, want) => {
    const s = trainer.saveState();
    probe.restoreState({ ...identity, rng: s.rng });
    probe.epoch();
    const pi = probe.saveState().order;
    const start = new Array<number>(want.length);
    for (let i = 0; i < want.length; i++) start[pi[i]!] = want[i]!;
    trainer.restoreState({ ...s, order: start });
  };
}

/** Run one case; never throws (a malformed case is a failure with its reason). */
export function runGoldenCase(c: unknown): GoldenResult {
  const raw = c as { name?: unknown } | null;
  const name = typeof raw?.name === 'string' ? raw.name : '(unnamed case)';
  const check = new Checker();
  try {
    runCase(readCase(c), check);
    if (check.compared === 0) throw new Error('the case compares nothing');
  } catch (e) {
    return {
      name,
      pass: false,
      maxError: NaN,
      compared: check.compared,
      failures: [`cannot run: ${(e as Error).message}`],
    };
  }
  const pass = check.failures.length === 0;
  return { name, pass, maxError: check.maxError, compared: check.compared, failures: check.failures };
}

/** Every case of a reference file (an object with `cases`, or a bare list of cases). */
export function runGoldenFile(json: unknown): GoldenResult[] {
  const cases = Array.isArray(json) ? json : (json as Record<string, unknown> | null)?.cases;
  if (!Array.isArray(cases)) throw new Error('a reference file holds a "cases" list');
  return cases.map(runGoldenCase);
}

/** One line per case, as the golden command prints it. */
export function formatGoldenResult(r: GoldenResult): string {
  const err = Number.isNaN(r.maxError) ? 'n/a' : r.maxError.toExponential(2);
  const head = `${r.pass ? 'PASS' : 'FAIL'} ${r.name} (max error ${err})`;
  return r.pass ? head : `${head}: ${r.failures.join('; ')}`;
}
