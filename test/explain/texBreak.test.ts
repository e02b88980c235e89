import temml from 'temml';
import { describe, expect, it } from 'vitest';
import { explain, phasesOf } from '../../src/explain/equations.ts';
import { PRODUCT_BREAKS, splitTex } from '../../src/explain/texBreak.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { createTrace } from '../../src/nn/trace.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type TrainOptions } from '../../src/nn/training.ts';
import type { ActivationName, LossName } from '../../src/nn/types.ts';
import { targetsFor, uniformArray } from '../nn/helpers.ts';

describe('splitTex', () => {
  it('splits before each top-level relation and sum sign', () => {
    expect(splitTex('z = 0.1\\cdot 4.9 + 0.7\\cdot 0.6 + (−0.02) = 1.05')).toEqual([
      'z',
      '= 0.1\\cdot 4.9',
      '+ 0.7\\cdot 0.6',
      '+ (−0.02)',
      '= 1.05',
    ]);
  });

  it('never splits inside braces, parentheses or brackets', () => {
    expect(splitTex('L = -\\left[y \\log o + (1-y)\\log(1-o)\\right] = 0.5')).toEqual([
      'L',
      '= -\\left[y \\log o + (1-y)\\log(1-o)\\right]',
      '= 0.5',
    ]);
    expect(splitTex('a_{k+1} = \\frac{e^{z-1}}{2}')).toEqual(['a_{k+1}', '= \\frac{e^{z-1}}{2}']);
  });

  it('splits inside \\big( … \\big), whose halves typeset alone', () => {
    expect(splitTex('d = 0.5 \\cdot \\big(0.1\\cdot 2 + (-0.3)\\cdot 4\\big) = -0.5')).toEqual([
      'd',
      '= 0.5 \\cdot \\big(0.1\\cdot 2',
      '+ (-0.3)\\cdot 4\\big)',
      '= -0.5',
    ]);
  });

  it('keeps a unary minus with the relation before it, and splits at arrows', () => {
    expect(splitTex('w^{(1)} \\leftarrow w - \\eta\\, g = 0.3 - 0.1 = -0.2')).toEqual([
      'w^{(1)}',
      '\\leftarrow w',
      '- \\eta\\, g',
      '= 0.3',
      '- 0.1',
      '= -0.2',
    ]);
    expect(splitTex('b: \\; 0.1 \\rightarrow 0.2')).toEqual(['b:', '\\; 0.1', '\\rightarrow 0.2']);
  });

  it('splits a piece again before its products, when asked', () => {
    expect(splitTex('= 0.4235 \\cdot \\big((-1.061)\\cdot (-0.01116)\\big)', PRODUCT_BREAKS)).toEqual([
      '= 0.4235',
      '\\cdot \\big((-1.061)',
      '\\cdot (-0.01116)\\big)',
    ]);
    expect(splitTex('+ 0.7\\cdot 0.6', PRODUCT_BREAKS)).toEqual(['+ 0.7', '\\cdot 0.6']);
  });

  it('leaves a line without top-level operators whole, and an empty line empty', () => {
    expect(splitTex('\\sum_k w_{1k}\\, x_k')).toEqual(['\\sum_k w_{1k}\\, x_k']);
    expect(splitTex('')).toEqual([]);
  });
});

/** A real 2-hidden-layer step (the Trainer's trace), as the panel explains it. */
function traced(acts: ActivationName[], loss: LossName, k: number, o: Partial<TrainOptions>) {
  const sizes = [3, 4, 3, k];
  const n = 12;
  const net = createNetwork({ sizes, activations: acts }, 'xavier', 5);
  const data = { x: uniformArray(n * 3, 1), y: targetsFor(loss, n, k, 2), n };
  const tr = new Trainer(net, data, { ...DEFAULT_TRAIN_OPTIONS, loss, batchSize: 4, ...o }, 3);
  const t = createTrace(net, 4);
  tr.batchStep(t);
  return t;
}

describe('splitTex on the panel’s equations', () => {
  const cases: [string, ReturnType<typeof traced>][] = [
    [
      'tanh, MSE, momentum, L2, clipped',
      traced(['tanh', 'tanh', 'tanh'], 'mse', 1, {
        optimizer: 'momentum',
        regularization: 'l2',
        regularizationRate: 0.01,
        clipNorm: 0.01,
      }),
    ],
    [
      'ReLU, cross-entropy, Adam, L1',
      traced(['relu', 'relu', 'sigmoid'], 'bce', 1, {
        optimizer: 'adam',
        regularization: 'l1',
        regularizationRate: 0.01,
      }),
    ],
    ['softmax, SGD', traced(['tanh', 'sigmoid', 'softmax'], 'softmaxCe', 3, { optimizer: 'sgd' })],
  ];
  it.each(cases)('every piece of every phase typesets without a Temml error (%s)', (_, t) => {
    for (const phase of phasesOf(t.sizes.length - 1))
      for (const unit of [0, 1])
        for (const line of explain(t, phase, { layer: phase.layer ?? 2, unit, input: null, sample: 1 }).tex)
          for (const piece of splitTex(line).flatMap((q) => splitTex(q, PRODUCT_BREAKS)))
            expect(() => temml.renderToString(`\\displaystyle ${piece}`, { throwOnError: true }), piece).not.toThrow();
  });
});
