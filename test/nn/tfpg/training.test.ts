/**
 * TF Playground's training rules the oracle (batch 10 of 250, no regularization, tanh, x and y)
 * does not reach: leftover samples carried into the next epoch, L1 (with its dead weights), L2,
 * features, regression, relu/sigmoid, initZero. Small cases worked by hand, then a tiny
 * per-unit reference written here from src/nn.ts's rules, run against the trainer bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork, getWeights, setWeights, type Network } from '../../../src/nn/network.ts';
import { loadTfpg, tfpgData, type TfpgSpec } from '../../../src/nn/tfpg/setup.ts';
import { TfpgTrainer, type TfpgOptions } from '../../../src/nn/tfpg/trainer.ts';
import type { Data } from '../../../src/nn/training.ts';
import type { ActivationName, RegularizationName } from '../../../src/nn/types.ts';

/** z = w·x + b, linear output: one weight, one bias. */
function line(w: number, b: number): Network {
  const net = createNetwork({ sizes: [1, 1], activations: ['linear'] }, 'zero', 0);
  setWeights(net, [[[w]]], [[b]]);
  return net;
}

const data = (x: number[], y: number[]): Data => ({ x: Float64Array.from(x), y: Float64Array.from(y), n: x.length });
const opts = (o: Partial<TfpgOptions>): TfpgOptions => ({
  learningRate: 0.1,
  batchSize: 2,
  regularization: 'none',
  regularizationRate: 0,
  ...o,
});

describe('TF Playground training rules, worked by hand', () => {
  // Samples (x, y): (1, 0), (2, 1), (−1, 0.5); w = 0.5, b = 0.1, learning rate 0.1.
  const xs = [1, 2, -1];
  const ys = [0, 1, 0.5];

  it('batch 2 of 3: the third sample is carried into the next epoch, whose first update averages 3', () => {
    const net = line(0.5, 0.1);
    const t = new TfpgTrainer(net, data(xs, ys), opts({ batchSize: 2 }));
    t.epoch();
    // δ = o − y: 0.6, 0.1 → b = 0.1 − 0.1·0.7/2 = 0.065, w = 0.5 − (0.1/2)·(0.6 + 0.2) = 0.46.
    // The third, δ = (0.065 − 0.46) − 0.5 = −0.895, waits (Σδx = 0.895, Σδ = −0.895).
    expect(net.params[0]).toBeCloseTo(0.46, 15);
    expect(net.params[1]).toBeCloseTo(0.065, 15);
    t.epoch();
    // Next epoch: δ = 0.525, −0.015 join it: Σδx = 1.39, Σδ = −0.385 over 3 samples.
    expect(net.params[0]).toBeCloseTo(0.46 - (0.1 / 3) * 1.39, 14);
    expect(net.params[1]).toBeCloseTo(0.065 + (0.1 * 0.385) / 3, 14);
  });

  it('L2 at the update: w ← w − (lr/c)·Σδx − (lr·λ)·w_before; biases untouched by it', () => {
    const net = line(0.5, 0.1);
    new TfpgTrainer(net, data(xs, ys), opts({ batchSize: 3, regularization: 'l2', regularizationRate: 0.1 })).epoch();
    // δ = 0.6, 0.1, −0.9: Σδx = 1.7, Σδ = −0.2.
    expect(net.params[0]).toBeCloseTo(0.5 - (0.1 / 3) * 1.7 - 0.01 * 0.5, 15);
    expect(net.params[1]).toBeCloseTo(0.1 + (0.1 * 0.2) / 3, 15);
  });

  it('L1 at the update: minus (lr·λ)·sign(w_before)', () => {
    const net = line(0.5, 0.1);
    new TfpgTrainer(net, data(xs, ys), opts({ batchSize: 3, regularization: 'l1', regularizationRate: 0.1 })).epoch();
    expect(net.params[0]).toBeCloseTo(0.5 - (0.1 / 3) * 1.7 - 0.01, 15);
  });

  it('L1: a weight its regularization step pushes across 0 becomes 0 and is never trained again', () => {
    // Batch 1, samples (0, 1) then (1, 1), w = 0.001, b = 0, lr 0.1, λ = 1.
    const net = line(0.001, 0);
    const t = new TfpgTrainer(
      net,
      data([0, 1], [1, 1]),
      opts({ batchSize: 1, regularization: 'l1', regularizationRate: 1 }),
    );
    t.epoch();
    // Sample 1: Σδx = 0, w' = 0.001, then 0.001 − 0.1 < 0: crossed → 0, dead. Sample 2's δ = −0.9
    // would move a live weight to 0.09; the dead one stays 0 (the bias still learns).
    expect(net.params[0]).toBe(0);
    t.setOptions({ regularization: 'none', regularizationRate: 0 });
    for (let i = 0; i < 5; i++) t.epoch();
    expect(net.params[0]).toBe(0);
    expect(net.params[1]).toBeGreaterThan(0.1);
  });

  it('the loss is the mean of ½(o − y)² (train and test), the epoch loss the same over the samples as they trained', () => {
    const net = line(0.5, 0.1);
    const t = new TfpgTrainer(net, data(xs, ys), opts({ batchSize: 3 }));
    // o = 0.6, 1.1, −0.4: ½(0.36 + 0.01 + 0.81)/3.
    expect(t.evaluate(data(xs, ys)).loss).toBeCloseTo(1.18 / 6, 15);
    expect(t.epoch().loss).toBeCloseTo(1.18 / 6, 15);
  });
});

// ---- an independent per-unit reference of src/nn.ts's rules ------------------------------------

const F: Record<string, [(z: number) => number, (z: number) => number]> = {
  tanh: [Math.tanh, (z) => 1 - Math.tanh(z) * Math.tanh(z)],
  relu: [(z) => Math.max(0, z), (z) => (z <= 0 ? 0 : 1)],
  sigmoid: [(z) => 1 / (1 + Math.exp(-z)), (z) => (1 / (1 + Math.exp(-z))) * (1 - 1 / (1 + Math.exp(-z)))],
  linear: [(z) => z, () => 1],
};

interface Ref {
  W: number[][][];
  b: number[][];
  acts: ActivationName[];
  accW: number[][][];
  accB: number[][];
  dead: boolean[][][];
  count: number;
}

function refForward(r: Ref, input: number[]): { zs: number[][]; outs: number[][] } {
  const zs: number[][] = [];
  const outs: number[][] = [input];
  r.W.forEach((W, l) => {
    const z = W.map((row, j) => {
      let s = r.b[l]![j]!;
      row.forEach((w, k) => (s += w * outs[l]![k]!));
      return s;
    });
    zs.push(z);
    outs.push(z.map(F[r.acts[l]!]![0]));
  });
  return { zs, outs };
}

function refEpoch(r: Ref, xs: number[][], ys: number[], o: TfpgOptions & { regularization: RegularizationName }) {
  xs.forEach((input, i) => {
    const { zs, outs } = refForward(r, input);
    let outDer = [outs[outs.length - 1]![0]! - ys[i]!];
    for (let l = r.W.length - 1; l >= 0; l--) {
      const inDer = zs[l]!.map((z, j) => outDer[j]! * F[r.acts[l]!]![1](z));
      inDer.forEach((d, j) => {
        r.accB[l]![j] = r.accB[l]![j]! + d;
        r.W[l]![j]!.forEach((_, k) => {
          if (!r.dead[l]![j]![k]) r.accW[l]![j]![k] = r.accW[l]![j]![k]! + d * outs[l]![k]!;
        });
      });
      if (l > 0) outDer = outs[l]!.map((_, k) => inDer.reduce((s, d, j) => s + r.W[l]![j]![k]! * d, 0));
    }
    r.count++;
    if ((i + 1) % o.batchSize === 0) {
      const c = r.count;
      r.W.forEach((W, l) =>
        W.forEach((row, j) => {
          r.b[l]![j] = r.b[l]![j]! - (o.learningRate * r.accB[l]![j]!) / c;
          r.accB[l]![j] = 0;
          row.forEach((w, k) => {
            if (r.dead[l]![j]![k]) return;
            const der = o.regularization === 'l2' ? w : o.regularization === 'l1' ? (w < 0 ? -1 : w > 0 ? 1 : 0) : 0;
            const w1 = w - (o.learningRate / c) * r.accW[l]![j]![k]!;
            const w2 = w1 - o.learningRate * o.regularizationRate * der;
            if (o.regularization === 'l1' && w1 * w2 < 0) {
              row[k] = 0;
              r.dead[l]![j]![k] = true;
            } else row[k] = w2;
            r.accW[l]![j]![k] = 0;
          });
        }),
      );
      r.count = 0;
    }
  });
}

function refLoss(r: Ref, xs: number[][], ys: number[]): number {
  let loss = 0;
  xs.forEach((x, i) => {
    const { outs } = refForward(r, x);
    loss += 0.5 * Math.pow(outs[outs.length - 1]![0]! - ys[i]!, 2);
  });
  return loss / xs.length;
}

describe('the trainer against a per-unit reference of TF Playground’s rules, bit for bit', () => {
  const cases: [string, TfpgSpec, TfpgOptions][] = [
    [
      'xor, relu, L1, batch 7 (a remainder of 5), x·y and sin x',
      {
        dataset: 'xor',
        noise: 10,
        trainPercent: 50,
        features: ['sinX', 'xy', 'x', 'y'],
        hidden: [5, 3],
        activation: 'relu',
        initZero: false,
        seed: 'a',
      },
      { learningRate: 0.03, batchSize: 7, regularization: 'l1', regularizationRate: 0.01 },
    ],
    [
      'spiral, sigmoid, L2, batch 30 (a remainder of 10), every feature',
      {
        dataset: 'spiral',
        noise: 25,
        trainPercent: 50,
        features: ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY'],
        hidden: [6, 4, 2],
        activation: 'sigmoid',
        initZero: false,
        seed: '0.77777',
      },
      { learningRate: 0.1, batchSize: 30, regularization: 'l2', regularizationRate: 0.003 },
    ],
    [
      'reg-gauss (linear output), tanh, batch 13, 70% train',
      {
        dataset: 'regGauss',
        noise: 5,
        trainPercent: 70,
        features: ['x', 'y', 'x2'],
        hidden: [4],
        activation: 'tanh',
        initZero: false,
        seed: '0.31415',
      },
      { learningRate: 0.01, batchSize: 13, regularization: 'none', regularizationRate: 0 },
    ],
    [
      'reg-plane, no hidden layer, batch 1, L2',
      {
        dataset: 'regPlane',
        noise: 0,
        trainPercent: 30,
        features: ['x', 'y'],
        hidden: [],
        activation: 'linear',
        initZero: false,
        seed: 'seed',
      },
      { learningRate: 0.003, batchSize: 1, regularization: 'l2', regularizationRate: 0.1 },
    ],
    [
      'gauss, initZero, tanh, batch 10',
      {
        dataset: 'gauss',
        noise: 50,
        trainPercent: 50,
        features: ['x', 'y'],
        hidden: [3],
        activation: 'tanh',
        initZero: true,
        seed: '0.5',
      },
      { learningRate: 0.3, batchSize: 10, regularization: 'none', regularizationRate: 0 },
    ],
  ];

  it.each(cases)('%s', (_name, spec, o) => {
    const run = loadTfpg(spec);
    const train = tfpgData(run.train, run.features);
    const test = tfpgData(run.test, run.features);
    const init = getWeights(run.net);
    const zeros = (W: number[][][]) => W.map((m) => m.map((row) => row.map(() => 0)));
    const ref: Ref = {
      W: init.weights,
      b: init.biases,
      acts: run.net.spec.activations,
      accW: zeros(init.weights),
      accB: init.biases.map((v) => v.map(() => 0)),
      dead: init.weights.map((m) => m.map((row) => row.map(() => false))),
      count: 0,
    };
    const d = run.features.length;
    const rows = (s: Data) => Array.from({ length: s.n }, (_, i) => Array.from(s.x.subarray(i * d, (i + 1) * d)));
    const trainRows = rows(train);
    const testRows = rows(test);
    const t = new TfpgTrainer(run.net, train, o);
    for (let epoch = 1; epoch <= 12; epoch++) {
      t.epoch();
      refEpoch(ref, trainRows, Array.from(train.y), o);
      expect(t.evaluate(train).loss, `train loss, epoch ${epoch}`).toBe(refLoss(ref, trainRows, Array.from(train.y)));
      expect(t.evaluate(test).loss, `test loss, epoch ${epoch}`).toBe(refLoss(ref, testRows, Array.from(test.y)));
    }
    const w = getWeights(run.net);
    expect(w.weights).toEqual(ref.W);
    expect(w.biases).toEqual(ref.b);
    if (spec.initZero) expect(init.weights.flat(2).every((v) => v === 0)).toBe(true);
  });

  it('a saved state (accumulated gradients, dead weights, samples pending) continues exactly', () => {
    const spec = cases[0]![1];
    const a = loadTfpg(spec);
    const b = loadTfpg(spec);
    const ta = new TfpgTrainer(a.net, tfpgData(a.train, a.features), cases[0]![2]);
    const tb = new TfpgTrainer(b.net, tfpgData(b.train, b.features), cases[0]![2]);
    for (let i = 0; i < 3; i++) ta.epoch();
    const saved = ta.saveState();
    expect(saved.optimizer.t).toBe(250 % 7);
    b.net.params.set(a.net.params);
    tb.restoreState(JSON.parse(JSON.stringify(saved)));
    ta.epoch();
    tb.epoch();
    expect(Array.from(b.net.params)).toEqual(Array.from(a.net.params));
  });
});
