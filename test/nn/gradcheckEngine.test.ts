import { describe, expect, it } from 'vitest';
import { BREAK_KINDS, type BreakKind } from '../../src/nn/breakage.ts';
import { gradCheck, MAX_CHECKED, pickParameters, verdict } from '../../src/nn/gradcheck.ts';
import { createNetwork, type Network } from '../../src/nn/network.ts';
import { createRng } from '../../src/nn/rng.ts';
import type { Data } from '../../src/nn/training.ts';
import { HIDDEN_ACTIVATIONS, type HiddenActivation, type LossName, type OutputActivation } from '../../src/nn/types.ts';

/** Every (loss, output) pair the UI offers (share/config.ts lossesFor × outputsFor). */
const PAIRS: { loss: LossName; output: OutputActivation; k: number; targets: 'pm1' | '01' | 'real' | 'onehot' }[] = [
  { loss: 'mse', output: 'tanh', k: 1, targets: 'pm1' },
  { loss: 'mse', output: 'sigmoid', k: 1, targets: '01' },
  { loss: 'mse', output: 'linear', k: 1, targets: 'pm1' },
  { loss: 'bce', output: 'sigmoid', k: 1, targets: '01' },
  { loss: 'mse', output: 'linear', k: 1, targets: 'real' },
  { loss: 'huber', output: 'linear', k: 1, targets: 'real' },
  { loss: 'huber', output: 'tanh', k: 1, targets: 'pm1' },
  { loss: 'softmaxCe', output: 'softmax', k: 3, targets: 'onehot' },
];

function batchFor(k: number, targets: string, n: number, seed: number): Data {
  const rng = createRng(seed);
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    x[i * 2] = (rng.next() - 0.5) * 6;
    x[i * 2 + 1] = (rng.next() - 0.5) * 6;
    const c = Math.floor(rng.next() * k);
    if (targets === 'pm1') y[i] = rng.next() < 0.5 ? -1 : 1;
    else if (targets === '01') y[i] = rng.next() < 0.5 ? 0 : 1;
    else if (targets === 'real') y[i] = (rng.next() - 0.5) * 4;
    else y[i * k + c] = 1;
  }
  return { x, y, n };
}

function netFor(act: HiddenActivation, output: OutputActivation, k: number, hidden = [4, 3]): Network {
  return createNetwork({ sizes: [2, ...hidden, k], activations: [...hidden.map(() => act), output] }, 'xavier', 7);
}

/** A 2-4-3-1 tanh network's check on 10 points, mse, no regularization. */
function tanhCheck(breakKind: BreakKind) {
  const net = netFor('tanh', 'tanh', 1);
  return gradCheck(net, batchFor(1, 'pm1', 10, 3), {
    loss: 'mse',
    regularization: 'none',
    regularizationRate: 0,
    breakKind,
  });
}

describe('gradCheck', () => {
  for (const act of HIDDEN_ACTIVATIONS) {
    for (const p of PAIRS) {
      const name = `${act} hidden, ${p.output} output, ${p.loss} (${p.targets})`;
      it(`unbroken: ${name} agrees below 1e-6`, () => {
        const net = netFor(act, p.output, p.k);
        const r = gradCheck(net, batchFor(p.k, p.targets, 10, 3), {
          loss: p.loss,
          regularization: 'l2',
          regularizationRate: 0.01,
          breakKind: 'none',
        });
        expect(r.max).toBeLessThan(1e-6);
        expect(r.kinks).toBeLessThan(r.checked / 4);
        expect(verdict(r)).toMatch(/^Backprop agrees with the numerical gradient/);
      });
      for (const kind of BREAK_KINDS.filter((b) => b !== 'none') as BreakKind[]) {
        // With a linear hidden activation f'(z) = 1: forgetting it changes nothing, unless at the output.
        const undetectable =
          kind === 'no-derivative' &&
          act === 'linear' &&
          (p.output === 'linear' || p.output === 'softmax' || p.loss === 'bce');
        if (undetectable) continue;
        it(`${kind}: ${name} disagrees above 1e-2`, () => {
          const net = netFor(act, p.output, p.k);
          const r = gradCheck(net, batchFor(p.k, p.targets, 10, 3), {
            loss: p.loss,
            regularization: 'none',
            regularizationRate: 0,
            breakKind: kind,
          });
          expect(r.max).toBeGreaterThan(1e-2);
          expect(verdict(r)).toMatch(/disagrees/);
        });
      }
    }
  }

  it('never changes the network it checks', () => {
    const net = netFor('tanh', 'tanh', 1);
    const before = net.params.slice();
    gradCheck(net, batchFor(1, 'pm1', 10, 3), {
      loss: 'mse',
      regularization: 'l1',
      regularizationRate: 0.1,
      breakKind: 'flip-sign',
    });
    expect(Array.from(net.params)).toEqual(Array.from(before));
  });

  it('samples 400 parameters, seeded, when there are more, grouped by layer', () => {
    const net = netFor('relu', 'tanh', 1, [16, 16, 16]);
    expect(net.params.length).toBeGreaterThan(MAX_CHECKED);
    const r = gradCheck(net, batchFor(1, 'pm1', 20, 5), {
      loss: 'mse',
      regularization: 'none',
      regularizationRate: 0,
      breakKind: 'none',
    });
    expect(r.sampled).toBe(true);
    expect(r.checked).toBe(MAX_CHECKED);
    expect(r.entries.map((e) => e.index)).toEqual(Array.from(pickParameters(net.params.length, 1)));
    const layers = r.entries.map((e) => e.layer);
    expect(layers).toEqual([...layers].sort((a, b) => a - b));
    expect(new Set(layers).size).toBe(4);
    expect(r.max).toBeLessThan(1e-6);
  });

  it('shows a missing bias gradient in the biases only', () => {
    const r = tanhCheck('no-bias');
    const worstW = Math.max(...r.entries.filter((e) => e.kind === 'w').map((e) => e.relError));
    const worstB = Math.min(...r.entries.filter((e) => e.kind === 'b').map((e) => e.relError));
    expect(worstW).toBeLessThan(1e-6);
    expect(worstB).toBe(1);
  });

  it('says how far off a batch sum is: m − 1 over m', () => {
    const r = tanhCheck('no-average');
    expect(r.max).toBeCloseTo(0.9, 6);
  });
});
