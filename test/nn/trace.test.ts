// The glass-box trace of one minibatch step (src/nn/trace.ts) against the NumPy reference numbers
// (test/fixtures/golden-reference.json): forward values, deltas, gradients and updated weights;
// and the trainer's mid-epoch stop (batchStep) leaving the run bit for bit unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Checker,
  flatOf,
  FORWARD_TOLERANCE,
  networkOf,
  trainOptionsOf,
  TRAINED_TOLERANCE,
} from '../../src/nn/golden.ts';
import { readCase } from '../../src/nn/goldenCase.ts';
import { createNetwork, type Network } from '../../src/nn/network.ts';
import { regularizationCode, regularizationPenalty } from '../../src/nn/regularization.ts';
import { createTrace } from '../../src/nn/trace.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data, type TrainOptions } from '../../src/nn/training.ts';
import { targetsFor, uniformArray } from './helpers.ts';

const file = JSON.parse(readFileSync(new URL('../fixtures/golden-reference.json', import.meta.url), 'utf8')) as {
  cases: unknown[];
};

function err(got: number, want: number): number {
  return Math.abs(got - want) / Math.max(1, Math.abs(want));
}
/** The golden runner's comparison (relative error, per tolerance), as a test assertion. */
function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string): void {
  const check = new Checker();
  check.compare(what, got, want, tol);
  expect(check.failures).toEqual([]);
}

describe('the trace of one step equals the golden reference', () => {
  for (const raw of file.cases) {
    const g = readCase(raw);
    it(`${g.name}: forward, loss, deltas, gradients and updated weights`, () => {
      const net = networkOf(g);
      const opts = trainOptionsOf(g);
      const trainer = new Trainer(net, { x: g.x, y: g.y, n: g.n }, opts, 0);
      trainer.epochCount = g.train?.startEpoch ?? 0;
      const penalty = regularizationPenalty(net, regularizationCode(opts.regularization), opts.regularizationRate);
      const t = createTrace(net, g.n);
      const r = trainer.batchStep(t);
      expect(r.epochDone, 'a full batch ends the epoch').not.toBeNull();
      expect(t.m).toBe(g.n);
      const last = net.layers.length - 1;
      const k = g.sizes[last + 1]!;
      // The minibatch comes in the shuffled order: row i of the trace is training sample rows[i].
      const rows = Array.from(t.rows.subarray(0, t.m));
      expect([...rows].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
      const unshuffle = (buf: Float64Array, w: number) => {
        const out = new Float64Array(g.n * w);
        rows.forEach((s, i) => out.set(buf.subarray(i * w, (i + 1) * w), s * w));
        return out;
      };
      if (g.output) expectClose(unshuffle(t.a[last]!, k), g.output, FORWARD_TOLERANCE, 'output');
      if (g.loss0 !== null) expect(err(t.loss + penalty, g.loss0)).toBeLessThan(FORWARD_TOLERANCE);
      expect(t.lossPerSample.subarray(0, t.m).reduce((s, v) => s + v, 0) / t.m).toBeCloseTo(t.loss, 14);
      // Gradients with the L1/L2 term, as the reference gives them; none of the cases clips.
      const grads = flatOf(net, t.gradReg);
      if (g.gradWeights) expectClose(grads.w, g.gradWeights, FORWARD_TOLERANCE, 'grad_weights');
      if (g.gradBiases) expectClose(grads.b, g.gradBiases, FORWARD_TOLERANCE, 'grad_biases');
      expect(t.clipFactor).toBe(1);
      expect(Array.from(t.gradFinal)).toEqual(Array.from(t.gradReg));
      // Deltas: the bias gradient is the batch mean of δ, and δ's per sample are m × the mean loss's.
      net.layers.forEach((L, l) => {
        for (let j = 0; j < L.outSize; j++) {
          let mean = 0;
          for (let i = 0; i < t.m; i++) mean += t.delta[l]![i * L.outSize + j]! / t.m;
          expect(err(mean, t.gradData[L.bOffset + j]!), `layer ${l} unit ${j} δ mean`).toBeLessThan(1e-12);
          if (g.gradBiases && opts.regularization === 'none')
            expect(err(mean, g.gradBiases[flatBiasIndex(net, l, j)]!)).toBeLessThan(FORWARD_TOLERANCE);
        }
      });
      // Updated weights: what the trainer holds, and after the case's remaining steps, the reference's.
      expect(Array.from(t.paramsAfter)).toEqual(Array.from(net.params));
      for (let i = 0; i < t.step.length; i++)
        expect(t.paramsBefore[i]! - t.step[i]!).toBeCloseTo(t.paramsAfter[i]!, 14);
      if (g.train) {
        for (let e = 1; e < g.train.epochs; e++) trainer.epoch();
        const after = flatOf(net, net.params);
        if (g.train.finalWeights) expectClose(after.w, g.train.finalWeights, TRAINED_TOLERANCE, 'final_weights');
        if (g.train.finalBiases) expectClose(after.b, g.train.finalBiases, TRAINED_TOLERANCE, 'final_biases');
      }
    });
  }
});

function flatBiasIndex(net: Network, layer: number, unit: number): number {
  let i = 0;
  for (let l = 0; l < layer; l++) i += net.layers[l]!.outSize;
  return i + unit;
}

/** A 2-5-3-1 tanh net on 23 seeded samples (3 minibatches of 10: the last one short). */
function setup(opts: Partial<TrainOptions>): { make: () => Trainer; data: Data } {
  const n = 23;
  const data: Data = { x: uniformArray(n * 2, 7), y: targetsFor('mse', n, 1, 8), n };
  const o: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, batchSize: 10, ...opts };
  const make = () =>
    new Trainer(
      createNetwork({ sizes: [2, 5, 3, 1], activations: ['tanh', 'tanh', 'linear'] }, 'xavier', 3),
      data,
      o,
      11,
    );
  return { make, data };
}

describe('a traced minibatch step changes nothing about the run', () => {
  const variants: Partial<TrainOptions>[] = [
    { optimizer: 'sgd' },
    { optimizer: 'momentum', regularization: 'l2', regularizationRate: 0.01 },
    { optimizer: 'adam', learningRate: 0.01, regularization: 'l1', regularizationRate: 0.001, clipNorm: 0.05 },
    { optimizer: 'sgd', dropout: 0.3 },
  ];
  for (const v of variants) {
    it(`${JSON.stringify(v)}: batch steps, a save and restore mid-epoch, then epochs: bit for bit`, () => {
      const { make } = setup(v);
      const plain = make();
      const plainLosses = [0, 1, 2].map(() => plain.epoch().loss);

      const a = make();
      const t = createTrace(a.net, 10);
      const r1 = a.batchStep(t);
      expect(r1.epochDone).toBeNull();
      expect(a.position).toEqual({ batches: 1, of: 3 });
      expect([t.epoch, t.batch, t.batches]).toEqual([0, 1, 3]);
      a.batchStep();
      // Move to a fresh trainer mid-epoch through saveState (as an export or a recovery would).
      const saved = JSON.parse(JSON.stringify(a.saveState())) as ReturnType<Trainer['saveState']>;
      expect(saved.batch).toEqual({ pos: 20, batches: 2, lossSum: expect.any(Number) as number });
      const b = make();
      b.net.params.set(a.net.params);
      b.restoreState(saved);
      const r3 = b.batchStep(t);
      expect(t.m).toBe(3);
      expect(r3.epochDone?.loss).toBe(plainLosses[0]);
      expect(b.epochCount).toBe(1);
      expect(b.saveState().batch).toBeUndefined();
      expect([b.epoch().loss, b.epoch().loss]).toEqual(plainLosses.slice(1));
      expect(Array.from(b.net.params)).toEqual(Array.from(plain.net.params));
      expect(b.saveState()).toEqual(plain.saveState());
      if (v.clipNorm) {
        expect(t.clipFactor).toBeLessThan(1);
        for (let i = 0; i < t.gradReg.length; i++) expect(t.gradFinal[i]).toBe(t.gradReg[i]! * t.clipFactor);
      }
    });
  }

  it('records the optimizer state before and after: SGD, momentum, Adam', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const { make } = setup({ optimizer, learningRate: 0.05 });
      const tr = make();
      tr.epoch();
      const t = createTrace(tr.net, 10);
      tr.batchStep(t);
      const i = 4;
      const g = t.gradFinal[i]!;
      if (optimizer === 'sgd') expect(t.paramsAfter[i]).toBe(t.paramsBefore[i]! - 0.05 * g);
      if (optimizer === 'momentum') {
        expect(t.mAfter[i]).toBe(0.9 * t.mBefore[i]! + g);
        expect(t.paramsAfter[i]).toBe(t.paramsBefore[i]! - 0.05 * t.mAfter[i]!);
      }
      if (optimizer === 'adam') {
        expect(t.tAfter).toBe(t.tBefore + 1);
        expect(t.mAfter[i]).toBe(0.9 * t.mBefore[i]! + (1 - 0.9) * g);
        expect(t.mHat[i]).toBe(t.mAfter[i]! * t.c1);
        expect(t.c1).toBe(1 / (1 - 0.9 ** t.tAfter));
        expect(t.paramsAfter[i]).toBe(t.paramsBefore[i]! - (0.05 * t.mHat[i]!) / (Math.sqrt(t.vHat[i]!) + 1e-8));
      }
    }
  });

  it('refuses a saved batch position that does not fit', () => {
    const { make } = setup({});
    const a = make();
    const s = a.saveState();
    expect(() => a.restoreState({ ...s, batch: { pos: 23, batches: 3, lossSum: 1 } })).toThrow(/batch position/);
    expect(() => a.restoreState({ ...s, batch: { pos: 10, batches: 1, lossSum: NaN } })).toThrow(/loss so far/);
  });
});
