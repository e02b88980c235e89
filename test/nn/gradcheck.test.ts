// Every analytic derivative against central finite differences in Float64.
import { describe, expect, it } from 'vitest';
import { activate, activationCode, softmaxRows, ACT_SOFTMAX } from '../../src/nn/activations.ts';
import { lossCode, lossDelta, lossSum } from '../../src/nn/losses.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { backward, createWorkspace, forward, maskSource } from '../../src/nn/pass.ts';
import { addRegularizationGrad, regularizationCode, regularizationPenalty } from '../../src/nn/regularization.ts';
import { HIDDEN_ACTIVATIONS, type ActivationName, type LossName } from '../../src/nn/types.ts';
import { centralDiff, mixedError, objective, targetsFor, uniformArray } from './helpers.ts';

/** Central differences with h = 1e-6 agree with exact derivatives to ~1e-9 on these scales. */
const TOL = 1e-7;

// Points away from the kinks at 0 (relu, leakyRelu, elu), spread over the useful range.
const Z = Float64Array.from([-7.5, -3.2, -1.1, -0.45, -0.013, 0.021, 0.37, 0.9, 2.4, 6.8]);

describe('activation derivatives', () => {
  for (const name of HIDDEN_ACTIVATIONS) {
    it(`${name}: dadz matches the finite difference of a`, () => {
      const code = activationCode(name);
      const a = new Float64Array(Z.length);
      const dadz = new Float64Array(Z.length);
      activate(code, Z, a, dadz, Z.length);
      const z1 = new Float64Array(1);
      const a1 = new Float64Array(1);
      for (let i = 0; i < Z.length; i++) {
        z1[0] = Z[i]!;
        const num = centralDiff(
          () => {
            activate(code, z1, a1, null, 1);
            return a1[0]!;
          },
          z1,
          0,
        );
        expect(mixedError(dadz[i]!, num), `${name} at z=${Z[i]}`).toBeLessThan(TOL);
      }
    });
  }

  it('relu has derivative 0 at z = 0 and leakyRelu 0.01 (stated conventions)', () => {
    const z = Float64Array.of(0);
    const a = new Float64Array(1);
    const d = new Float64Array(1);
    activate(activationCode('relu'), z, a, d, 1);
    expect([a[0], d[0]]).toEqual([0, 0]);
    activate(activationCode('leakyRelu'), z, a, d, 1);
    expect([a[0], d[0]]).toEqual([0, 0.01]);
  });
});

/** Output activation and loss pairs: the fused ones and the general chain-rule paths. */
const PAIRS: [ActivationName, LossName][] = [
  ['tanh', 'mse'],
  ['linear', 'mse'],
  ['sigmoid', 'mse'],
  ['sigmoid', 'bce'],
  ['softmax', 'softmaxCe'],
  ['linear', 'huber'],
  ['tanh', 'huber'],
  ['softmax', 'mse'], // softmax Jacobian-vector product
  ['sigmoid', 'softmaxCe'], // −y/o chain rule, no fusion
];

describe('loss deltas dL/dz', () => {
  for (const [actName, lossName] of PAIRS) {
    it(`${lossName} on ${actName}: delta matches the finite difference of the loss in z`, () => {
      const n = 5;
      const k = actName === 'softmax' || lossName === 'softmaxCe' ? 3 : 2;
      const act = activationCode(actName);
      const loss = lossCode(lossName);
      const z = uniformArray(n * k, 11, -2.5, 2.5);
      const y = targetsFor(lossName, n, k, 12);
      if (lossName === 'huber') y.forEach((v, i) => (y[i] = v * 3)); // reach both sides of |d| = 1
      const o = new Float64Array(n * k);
      const dadz = new Float64Array(n * k);
      const delta = new Float64Array(n * k);
      const apply = (withDerivative: boolean) => {
        if (act === ACT_SOFTMAX) softmaxRows(z, o, n, k);
        else activate(act, z, o, withDerivative ? dadz : null, n * k);
      };
      apply(true);
      lossDelta(loss, act, o, y, dadz, delta, n, k, 1);
      for (let i = 0; i < n * k; i++) {
        const num = centralDiff(
          () => {
            apply(false);
            return lossSum(loss, act, z, o, y, n, k);
          },
          z,
          i,
        );
        expect(mixedError(delta[i]!, num), `element ${i}`).toBeLessThan(TOL);
      }
    });
  }

  it('bce from z stays finite where log(o) would overflow', () => {
    const z = Float64Array.of(-800, 800);
    const o = Float64Array.of(0, 1);
    const y = Float64Array.of(1, 0);
    expect(lossSum(lossCode('bce'), activationCode('sigmoid'), z, o, y, 2, 1)).toBeCloseTo(1600, 9);
  });
});

describe('regularizer gradients', () => {
  for (const reg of ['l1', 'l2'] as const) {
    it(`${reg}: the gradient of the penalty on weights only`, () => {
      const net = createNetwork({ sizes: [3, 4, 2], activations: ['tanh', 'linear'] }, 'xavier', 3);
      const code = regularizationCode(reg);
      net.grads.fill(0);
      addRegularizationGrad(net, code, 0.07);
      for (let i = 0; i < net.params.length; i++) {
        const num = centralDiff(() => regularizationPenalty(net, code, 0.07), net.params, i);
        expect(mixedError(net.grads[i]!, num), `param ${i}`).toBeLessThan(TOL);
      }
      for (const L of net.layers) {
        for (let j = 0; j < L.outSize; j++) expect(net.grads[L.bOffset + j]).toBe(0);
      }
    });
  }
});

/** Whole-network gradients: every parameter of nets covering each activation, loss and regularizer. */
const NETS: { name: string; sizes: number[]; acts: ActivationName[]; loss: LossName; reg?: 'l1' | 'l2' }[] = [
  ...HIDDEN_ACTIVATIONS.map((a) => ({
    name: `hidden ${a}`,
    sizes: [3, 5, 4, 1],
    acts: [a, a, 'tanh'] as ActivationName[],
    loss: 'mse' as LossName,
  })),
  { name: 'sigmoid + bce', sizes: [2, 4, 3, 1], acts: ['tanh', 'relu', 'sigmoid'], loss: 'bce' },
  { name: 'softmax + softmaxCe', sizes: [4, 6, 3], acts: ['elu', 'softmax'], loss: 'softmaxCe' },
  { name: 'linear + huber', sizes: [3, 5, 2], acts: ['softplus', 'linear'], loss: 'huber' },
  { name: 'softmax + mse', sizes: [2, 4, 3], acts: ['swish', 'softmax'], loss: 'mse' },
  { name: 'l2', sizes: [2, 4, 1], acts: ['tanh', 'tanh'], loss: 'mse', reg: 'l2' },
  { name: 'l1', sizes: [2, 4, 1], acts: ['leakyRelu', 'sigmoid'], loss: 'bce', reg: 'l1' },
  { name: 'no hidden layer', sizes: [2, 1], acts: ['sigmoid'], loss: 'mse' },
  { name: 'deep', sizes: [2, 3, 3, 3, 3, 2], acts: ['tanh', 'sigmoid', 'relu', 'swish', 'softmax'], loss: 'softmaxCe' },
];

describe('network gradients (layer path)', () => {
  for (const c of NETS) {
    it(`${c.name}: every dJ/dparam matches central differences`, () => {
      const net = createNetwork({ sizes: c.sizes, activations: c.acts }, 'xavier', 5);
      // Non-zero biases, so the bias path is exercised with realistic values.
      for (const L of net.layers) for (let j = 0; j < L.outSize; j++) net.params[L.bOffset + j] = 0.1 * (j - 1);
      const n = 7;
      const x = uniformArray(n * c.sizes[0]!, 21, -2, 2);
      const y = targetsFor(c.loss, n, c.sizes[c.sizes.length - 1]!, 22);
      const obj = objective(net, x, y, n, c.loss, c.reg ?? 'none', c.reg ? 0.01 : 0);
      obj.gradient();
      const analytic = net.grads.slice();
      let checked = 0;
      for (let i = 0; i < net.params.length; i++) {
        const num = centralDiff(() => obj.value(), net.params, i);
        expect(mixedError(analytic[i]!, num), `param ${i}`).toBeLessThan(TOL);
        if (Math.abs(num) > 1e-6) checked++;
      }
      expect(checked).toBeGreaterThan(net.params.length / 3); // not vacuously zero
    });
  }
});

/** Inverted dropout with a fixed mask: the objective is then smooth in the params, so its gradient is checkable. */
describe('network gradients with a fixed dropout mask', () => {
  const cases: { name: string; sizes: number[]; acts: ActivationName[]; loss: LossName; p: number }[] = [
    { name: 'tanh, sigmoid → mse', sizes: [3, 5, 4, 2], acts: ['tanh', 'sigmoid', 'linear'], loss: 'mse', p: 0.4 },
    { name: 'swish → softmaxCe', sizes: [2, 6, 3], acts: ['swish', 'softmax'], loss: 'softmaxCe', p: 0.25 },
  ];
  for (const c of cases) {
    it(`${c.name}, p = ${c.p}: every dJ/dparam matches central differences`, () => {
      const net = createNetwork({ sizes: c.sizes, activations: c.acts }, 'xavier', 8);
      for (const L of net.layers) for (let j = 0; j < L.outSize; j++) net.params[L.bOffset + j] = 0.1 * (j - 1);
      const n = 6;
      const k = c.sizes[c.sizes.length - 1]!;
      const last = net.layers.length - 1;
      const x = uniformArray(n * c.sizes[0]!, 31, -2, 2);
      const y = targetsFor(c.loss, n, k, 32);
      // One flag per hidden unit per sample, in the order forward draws them (layer after layer, sample-major).
      const flags = n * net.layers.slice(0, last).reduce((s, L) => s + L.outSize, 0);
      const draw = uniformArray(flags, 33, 0, 1);
      const mask = Float64Array.from(draw, (u) => (u < c.p ? 0 : 1));
      expect(mask.includes(0) && mask.includes(1)).toBe(true);
      const ws = createWorkspace(net, n);
      const lc = lossCode(c.loss);
      const act = net.layers[last]!.act;
      const run = () => {
        const src = maskSource(mask);
        forward(net, ws, x, n, true, c.p, src);
        expect(src.used()).toBe(flags);
        return lossSum(lc, act, ws.z[last]!, ws.a[last]!, y, n, k) / n;
      };
      run();
      lossDelta(lc, act, ws.a[last]!, y, ws.dadz[last]!, ws.delta[last]!, n, k, 1 / n);
      net.grads.fill(0);
      backward(net, ws, x, n);
      const analytic = net.grads.slice();
      let checked = 0;
      for (let i = 0; i < net.params.length; i++) {
        const num = centralDiff(run, net.params, i);
        expect(mixedError(analytic[i]!, num), `param ${i}`).toBeLessThan(TOL);
        if (Math.abs(num) > 1e-6) checked++;
      }
      expect(checked).toBeGreaterThan(net.params.length / 3);
      // The mask matters: without it the gradient differs.
      objective(net, x, y, n, c.loss).gradient();
      expect(Array.from(net.grads)).not.toEqual(Array.from(analytic));
    });
  }

  it('a unit dropped for every sample passes no gradient to its incoming weights', () => {
    const net = createNetwork({ sizes: [2, 3, 1], activations: ['tanh', 'linear'] }, 'xavier', 9);
    const n = 4;
    const x = uniformArray(n * 2, 41, -1, 1);
    const y = targetsFor('mse', n, 1, 42);
    const mask = Float64Array.from({ length: n * 3 }, (_, i) => (i % 3 === 1 ? 0 : 1)); // unit 1 always dropped
    const ws = createWorkspace(net, n);
    forward(net, ws, x, n, true, 0.5, maskSource(mask));
    lossDelta(lossCode('mse'), net.layers[1]!.act, ws.a[1]!, y, ws.dadz[1]!, ws.delta[1]!, n, 1, 1 / n);
    net.grads.fill(0);
    backward(net, ws, x, n);
    const L = net.layers[0]!;
    expect([net.grads[L.wOffset + 2], net.grads[L.wOffset + 3], net.grads[L.bOffset + 1]]).toEqual([0, 0, 0]);
    expect(net.grads[L.wOffset]).not.toBe(0);
    expect(net.grads[net.layers[1]!.wOffset + 1]).toBe(0); // its output weight sees a 0 activation
  });

  it('maskSource refuses a short mask and flags other than 0 and 1', () => {
    const src = maskSource([1, 0]);
    expect([src.next(), src.next()]).toEqual([1, 0]);
    expect(() => src.next()).toThrow(/holds 2 flags/);
    expect(() => maskSource([0.5]).next()).toThrow(/must be 0 or 1/);
  });
});
