// The golden runner refuses references that would compare less than they claim: cases that compare
// nothing, holes (null, strings) in any array, wrong shapes, unknown keys and steps never reached.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runGoldenCase } from '../../src/nn/golden.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const file = JSON.parse(readFileSync(new URL('../fixtures/golden-reference.json', import.meta.url), 'utf8')) as {
  cases: Json[];
};
/** tanh-sigmoid-bce-sgd: [2, 4, 3, 1] (23 weights, 8 biases), 6 samples, 3 full-batch steps, every expected key present. */
const base = () => structuredClone(file.cases[2]!);

/** The one failure of a case that must not run. */
function refusal(c: unknown): string {
  const r = runGoldenCase(c);
  expect(r.pass).toBe(false);
  expect(r.failures).toHaveLength(1);
  return r.failures[0]!;
}

describe('golden runner: a case that compares nothing', () => {
  it('the base case passes and compares every value it lists', () => {
    const r = runGoldenCase(base());
    expect(r.pass).toBe(true);
    // output, loss, grads; 3 losses before steps; final loss, output, weights, biases
    expect(r.compared).toBe(6 + 1 + 23 + 8 + 3 + 1 + 6 + 23 + 8);
  });

  it('no expected values at all', () => {
    const c = base();
    c.expected = {};
    expect(refusal(c)).toMatch(/compares nothing/);
    delete c.expected;
    expect(refusal(c)).toMatch(/expected must be an object/);
  });

  it('a train block with only a step count', () => {
    const c = base();
    c.expected = { train: { steps: 3, full_batch: true } };
    expect(refusal(c)).toMatch(/train compares nothing/);
  });
});

describe('golden runner: every reference array is validated, never read as 0', () => {
  const holes: [string, (c: Json) => void, RegExp][] = [
    [
      'null in grad_weights',
      (c) => (c.expected.grad_weights[1][2][3] = null),
      /expected\.grad_weights\[1\]\[2\]\[3\] is null/,
    ],
    ['string in output', (c) => (c.expected.output[2][0] = '0.5'), /expected\.output\[2\]\[0\] is the string "0\.5"/],
    ['null in grad_biases', (c) => (c.expected.grad_biases[0][1] = null), /expected\.grad_biases\[0\]\[1\] is null/],
    [
      'null in final_weights',
      (c) => (c.expected.train.final_weights[2][0][1] = null),
      /final_weights\[2\]\[0\]\[1\] is null/,
    ],
    [
      'string in final_biases',
      (c) => (c.expected.train.final_biases[1][0] = 'x'),
      /final_biases\[1\]\[0\] is the string/,
    ],
    ['null in final_output', (c) => (c.expected.train.final_output[0][0] = null), /final_output\[0\]\[0\] is null/],
    ['null expected loss', (c) => (c.expected.loss = null), /expected\.loss must be a number, got null/],
    [
      'string loss before a step',
      (c) => (c.expected.train.loss_before_step['1'] = '0.6'),
      /loss_before_step\["1"\] must be a number/,
    ],
    ['null in the input weights', (c) => (c.weights[0][1][0] = null), /^cannot run: weights\[0\]\[1\]\[0\] is null/],
    ['null in the biases', (c) => (c.biases[2][0] = null), /^cannot run: biases\[2\]\[0\] is null/],
    ['string in x', (c) => (c.x[1][1] = '1'), /^cannot run: x\[1\]\[1\] is the string "1"/],
    ['null in y', (c) => (c.y[3][0] = null), /^cannot run: y\[3\]\[0\] is null/],
    [
      'a short row',
      (c) => c.expected.grad_weights[0][1].pop(),
      /grad_weights\[0\]\[1\] must be a list of 2, got 1 entries/,
    ],
    ['a missing layer', (c) => c.expected.train.final_biases.pop(), /final_biases must be a list of 3 layers, got 2/],
    ['a nested extra level', (c) => (c.expected.output[0][0] = [0.5]), /output\[0\]\[0\] is \[0\.5\], not a number/],
  ];
  for (const [what, spoil, message] of holes) {
    it(what, () => {
      const c = base();
      spoil(c);
      expect(refusal(c)).toMatch(message);
    });
  }
});

describe('golden runner: keys it would never reach', () => {
  it('a loss_before_step past the last step', () => {
    const c = base();
    c.expected.train.loss_before_step['3'] = 0.5; // steps 0..2 only
    expect(refusal(c)).toMatch(/loss_before_step has step "3", which the run never reaches \(steps 0\.\.2\)/);
  });

  it('a loss_before_step key that is not a step number', () => {
    for (const key of ['-1', '1.5', '01', 'last']) {
      const c = base();
      c.expected.train.loss_before_step[key] = 0.5;
      expect(refusal(c)).toMatch(new RegExp(`step "${key.replace('.', '\\.')}"`));
    }
  });

  it('an unknown key anywhere (a typo would silently compare nothing)', () => {
    const spoils: [(c: Json) => void, RegExp][] = [
      [(c) => (c.expected.grad_weight = c.expected.grad_weights), /expected has unknown key "grad_weight"/],
      [(c) => (c.expected.train.final_weight = []), /expected\.train has unknown key "final_weight"/],
      [(c) => (c.dropuot = 0.5), /a case has unknown key "dropuot"/],
      [(c) => (c.optimizer.momentun = 0.9), /optimizer has unknown key "momentun"/],
    ];
    for (const [spoil, message] of spoils) {
      const c = base();
      spoil(c);
      expect(refusal(c)).toMatch(message);
    }
  });

  it('an epoch_loss or epoch_lr with the wrong number of epochs', () => {
    const c = base();
    c.expected.train.epoch_loss = [0.7, 0.6];
    expect(refusal(c)).toMatch(/train\.epoch_loss must be a list of 3, got 2 entries/);
  });

  it('minibatch and dropout cases must list their order and masks', () => {
    const c = base();
    c.batch_size = 2;
    expect(refusal(c)).toMatch(/train\.full_batch is true but batch_size is 2 of 6 samples/);
    delete c.expected.train.full_batch;
    expect(refusal(c)).toMatch(/a minibatch case gives epochs/);
    c.expected.train.epochs = c.expected.train.steps;
    delete c.expected.train.steps;
    expect(refusal(c)).toMatch(/orders missing/);
    c.expected.train.orders = [
      [0, 1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1, 0],
      [0, 0, 1, 2, 3, 4],
    ];
    expect(refusal(c)).toMatch(/orders\[2\] must be a permutation of 0\.\.5/);
    c.expected.train.orders[2] = [0, 1, 2, 3, 4, 5];
    expect(refusal(c)).toMatch(/loss_before_step is for full-batch cases/);
    delete c.expected.train.loss_before_step;
    expect(runGoldenCase(c).failures.join()).not.toMatch(/cannot run/); // now a valid case (its numbers are off)
    c.dropout = 0.5;
    expect(refusal(c)).toMatch(/dropout_masks must be given exactly when dropout > 0/);
  });
});
