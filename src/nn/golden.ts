/**
 * Runs reference cases (the format of ../shared/golden/reference.json) through the engine and
 * reports the largest error per case. Shared by the golden tests and `npm run golden -- FILE`.
 *
 * A case: sizes, activations, loss, regularization(+_rate), optimizer {name, lr, momentum,
 * beta1, beta2, eps}, weights[l][to][from], biases[l][to], x (n, in), y (n, out), and expected
 * { output, loss, grad_weights, grad_biases, train? { steps, full_batch, loss_before_step
 * {k: loss before step k}, final_loss, final_output, final_weights, final_biases } }.
 * Names may be snake_case (leaky_relu, softmax_ce) or the engine's camelCase.
 * Expected loss and gradients include the regularization term (it is part of the objective);
 * training uses the real Trainer with one full batch per epoch.
 *
 * Error of a value: |got − want| / max(1, |want|). Tolerances: forward values and gradients
 * 1e-9, anything after training steps 1e-6.
 */
import { lossCode, lossDelta, lossSum } from './losses.ts';
import { createNetwork, getWeights, setWeights, type Network } from './network.ts';
import { backward, createWorkspace, forward } from './pass.ts';
import { addRegularizationGrad, regularizationCode, regularizationPenalty } from './regularization.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data, type TrainOptions } from './training.ts';
import type { ActivationName, LossName, OptimizerName, RegularizationName } from './types.ts';

export const FORWARD_TOLERANCE = 1e-9;
export const TRAINED_TOLERANCE = 1e-6;

export interface GoldenResult {
  name: string;
  pass: boolean;
  /** Largest error over every compared value (NaN when the case could not run). */
  maxError: number;
  /** What was out of tolerance, or why the case could not run. */
  failures: string[];
}

type Json = Record<string, unknown>;

function camel(name: unknown): string {
  return String(name).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function num(v: unknown, what: string): number {
  if (typeof v !== 'number') throw new Error(`${what} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function rows(v: unknown, what: string): number[][] {
  if (!Array.isArray(v) || !v.every((r) => Array.isArray(r))) throw new Error(`${what} must be a list of rows`);
  return v as number[][];
}

function flat(v: unknown, what: string): Float64Array {
  return Float64Array.from(rows(v, what).flat(), (x) => num(x, what));
}

/** Collects errors per tolerance group. */
class Checker {
  maxError = 0;
  failures: string[] = [];

  compare(what: string, got: ArrayLike<number>, want: ArrayLike<number>, tol: number): void {
    if (got.length !== want.length) {
      this.failures.push(`${what}: ${got.length} values, expected ${want.length}`);
      this.maxError = Infinity;
      return;
    }
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
}

function nested(net: Network, source: Float64Array): { w: number[]; b: number[] } {
  const { weights, biases } = getWeights(net, source);
  return { w: weights.flat(2), b: biases.flat() };
}

function trainOptionsOf(c: Json, n: number): TrainOptions {
  const o = (c.optimizer ?? {}) as Json;
  const d = DEFAULT_TRAIN_OPTIONS;
  const opt = (k: string, dflt: number) => (o[k] === undefined ? dflt : num(o[k], `optimizer.${k}`));
  return {
    ...d,
    loss: camel(c.loss) as LossName,
    optimizer: camel(o.name) as OptimizerName,
    learningRate: num(o.lr, 'optimizer.lr'),
    momentum: opt('momentum', d.momentum),
    beta1: opt('beta1', d.beta1),
    beta2: opt('beta2', d.beta2),
    eps: opt('eps', d.eps),
    regularization: camel(c.regularization ?? 'none') as RegularizationName,
    regularizationRate: c.regularization_rate === undefined ? 0 : num(c.regularization_rate, 'regularization_rate'),
    clipNorm: c.clip_norm === undefined ? 0 : num(c.clip_norm, 'clip_norm'),
    batchSize: Math.max(1, n),
  };
}

function runCase(c: Json, check: Checker): void {
  const sizes = (c.sizes as unknown[]).map((s) => num(s, 'sizes'));
  const activations = (c.activations as unknown[]).map((a) => camel(a) as ActivationName);
  const net = createNetwork({ sizes, activations }, 'zero', 0);
  setWeights(net, c.weights as number[][][], c.biases as number[][]);
  const x = flat(c.x, 'x');
  const y = flat(c.y, 'y');
  const n = rows(c.x, 'x').length;
  const opts = trainOptionsOf(c, n);
  const lossC = lossCode(opts.loss);
  const regC = regularizationCode(opts.regularization);
  const exp = (c.expected ?? {}) as Json;
  const k = sizes[sizes.length - 1]!;
  const last = net.layers.length - 1;
  const lastAct = net.layers[last]!.act;

  // Forward, loss and gradients of the mean loss (+ penalty) at the given weights.
  const ws = createWorkspace(net, n);
  forward(net, ws, x, n, true, 0, null);
  const o = ws.a[last]!.subarray(0, n * k);
  const loss =
    lossSum(lossC, lastAct, ws.z[last]!, o, y, n, k) / n + regularizationPenalty(net, regC, opts.regularizationRate);
  lossDelta(lossC, lastAct, o, y, ws.dadz[last]!, ws.delta[last]!, n, k, 1 / n);
  net.grads.fill(0);
  backward(net, ws, x, n);
  addRegularizationGrad(net, regC, opts.regularizationRate);
  if (exp.output !== undefined) check.compare('output', o, flat(exp.output, 'expected.output'), FORWARD_TOLERANCE);
  if (exp.loss !== undefined) check.scalar('loss', loss, num(exp.loss, 'expected.loss'), FORWARD_TOLERANCE);
  const g = nested(net, net.grads);
  if (exp.grad_weights !== undefined) {
    check.compare('grad_weights', g.w, (exp.grad_weights as number[][][]).flat(2), FORWARD_TOLERANCE);
  }
  if (exp.grad_biases !== undefined)
    check.compare('grad_biases', g.b, (exp.grad_biases as number[][]).flat(), FORWARD_TOLERANCE);

  const train = exp.train as Json | undefined;
  if (train === undefined) return;
  if (train.full_batch === false) throw new Error('only full-batch training cases are supported');
  const steps = num(train.steps, 'train.steps');
  const before = (train.loss_before_step ?? {}) as Record<string, unknown>;
  const data: Data = { x, y, n };
  const trainer = new Trainer(net, data, opts, 0);
  for (let step = 0; step < steps; step++) {
    const want = before[String(step)];
    const penalty = want === undefined ? 0 : regularizationPenalty(net, regC, opts.regularizationRate);
    const r = trainer.epoch();
    if (want !== undefined)
      check.scalar(`loss_before_step[${step}]`, r.loss + penalty, num(want, 'loss_before_step'), TRAINED_TOLERANCE);
  }
  const after = nested(net, net.params);
  if (train.final_weights !== undefined) {
    check.compare('final_weights', after.w, (train.final_weights as number[][][]).flat(2), TRAINED_TOLERANCE);
  }
  if (train.final_biases !== undefined) {
    check.compare('final_biases', after.b, (train.final_biases as number[][]).flat(), TRAINED_TOLERANCE);
  }
  const ev = trainer.evaluate(data);
  if (train.final_loss !== undefined) {
    const finalLoss = ev.loss + regularizationPenalty(net, regC, opts.regularizationRate);
    check.scalar('final_loss', finalLoss, num(train.final_loss, 'final_loss'), TRAINED_TOLERANCE);
  }
  if (train.final_output !== undefined) {
    const out = new Float64Array(n * k);
    trainer.predict(x, n, out);
    check.compare('final_output', out, flat(train.final_output, 'final_output'), TRAINED_TOLERANCE);
  }
}

/** Run one case; never throws (a malformed case is a failure with its reason). */
export function runGoldenCase(c: unknown): GoldenResult {
  const name = typeof (c as Json)?.name === 'string' ? ((c as Json).name as string) : '(unnamed case)';
  const check = new Checker();
  try {
    if (typeof c !== 'object' || c === null) throw new Error('a case must be an object');
    runCase(c as Json, check);
  } catch (e) {
    return { name, pass: false, maxError: NaN, failures: [`cannot run: ${(e as Error).message}`] };
  }
  return { name, pass: check.failures.length === 0, maxError: check.maxError, failures: check.failures };
}

/** Every case of a reference file (an object with `cases`, or a bare list of cases). */
export function runGoldenFile(json: unknown): GoldenResult[] {
  const cases = Array.isArray(json) ? json : (json as Json | null)?.cases;
  if (!Array.isArray(cases)) throw new Error('a reference file holds a "cases" list');
  return cases.map(runGoldenCase);
}

/** One line per case, as the golden command prints it. */
export function formatGoldenResult(r: GoldenResult): string {
  const err = Number.isNaN(r.maxError) ? 'n/a' : r.maxError.toExponential(2);
  const head = `${r.pass ? 'PASS' : 'FAIL'} ${r.name} (max error ${err})`;
  return r.pass ? head : `${head}: ${r.failures.join('; ')}`;
}
