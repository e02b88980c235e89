/**
 * The worker's build in TF Playground's exact mode: a TF link opened with tfpgExact=1 trains to
 * TF Playground's own numbers (test/fixtures/tfpg), through the same buildRun the page uses.
 */
import { describe, expect, it } from 'vitest';
import { getWeights } from '../../src/nn/network.ts';
import { TfpgTrainer } from '../../src/nn/tfpg/trainer.ts';
import { decodeHash } from '../../src/share/hash.ts';
import { buildRun } from '../../src/worker/build.ts';
import oracle from '../fixtures/tfpg/default-seed0.12345.json';

const LINK =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&tfpgExact=1';

describe('buildRun in the tfpg mode', () => {
  it("builds TF Playground's data, weights and trainer from the link, and reaches its losses", () => {
    const { config } = decodeHash(LINK);
    const b = buildRun(1, config);
    expect(b.trainer).toBeInstanceOf(TfpgTrainer);
    expect(getWeights(b.net).weights).toEqual(oracle.initialWeights);
    // The points the page draws are TF's, labels as our classes (1 inside, 0 outside).
    expect(Array.from(b.info.trainPoints.subarray(0, 2))).toEqual(oracle.trainData[0]!.slice(0, 2));
    expect(b.info.trainLabels[0]).toBe(oracle.trainData[0]![2] === 1 ? 1 : 0);
    for (const point of oracle.lossTrace.filter((p) => p.iter <= 20)) {
      while (b.trainer.epochCount < point.iter) b.trainer.epoch();
      expect(b.trainer.evaluate(b.train).loss).toBe(point.lossTrain);
      expect(b.trainer.evaluate(b.test).loss).toBe(point.lossTest);
    }
  });

  it('the same link in our engine builds our trainer (other numbers)', () => {
    const { config } = decodeHash(LINK.replace('&tfpgExact=1', ''));
    const b = buildRun(1, config);
    expect(b.trainer).not.toBeInstanceOf(TfpgTrainer);
    expect(getWeights(b.net).weights).not.toEqual(oracle.initialWeights);
  });
});
