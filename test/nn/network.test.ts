import { describe, expect, it } from 'vitest';
import { tanh } from '../../src/nn/activations.ts';
import {
  biasIndex,
  createNetwork,
  getWeights,
  hiddenUnitCount,
  paramIndex,
  parameterCount,
  paramLayout,
  setWeights,
  unpackParams,
  weightsMismatch,
} from '../../src/nn/network.ts';

describe('network layout', () => {
  const net = createNetwork({ sizes: [2, 4, 2, 1], activations: ['tanh', 'tanh', 'tanh'] }, 'uniform', 1);

  it('packs every layer as W (out, in) row-major then b, layer after layer', () => {
    expect(net.params.length).toBe(2 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
    expect(net.grads.length).toBe(net.params.length);
    expect(net.layers.map((l) => [l.inSize, l.outSize, l.wOffset, l.bOffset])).toEqual([
      [2, 4, 0, 8],
      [4, 2, 12, 20],
      [2, 1, 22, 24],
    ]);
    expect(paramIndex(net, 1, 1, 3)).toBe(12 + 1 * 4 + 3);
    expect(biasIndex(net, 2, 0)).toBe(24);
    expect(hiddenUnitCount(net)).toBe(6);
    expect(() => paramIndex(net, 1, 2, 0)).toThrow();
    expect(() => paramIndex(net, 3, 0, 0)).toThrow();
  });

  it('getWeights and setWeights use the golden nested layout and round-trip', () => {
    const { weights, biases } = getWeights(net);
    expect(weights[1]![1]![3]).toBe(net.params[paramIndex(net, 1, 1, 3)]);
    expect(biases[0]).toHaveLength(4);
    const other = createNetwork(net.spec, 'zero', 0);
    setWeights(other, weights, biases);
    expect(Array.from(other.params)).toEqual(Array.from(net.params));
    expect(() => setWeights(other, weights.slice(1), biases.slice(1))).toThrow();
    const bad = structuredClone(weights);
    bad[0]![0]!.push(1);
    expect(() => setWeights(other, bad, biases)).toThrow(/expected 2 weights/);
  });

  it('rejects specs that are not networks', () => {
    expect(() => createNetwork({ sizes: [2], activations: [] }, 'zero', 0)).toThrow();
    expect(() => createNetwork({ sizes: [2, 0, 1], activations: ['tanh', 'tanh'] }, 'zero', 0)).toThrow();
    expect(() => createNetwork({ sizes: [2, 3, 1], activations: ['tanh'] }, 'zero', 0)).toThrow(/one activation/);
    expect(() => createNetwork({ sizes: [2, 3, 2], activations: ['softmax', 'softmax'] }, 'zero', 0)).toThrow(/output/);
    // @ts-expect-error an unknown name is a runtime error too
    expect(() => createNetwork({ sizes: [2, 1], activations: ['cube'] }, 'zero', 0)).toThrow(/Unknown activation/);
    // @ts-expect-error an unknown init is a runtime error too
    expect(() => createNetwork({ sizes: [2, 1], activations: ['tanh'] }, 'glorot', 0)).toThrow(/Unknown init/);
  });
});

describe('initialization', () => {
  const spec = { sizes: [9, 16, 16, 1], activations: ['relu', 'relu', 'linear'] as const };
  const make = (init: 'xavier' | 'he' | 'uniform' | 'zero', seed = 7) =>
    createNetwork({ sizes: spec.sizes, activations: [...spec.activations] }, init, seed);
  const weightsOf = (net: ReturnType<typeof make>, l: number) =>
    Array.from(net.params.subarray(net.layers[l]!.wOffset, net.layers[l]!.bOffset));
  const biasesOf = (net: ReturnType<typeof make>, l: number) =>
    Array.from(net.params.subarray(net.layers[l]!.bOffset, net.layers[l]!.bOffset + net.layers[l]!.outSize));

  it('is seeded: same seed same weights, another seed other weights', () => {
    expect(Array.from(make('xavier', 3).params)).toEqual(Array.from(make('xavier', 3).params));
    expect(Array.from(make('xavier', 3).params)).not.toEqual(Array.from(make('xavier', 4).params));
  });

  it('uniform: weights in [−0.5, 0.5), biases 0.1 (TF Playground)', () => {
    const net = make('uniform');
    for (let l = 0; l < 3; l++) {
      for (const w of weightsOf(net, l)) expect(Math.abs(w)).toBeLessThanOrEqual(0.5);
      for (const b of biasesOf(net, l)) expect(b).toBe(0.1);
    }
    const w = weightsOf(net, 1);
    expect(Math.min(...w)).toBeLessThan(-0.4);
    expect(Math.max(...w)).toBeGreaterThan(0.4);
  });

  it('xavier: weights within ±√(6/(in+out)), biases 0', () => {
    const net = make('xavier');
    const r = Math.sqrt(6 / 32);
    const w = weightsOf(net, 1);
    for (const v of w) expect(Math.abs(v)).toBeLessThanOrEqual(r);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.8 * r);
    expect(biasesOf(net, 1).every((b) => b === 0)).toBe(true);
  });

  it('he: weights with standard deviation about √(2/in), biases 0', () => {
    const net = make('he');
    const w = weightsOf(net, 1); // 256 draws, in = 16
    const sd = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(sd).toBeGreaterThan(0.8 * Math.sqrt(2 / 16));
    expect(sd).toBeLessThan(1.2 * Math.sqrt(2 / 16));
    expect(biasesOf(net, 1).every((b) => b === 0)).toBe(true);
  });

  it('zero: everything 0', () => {
    expect(make('zero').params.every((v) => v === 0)).toBe(true);
  });
});

describe('fast tanh', () => {
  it('is within 4e-16 of Math.tanh everywhere and handles the special values', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i++) {
      const x = -25 + (50 * i) / 200_000;
      worst = Math.max(worst, Math.abs(tanh(x) - Math.tanh(x)));
    }
    expect(worst).toBeLessThan(4e-16);
    for (const x of [1e-300, 1e-12, 1e-6, 3e-3]) expect(Math.abs(tanh(x) / Math.tanh(x) - 1)).toBeLessThan(1e-15);
    expect(tanh(0)).toBe(0);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(NaN)).toBeNaN();
  });
});

describe('parameter layout from sizes alone', () => {
  it('counts P and places W then b, layer after layer, as a built network does', () => {
    const sizes = [3, 4, 2];
    expect(parameterCount(sizes)).toBe(4 * (3 + 1) + 2 * (4 + 1));
    expect(parameterCount([5])).toBe(0);
    const net = createNetwork({ sizes, activations: ['relu', 'tanh'] }, 'xavier', 3);
    expect(parameterCount(sizes)).toBe(net.params.length);
    expect(paramLayout(sizes).layers).toEqual(
      net.layers.map(({ inSize, outSize, wOffset, bOffset }) => ({ inSize, outSize, wOffset, bOffset })),
    );
    expect(unpackParams(paramLayout(sizes).layers, net.params)).toEqual(getWeights(net));
  });

  it('says why weights do not fit, and setWeights refuses them without writing anything', () => {
    const sizes = [2, 3, 1];
    const ok = {
      weights: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [[7, 8, 9]],
      ],
      biases: [[0, 0, 0], [0]],
    };
    expect(weightsMismatch(sizes, ok.weights, ok.biases)).toBeNull();
    expect(weightsMismatch(sizes, ok.weights.slice(1), ok.biases)).toBe(
      'there are 1 weight layers and 2 bias layers; the network has 2',
    );
    expect(weightsMismatch(sizes, [ok.weights[0]!.slice(1), ok.weights[1]!], ok.biases)).toBe(
      'layer 1 weights should be 3 rows of 2',
    );
    expect(weightsMismatch(sizes, [ok.weights[0]!, [[7, 8]]], ok.biases)).toBe(
      'layer 2, row 1: expected 3 weights, got 2',
    );
    expect(
      weightsMismatch(sizes, ok.weights, [
        [0, 0, 0],
        [0, 0],
      ]),
    ).toBe('layer 2 biases should be 1 values');

    const net = createNetwork({ sizes, activations: ['tanh', 'tanh'] }, 'zero', 0);
    expect(() =>
      setWeights(net, ok.weights, [
        [1, 1, 1],
        [1, 1],
      ]),
    ).toThrow(/layer 2 biases should be 1 values/);
    expect(Array.from(net.params).every((v) => v === 0)).toBe(true);
  });
});
