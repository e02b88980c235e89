// The article's story: one sigmoid layer cannot learn XOR (every output ends at 0.5); one hidden
// layer of 4 sigmoid units can. Full batch, squared error, rate 4 on the mean loss (= the
// article's rate 1 on the summed loss of 4 samples), 10,000 epochs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNetwork, setWeights, type Network } from '../../src/nn/network.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data } from '../../src/nn/training.ts';

const XOR: Data = { x: Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1), y: Float64Array.of(0, 1, 1, 0), n: 4 };
const OPTIONS = {
  ...DEFAULT_TRAIN_OPTIONS,
  loss: 'mse' as const,
  optimizer: 'sgd' as const,
  learningRate: 4,
  batchSize: 4,
};
const cases = (
  JSON.parse(readFileSync(new URL('../fixtures/golden-reference.json', import.meta.url), 'utf8')) as {
    cases: { name: string; weights: number[][][]; biases: number[][] }[];
  }
).cases;

function train(net: Network, epochs: number): Float64Array {
  const t = new Trainer(net, XOR, OPTIONS, 1);
  for (let e = 0; e < epochs; e++) t.epoch();
  const out = new Float64Array(4);
  t.predict(XOR.x, 4, out);
  return out;
}

describe("the article's XOR", () => {
  it('its own network (no hidden layer) ends with all four outputs at 0.5', () => {
    const start = cases.find((c) => c.name === 'article-xor-no-hidden-layer')!;
    const net = createNetwork({ sizes: [2, 1], activations: ['sigmoid'] }, 'zero', 0);
    setWeights(net, start.weights, start.biases);
    const out = train(net, 10_000);
    for (const o of out) expect(o).toBeCloseTo(0.5, 9);
  });

  it('ends at 0.5 from other starting weights too: one layer cannot separate XOR', () => {
    for (const seed of [1, 2, 3]) {
      const out = train(createNetwork({ sizes: [2, 1], activations: ['sigmoid'] }, 'xavier', seed), 10_000);
      for (const o of out) expect(o).toBeCloseTo(0.5, 6);
    }
  });

  it('with a hidden layer of 4 sigmoid units it learns XOR', () => {
    const start = cases.find((c) => c.name === 'article-xor-hidden-layer')!;
    const net = createNetwork({ sizes: [2, 4, 1], activations: ['sigmoid', 'sigmoid'] }, 'zero', 0);
    setWeights(net, start.weights, start.biases);
    const out = train(net, 10_000);
    expect(out[0]).toBeLessThan(0.1);
    expect(out[1]).toBeGreaterThan(0.9);
    expect(out[2]).toBeGreaterThan(0.9);
    expect(out[3]).toBeLessThan(0.1);
  });
});
