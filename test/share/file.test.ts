import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../src/nn/network.ts';
import { DEFAULT_CONFIG, networkSizes, type ExperimentConfig } from '../../src/share/config.ts';
import { FILE_FORMAT, readExperimentFile, writeExperimentFile, type Experiment } from '../../src/share/file.ts';

const config: ExperimentConfig = { ...DEFAULT_CONFIG, hidden: [2], features: ['x', 'y', 'xy'] };
// sizes [3, 2, 1]: W1 (2,3), b1 (2), W2 (1,2), b2 (1)
const weights = {
  weights: [
    [
      [0.1, -0.2, 0.30000000000000004],
      [1e-300, 5, -7.25],
    ],
    [[0.5, -0.5]],
  ],
  biases: [[0.1, 0.1], [-1e-17]],
};
const n = parameterCount(networkSizes(config));

const experiment: Experiment = {
  config,
  weights,
  epoch: 42,
  history: [{ epoch: 1, batchLoss: 0.5, trainLoss: 0.4, testLoss: null, trainAccuracy: 0.75, testAccuracy: null }],
  trainer: {
    rng: 123456789,
    order: [2, 0, 1],
    optimizer: { m: new Array<number>(n).fill(0.01), v: new Array<number>(n).fill(0), t: 7 },
  },
  data: { train: [{ x: 1, y: 1, label: 1 }], test: [] },
};

describe('experiment file', () => {
  it('keeps the output activation, and gives an older file the default of its loss', () => {
    const article = { ...DEFAULT_CONFIG, dataset: 'xorTable' as const, hidden: [], output: 'sigmoid' as const };
    const back = readExperimentFile(writeExperimentFile({ config: article, epoch: 0, history: [] }));
    expect(back.ok && back.experiment.config.output).toBe('sigmoid');
    const { output: _omit, ...older } = { ...DEFAULT_CONFIG, loss: 'bce' as const };
    const old = readExperimentFile(JSON.stringify({ format: FILE_FORMAT, version: 1, config: older }));
    expect(old.ok && old.experiment.config.output).toBe('sigmoid');
    expect(old.ok && old.notices).toEqual([]);
  });

  it('round-trips every number exactly', () => {
    expect(n).toBe(2 * 3 + 2 + 2 + 1);
    const text = writeExperimentFile(experiment);
    expect(JSON.parse(text)).toMatchObject({ format: FILE_FORMAT, version: 1 });
    const r = readExperimentFile(text);
    expect(r).toEqual({ ok: true, experiment, notices: [] });
  });

  it('refuses what is not an experiment with a clear message', () => {
    expect(readExperimentFile('not json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not JSON/),
    });
    expect(readExperimentFile('[1,2]')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an experiment file/),
    });
    expect(readExperimentFile('{"format":"nn-playground-experiment"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no version/),
    });
    expect(readExperimentFile('{"format":"nn-playground-experiment","version":2,"config":{}}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/version 2/),
    });
    expect(readExperimentFile('{"format":"nn-playground-experiment","version":1,"config":3}')).toMatchObject({
      ok: false,
    });
    expect(readExperimentFile(' '.repeat(20_000_001))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large/),
    });
  });

  it('reads the config through the schema, with notices', () => {
    const r = readExperimentFile(
      JSON.stringify({ format: FILE_FORMAT, version: 1, config: { dataset: 'xor', learningRate: 'x' } }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.experiment.config).toEqual({ ...DEFAULT_CONFIG, dataset: 'xor' });
    expect(r.notices.map((x) => x.field)).toEqual(['learningRate']);
    expect(r.experiment.weights).toBeUndefined();
    expect(r.experiment.epoch).toBe(0);
  });

  it('drops weights that do not fit the network, and the trainer state with them', () => {
    const bad = { ...JSON.parse(writeExperimentFile(experiment)), config: { ...config, hidden: [3] } };
    const r = readExperimentFile(JSON.stringify(bad));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.experiment.weights).toBeUndefined();
    expect(r.experiment.trainer).toBeUndefined();
    expect(r.experiment.epoch).toBe(0);
    expect(r.notices).toEqual([
      { field: 'weights', message: 'weights: layer 1 weights should be 3 rows of 3; starting from fresh weights.' },
    ]);
  });

  it('drops non-finite weights and a malformed trainer state or history with notices', () => {
    const j = JSON.parse(writeExperimentFile(experiment));
    j.weights[0][0][0] = null;
    expect(readExperimentFile(JSON.stringify(j))).toMatchObject({ ok: true, notices: [{ field: 'weights' }] });
    const k = JSON.parse(writeExperimentFile(experiment));
    k.trainer.optimizer.m = [1];
    k.history = 'lots';
    const r = readExperimentFile(JSON.stringify(k));
    expect(r).toMatchObject({ ok: true, notices: [{ field: 'trainer' }, { field: 'history' }] });
    if (r.ok) expect(r.experiment.weights).toEqual(weights);
  });
});
