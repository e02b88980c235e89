import { describe, expect, it } from 'vitest';
import { predictGrid } from '../../src/nn/grid.ts';
import { createNetwork, setWeights, type Network } from '../../src/nn/network.ts';
import { createWorkspace, forward } from '../../src/nn/pass.ts';
import { createRng } from '../../src/nn/rng.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data, type TrainOptions } from '../../src/nn/training.ts';
import { objective, targetsFor, uniformArray } from './helpers.ts';

const N = 23;
const DATA: Data = { x: uniformArray(N * 2, 1, -3, 3), y: targetsFor('mse', N, 1, 2), n: N };
const SPEC = { sizes: [2, 4, 2, 1], activations: ['tanh', 'tanh', 'tanh'] as ('tanh' | 'sigmoid')[] };
const net = (seed = 1): Network =>
  createNetwork({ sizes: SPEC.sizes, activations: [...SPEC.activations] }, 'uniform', seed);
const opts = (o: Partial<TrainOptions> = {}): TrainOptions => ({
  ...DEFAULT_TRAIN_OPTIONS,
  batchSize: 5,
  learningRate: 0.1,
  ...o,
});

describe('an epoch', () => {
  it('is one pass in shuffled minibatches of B (the last smaller), each a step on its mean loss', () => {
    const seed = 9;
    const a = net();
    const trainer = new Trainer(a, DATA, opts(), seed);
    // Reference: Fisher–Yates with the trainer's RNG, batches 5, 5, 5, 5, 3, plain SGD.
    const b = net();
    const rng = createRng(seed);
    const order = Array.from({ length: N }, (_, i) => i);
    for (let epoch = 0; epoch < 3; epoch++) {
      for (let i = N - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let total = 0;
      for (let s = 0; s < N; s += 5) {
        const idx = order.slice(s, s + 5);
        const x = Float64Array.from(idx.flatMap((i) => [DATA.x[2 * i]!, DATA.x[2 * i + 1]!]));
        const y = Float64Array.from(idx.map((i) => DATA.y[i]!));
        const obj = objective(b, x, y, idx.length, 'mse');
        total += obj.value() * idx.length;
        obj.gradient();
        for (let p = 0; p < b.params.length; p++) b.params[p] = b.params[p]! - 0.1 * b.grads[p]!;
      }
      const r = trainer.epoch();
      expect(r.epoch).toBe(epoch + 1);
      expect(r.finite).toBe(true);
      expect(r.loss).toBeCloseTo(total / N, 12);
      for (let p = 0; p < b.params.length; p++) expect(a.params[p]).toBeCloseTo(b.params[p]!, 12);
    }
  });

  it('with B ≥ n is one full-batch gradient step', () => {
    const a = net();
    const b = net();
    new Trainer(a, DATA, opts({ batchSize: 500 }), 1).epoch();
    const obj = objective(b, DATA.x, DATA.y, N, 'mse');
    obj.gradient();
    for (let p = 0; p < b.params.length; p++) expect(a.params[p]).toBeCloseTo(b.params[p]! - 0.1 * b.grads[p]!, 14);
  });
});

describe('determinism', () => {
  const run = (seed: number, interleave: boolean, extra: Partial<TrainOptions> = {}) => {
    const n = net(3);
    const t = new Trainer(n, DATA, opts({ dropout: 0.3, optimizer: 'adam', learningRate: 0.01, ...extra }), seed);
    const losses: number[] = [];
    const out = new Float64Array(N);
    const grid = new Float32Array(20 * 20);
    const hidden = new Float32Array(6 * 20 * 20);
    for (let e = 0; e < 40; e++) {
      losses.push(t.epoch().loss);
      if (interleave && e % 3 === 0) {
        t.evaluate(DATA);
        t.predict(DATA.x, N, out);
        predictGrid(n, ['x', 'y'], { xMin: -6, xMax: 6, yMin: -6, yMax: 6 }, 20, grid, hidden);
      }
    }
    return { losses, params: Array.from(n.params) };
  };

  it('same seed and config give identical losses and weights, however often we evaluate, predict or draw', () => {
    const plain = run(5, false);
    expect(run(5, false)).toEqual(plain);
    expect(run(5, true)).toEqual(plain);
  });

  it('another seed gives another trajectory (shuffle and dropout masks)', () => {
    expect(run(6, false).losses).not.toEqual(run(5, false).losses);
    expect(run(6, false, { dropout: 0 }).losses).not.toEqual(run(5, false, { dropout: 0 }).losses);
  });

  it('several trainers coexist without sharing state', () => {
    const n1 = net(3);
    const n2 = net(3);
    const t1 = new Trainer(n1, DATA, opts(), 4);
    const t2 = new Trainer(n2, DATA, opts(), 4);
    for (let e = 0; e < 10; e++) {
      t1.epoch();
      t1.epoch();
      t2.epoch();
    }
    for (let e = 0; e < 10; e++) t2.epoch();
    expect(Array.from(n2.params)).toEqual(Array.from(n1.params));
  });
});

describe('live options', () => {
  it('learning rate, batch size and regularization change between epochs without a rebuild', () => {
    const n = net();
    const t = new Trainer(n, DATA, opts(), 1);
    t.epoch();
    t.setOptions({ learningRate: 0 });
    const before = Array.from(n.params);
    t.epoch();
    expect(Array.from(n.params)).toEqual(before);
    t.setOptions({ learningRate: 0.1, batchSize: 50, regularization: 'l2', regularizationRate: 0.01 });
    expect(t.options.batchSize).toBe(50);
    expect(t.epoch().finite).toBe(true);
    expect(Array.from(n.params)).not.toEqual(before);
  });

  it('resets the optimizer state only when the optimizer changes', () => {
    // Full batch, so two trainers at the same weights take the same steps whatever their shuffles.
    const a = net();
    const ta = new Trainer(a, DATA, opts({ optimizer: 'momentum', batchSize: N }), 1);
    for (let e = 0; e < 3; e++) ta.epoch();
    ta.setOptions({ optimizer: 'adam', learningRate: 0.01 });
    ta.setOptions({ learningRate: 0.01 }); // same optimizer: keeps state
    const b = net();
    b.params.set(a.params);
    const tb = new Trainer(b, DATA, opts({ optimizer: 'adam', learningRate: 0.01, batchSize: N }), 2);
    for (let e = 0; e < 3; e++) {
      ta.epoch();
      tb.epoch();
    }
    for (let p = 0; p < a.params.length; p++) expect(a.params[p]).toBeCloseTo(b.params[p]!, 13);
  });

  it('rejects options that make no sense, with the reason', () => {
    const t = new Trainer(net(), DATA, opts(), 1);
    expect(() => t.setOptions({ batchSize: 0 })).toThrow(/batchSize/);
    expect(() => t.setOptions({ batchSize: 2.5 })).toThrow(/batchSize/);
    expect(() => t.setOptions({ dropout: 1 })).toThrow(/dropout/);
    expect(() => t.setOptions({ learningRate: NaN })).toThrow(/learningRate/);
    // @ts-expect-error unknown name
    expect(() => t.setOptions({ optimizer: 'rmsprop' })).toThrow(/Unknown optimizer/);
    expect(t.options.batchSize).toBe(5); // unchanged by the rejected calls
    expect(() => new Trainer(net(), { ...DATA, n: 100 }, opts(), 1)).toThrow(/need 100/);
  });
});

describe('divergence', () => {
  it('is reported by epoch() as finite: false, not hidden', () => {
    const n = createNetwork({ sizes: [2, 8, 1], activations: ['linear', 'linear'] }, 'xavier', 1);
    const t = new Trainer(n, DATA, opts({ learningRate: 5 }), 1);
    let r = t.epoch();
    for (let e = 0; e < 50 && r.finite; e++) r = t.epoch();
    expect(r.finite).toBe(false);
    expect(Number.isFinite(r.loss) && Array.from(n.params).every(Number.isFinite)).toBe(false);
  });
});

describe('evaluate', () => {
  const x = Float64Array.of(-1, 2, 3, 0.2);
  const single = (act: 'tanh' | 'sigmoid' | 'linear') => {
    const n = createNetwork({ sizes: [1, 1], activations: [act] }, 'zero', 0);
    setWeights(n, [[[1]]], [[0]]);
    return n;
  };

  it('tanh output: class by sign, loss the mean of 0.5(o − y)², no regularization term', () => {
    const y = Float64Array.of(-1, 1, -1, 1);
    const t = new Trainer(single('tanh'), { x, y, n: 4 }, opts({ regularization: 'l2', regularizationRate: 1 }), 1);
    const o = Array.from(x, Math.tanh);
    const loss = o.reduce((s, v, i) => s + 0.5 * (v - y[i]!) ** 2, 0) / 4;
    const e = t.evaluate({ x, y, n: 4 });
    expect(e.accuracy).toBe(0.75);
    expect(e.loss).toBeCloseTo(loss, 14);
  });

  it('sigmoid output: class by o > 0.5 against 0/1 targets', () => {
    const y = Float64Array.of(0, 0, 1, 1);
    expect(
      new Trainer(single('sigmoid'), { x, y, n: 4 }, opts({ loss: 'bce' }), 1).evaluate({ x, y, n: 4 }).accuracy,
    ).toBe(0.75);
  });

  it('linear output: regression, no accuracy', () => {
    const y = Float64Array.of(0, 0, 1, 1);
    expect(new Trainer(single('linear'), { x, y, n: 4 }, opts(), 1).evaluate({ x, y, n: 4 }).accuracy).toBeNull();
  });

  it('softmax output: argmax against the one-hot row', () => {
    const n = createNetwork({ sizes: [2, 3], activations: ['softmax'] }, 'zero', 0);
    setWeights(
      n,
      [
        [
          [1, 0],
          [0, 1],
          [-1, -1],
        ],
      ],
      [[0, 0, 0]],
    );
    const xs = Float64Array.of(2, 0, 0, 2, -1, -1, 2, 0);
    const ys = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1);
    const e = new Trainer(n, { x: xs, y: ys, n: 4 }, opts({ loss: 'softmaxCe' }), 1).evaluate({ x: xs, y: ys, n: 4 });
    expect(e.accuracy).toBe(0.75);
  });

  it('works on sets larger than its chunk and matches predict', () => {
    const big: Data = { x: uniformArray(2 * 700, 3, -3, 3), y: targetsFor('mse', 700, 1, 4), n: 700 };
    const n = net();
    const t = new Trainer(n, DATA, opts(), 1);
    const out = new Float64Array(700);
    t.predict(big.x, 700, out);
    const loss = out.reduce((s, v, i) => s + 0.5 * (v - big.y[i]!) ** 2, 0) / 700;
    expect(t.evaluate(big).loss).toBeCloseTo(loss, 13);
  });
});

describe('dropout, clipping and schedules in training', () => {
  it('dropout masks hidden units only: kept ones scaled by 1/(1−p), the output never', () => {
    const n = net();
    const ws = createWorkspace(n, N);
    forward(n, ws, DATA.x, N, false, 0, null);
    const plain = ws.a.map((a) => a.slice());
    forward(n, ws, DATA.x, N, true, 0.5, createRng(1));
    let dropped = 0;
    const h = ws.a[0]!;
    for (let i = 0; i < N * 4; i++) {
      if (h[i] === 0) dropped++;
      else expect(h[i]).toBeCloseTo(2 * plain[0]![i]!, 14);
    }
    expect(dropped).toBeGreaterThan(N); // about half of 92
    expect(dropped).toBeLessThan(3 * N);
  });

  it('evaluation ignores dropout', () => {
    const t = new Trainer(net(), DATA, opts({ dropout: 0.5 }), 1);
    expect(t.evaluate(DATA)).toEqual(new Trainer(net(), DATA, opts(), 1).evaluate(DATA));
  });

  it('clipping bounds the update by lr·clipNorm', () => {
    const n = net();
    const before = n.params.slice();
    new Trainer(n, DATA, opts({ batchSize: N, learningRate: 1, clipNorm: 0.01 }), 1).epoch();
    const step = Math.sqrt(before.reduce((s, v, i) => s + (v - n.params[i]!) ** 2, 0));
    expect(step).toBeLessThanOrEqual(0.01);
    expect(step).toBeGreaterThan(0.0099);
  });

  it('reports the scheduled rate, read from epochCount', () => {
    const t = new Trainer(net(), DATA, opts({ schedule: 'step', learningRate: 0.4 }), 1);
    expect(t.epoch().learningRate).toBe(0.4);
    t.epochCount = 500;
    expect(t.epoch().learningRate).toBe(0.2);
  });
});

describe('saveState / restoreState', () => {
  it('a restored trainer continues exactly as the original', () => {
    const a = net();
    const ta = new Trainer(a, DATA, opts({ optimizer: 'adam', learningRate: 0.01, dropout: 0.2 }), 7);
    for (let e = 0; e < 5; e++) ta.epoch();
    const saved = JSON.parse(JSON.stringify(ta.saveState())) as ReturnType<Trainer['saveState']>;
    const b = net(99);
    b.params.set(a.params);
    const tb = new Trainer(b, DATA, opts({ optimizer: 'adam', learningRate: 0.01, dropout: 0.2 }), 12345);
    tb.epochCount = ta.epochCount;
    tb.restoreState(saved);
    for (let e = 0; e < 5; e++) expect(tb.epoch()).toEqual(ta.epoch());
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
  });

  it('rejects a state that does not fit, changing nothing', () => {
    const t = new Trainer(net(), DATA, opts(), 1);
    const s = t.saveState();
    expect(() => t.restoreState({ ...s, order: s.order.slice(1) })).toThrow(/order/);
    expect(() => t.restoreState({ ...s, order: s.order.map(() => 0) })).toThrow(/permutation/);
    expect(() => t.restoreState({ ...s, rng: -1 })).toThrow(/rng/);
    expect(t.saveState()).toEqual(s);
  });
});

describe('a weight set by hand', () => {
  it('forgets only its own optimizer moments: under Adam every other parameter moves as if the moments were untouched', () => {
    const o = opts({ optimizer: 'adam', learningRate: 0.05, batchSize: N }); // one update per epoch
    const edited = 3;
    const runs = [0, 1, 2].map(() => {
      const n = net();
      const t = new Trainer(n, DATA, o, 4);
      for (let i = 0; i < 5; i++) t.epoch();
      n.params[edited] = 2.5;
      return { n, t, before: n.params.slice() };
    });
    const [reset, untouched, whole] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    reset.t.resetParamMoments(edited);
    const state = reset.t.saveState().optimizer;
    expect(state.t).toBe(5);
    expect([state.m[edited], state.v[edited]]).toEqual([0, 0]);
    expect(state.m.filter((_, i) => i !== edited)).toEqual(
      untouched.t.saveState().optimizer.m.filter((_, i) => i !== edited),
    );
    // The old way: every moment and the step count zeroed.
    whole.t.restoreState({
      ...whole.t.saveState(),
      optimizer: { m: state.m.map(() => 0), v: state.v.map(() => 0), t: 0 },
    });
    for (const r of runs) r.t.epoch();
    const update = (r: (typeof runs)[0]) => Array.from(r.n.params, (p, i) => p - r.before[i]!);
    const others = (u: number[]) => u.filter((_, i) => i !== edited);
    expect(others(update(reset))).toEqual(others(update(untouched)));
    expect(others(update(whole))).not.toEqual(others(update(untouched)));
    expect(() => reset.t.resetParamMoments(reset.n.params.length)).toThrow(RangeError);
  });
});
