import { describe, expect, it } from 'vitest';
import { generateDataset, targets } from '../../src/nn/data.ts';
import { BREAK_KINDS, breakCode, isBreakKind } from '../../src/nn/breakage.ts';
import { computeFeatures } from '../../src/nn/features.ts';
import { layerGradNorms } from '../../src/nn/gradflow.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data } from '../../src/nn/training.ts';

function circle(): Data {
  const ds = generateDataset('circle', { samples: 200, noise: 0, seed: 1 });
  return { x: computeFeatures(ds.points, ['x', 'y']), y: targets(ds, 'tanh'), n: ds.n };
}

function trainer(): Trainer {
  const net = createNetwork({ sizes: [2, 4, 2, 1], activations: ['tanh', 'tanh', 'tanh'] }, 'xavier', 3);
  return new Trainer(net, circle(), { ...DEFAULT_TRAIN_OPTIONS, learningRate: 0.1 }, 5);
}

function lossAfter(kind: (typeof BREAK_KINDS)[number], epochs: number): { first: number; last: number; t: Trainer } {
  const t = trainer();
  t.setBreak(kind);
  const first = t.evaluate(circle()).loss;
  for (let i = 0; i < epochs; i++) t.epoch();
  return { first, last: t.evaluate(circle()).loss, t };
}

describe('breakage', () => {
  it('names every kind and refuses unknown ones', () => {
    expect(BREAK_KINDS.map(breakCode)).toEqual([0, 1, 2, 3, 4]);
    expect(isBreakKind('flip-sign')).toBe(true);
    expect(isBreakKind('flip')).toBe(false);
    expect(() => breakCode('nope' as never)).toThrow(/Unknown break/);
  });

  it('a mended trainer trains exactly like one never broken (no leak)', () => {
    const a = trainer();
    const b = trainer();
    b.setBreak('flip-sign');
    b.setBreak('none');
    for (let i = 0; i < 5; i++) {
      a.epoch();
      b.epoch();
    }
    expect(Array.from(b.net.params)).toEqual(Array.from(a.net.params));
  });

  it('training visibly goes wrong with the sign flipped, right without', () => {
    const ok = lossAfter('none', 30);
    const bad = lossAfter('flip-sign', 30);
    expect(ok.last).toBeLessThan(ok.first * 0.7);
    expect(bad.last).toBeGreaterThan(bad.first);
  });

  it('without the bias gradient the biases never move', () => {
    const { t } = lossAfter('no-bias', 5);
    for (const L of t.net.layers)
      expect(Array.from(t.net.params.subarray(L.bOffset, L.bOffset + L.outSize))).toEqual(new Array(L.outSize).fill(0));
  });

  it('without the average, the steps are batch-size times larger', () => {
    const a = trainer();
    const b = trainer();
    b.setBreak('no-average');
    const before = a.net.params.slice();
    a.setOptions({ batchSize: 200 });
    b.setOptions({ batchSize: 200 });
    a.epoch();
    b.epoch();
    const i = 3;
    expect((b.net.params[i]! - before[i]!) / (a.net.params[i]! - before[i]!)).toBeCloseTo(200, 6);
  });
});

describe('layerGradNorms', () => {
  it('is each layer’s L2 norm of W and b, undone of clipping', () => {
    const t = trainer();
    t.epoch();
    const out = new Float64Array(3);
    layerGradNorms(t.net, out, 1);
    const L = t.net.layers[1]!;
    let s = 0;
    for (let i = L.wOffset; i < L.bOffset + L.outSize; i++) s += t.net.grads[i]! ** 2;
    expect(out[1]).toBeCloseTo(Math.sqrt(s), 12);
    const half = new Float64Array(3);
    layerGradNorms(t.net, half, 0.5);
    expect(half[1]).toBeCloseTo(2 * out[1]!, 12);
    expect(t.clipFactor).toBe(1);
  });

  it('the trainer reports the factor clipping applied', () => {
    const t = trainer();
    t.setOptions({ clipNorm: 1e-4 });
    t.epoch();
    expect(t.clipFactor).toBeLessThan(1);
    expect(t.clipFactor).toBeGreaterThan(0);
  });
});
