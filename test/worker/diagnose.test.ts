/** Why a run diverged, as the worker tells it, and what it offers to do. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { diagnoseDivergence, lowerRate, type DivergenceClues } from '../../src/worker/diagnose.ts';
import { harness, statusEvents, XOR } from './harness.ts';

const REGRESSION: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'regPlane',
  problem: 'regression',
  output: 'linear',
  speed: 'max',
};

async function divergeWith(config: ExperimentConfig, before?: (h: ReturnType<typeof harness>) => Promise<void>) {
  const h = harness(1);
  await h.do({ type: 'init', runId: 1, config });
  await before?.(h);
  await h.do({ type: 'play', runId: 1 });
  for (let i = 0; i < 20 && !h.statuses().includes('diverged'); i++) await h.ticks(1);
  const status = statusEvents(h).find((e) => e.status === 'diverged');
  if (!status) throw new Error('did not diverge');
  return status;
}

describe('a divergence', () => {
  it('with a bounded activation and a growing loss blames the learning rate, and offers one 10× lower', async () => {
    const status = await divergeWith({ ...REGRESSION, activation: 'tanh', learningRate: 3 });
    expect(status.divergence).toMatchObject({ cause: 'learningRate', fix: { learningRate: 0.3 } });
    expect(status.message).toMatch(
      /The loss grew fast over the last epochs .* The learning rate 3 is too high for SGD with the tanh activation\. Lower it to 0\.3/,
    );
  });

  it('with ReLU units whose values grew huge names the exploding activations', async () => {
    const status = await divergeWith({ ...REGRESSION, activation: 'relu', learningRate: 10 });
    expect(status.divergence).toMatchObject({ cause: 'activations', fix: { learningRate: 1 } });
    expect(status.message).toMatch(/values inside the network grew huge .*relu units have no upper limit/);
  });

  it('right after a huge weight was set by hand blames that weight and offers Reset alone', async () => {
    const status = await divergeWith({ ...REGRESSION, hidden: [2], activation: 'linear' }, (h) =>
      h.do({ type: 'setWeight', runId: 1, layer: 0, to: 0, from: 0, value: 1e200 }),
    );
    expect(status.divergence).toEqual({ what: expect.stringMatching(/at epoch 1$/), cause: 'handSetWeight' });
    expect(status.message).toMatch(/weight you set by hand to 1\.0e\+200 at epoch 0 is too large/);
  });

  it('picks the cause from the clues in that order', () => {
    const clues: DivergenceClues = {
      what: 'the loss became NaN at epoch 312',
      epoch: 312,
      learningRate: 0.03,
      optimizer: 'adam',
      activation: 'relu',
      recentLosses: [0.2, 0.25, 3],
      maxAbsZ: 5,
      handSet: null,
    };
    const lr = diagnoseDivergence(clues);
    expect(lr.divergence).toEqual({ what: clues.what, cause: 'learningRate', fix: { learningRate: 0.003 } });
    expect(lr.message).toBe(
      'The loss became NaN at epoch 312. The loss grew fast over the last epochs (0.2 → 3). The learning rate 0.03 is too high for Adam with the relu activation. Lower it to 0.003, then press Reset.',
    );
    expect(diagnoseDivergence({ ...clues, maxAbsZ: 1e6 }).divergence.cause).toBe('activations');
    expect(diagnoseDivergence({ ...clues, activation: 'tanh', maxAbsZ: 1e6 }).divergence.cause).toBe('learningRate');
    expect(diagnoseDivergence({ ...clues, handSet: { value: -40, epoch: 300 } }).divergence.cause).toBe(
      'handSetWeight',
    );
    // Long ago or small: not the hand-set weight.
    expect(diagnoseDivergence({ ...clues, handSet: { value: -40, epoch: 10 } }).divergence.cause).toBe('learningRate');
    expect(diagnoseDivergence({ ...clues, handSet: { value: 2, epoch: 311 } }).divergence.cause).toBe('learningRate');
  });

  it('offers learning rates on the 1-3-10 steps, about 10× lower', () => {
    expect([10, 3, 1, 0.3, 0.1, 0.03, 0.05, 0.01, 0.003].map(lowerRate)).toEqual([
      1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.003, 0.001, 0.0003,
    ]);
    expect(lowerRate(1e-6)).toBe(1e-6);
  });
});

describe('a weight set by hand under Adam', () => {
  it('keeps the step count and every other moment; only that parameter’s are forgotten', async () => {
    const h = harness();
    await h.do({ type: 'init', runId: 1, config: { ...XOR, optimizer: 'adam', learningRate: 0.01 } });
    await h.stepAll(1, 3);
    const before = h.lastSnapshot().trainer.optimizer;
    await h.do({ type: 'setWeight', runId: 1, layer: 0, to: 1, from: 0, value: 0.5 });
    const l = h.infos()[0]!.layers[0]!;
    const index = l.wOffset + 1 * l.inSize;
    const after = h.lastSnapshot().trainer.optimizer;
    expect(after.t).toBe(before.t);
    expect([after.m[index], after.v[index]]).toEqual([0, 0]);
    expect(after.m.filter((_, i) => i !== index)).toEqual(before.m.filter((_, i) => i !== index));
    expect(after.v.filter((_, i) => i !== index)).toEqual(before.v.filter((_, i) => i !== index));
  });
});
