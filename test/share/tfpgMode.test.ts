/**
 * The TF Playground exact mode as a setting: engineMode in links (tfpgExact=1, a key TF Playground
 * ignores), in files, through the gate, and what the mode holds.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { readExperimentFile, writeExperimentFile } from '../../src/share/file.ts';
import { decodeHash, encodeHash } from '../../src/share/hash.ts';
import { validateConfig } from '../../src/share/schema.ts';
import { toTfpgMode } from '../../src/share/tfpgMode.ts';

const ORACLE_LINK =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';

describe('engineMode in links', () => {
  it('a TF Playground link keeps its seed text and opens in our engine unless it asks', () => {
    const r = decodeHash(ORACLE_LINK);
    expect(r.source).toBe('tfPlayground');
    expect(r.config.tfSeed).toBe('0.12345');
    expect(r.config.engineMode).toBe('ours');
  });

  it('tfpgExact=1 on a TF Playground link asks for the exact mode, with no notice for its own settings', () => {
    const r = decodeHash(`${ORACLE_LINK}&tfpgExact=1`);
    expect(r.source).toBe('tfPlayground');
    expect(r.config.engineMode).toBe('tfpg');
    expect(r.notices).toEqual([]);
  });

  it('our links write tfpgExact=1 and the seed text, and read them back', () => {
    const c: ExperimentConfig = { ...toTfpgMode(DEFAULT_CONFIG).config, tfSeed: 'a b&c' };
    const { hash } = encodeHash(c);
    expect(hash).toContain('&tfpgExact=1&tfSeed=a%20b%26c');
    const back = decodeHash(hash);
    expect(back.config).toEqual(c);
    expect(back.notices).toEqual([]);
    expect(decodeHash(encodeHash(DEFAULT_CONFIG).hash).config.engineMode).toBe('ours');
  });

  it('a bad value is refused with a notice naming the field', () => {
    const r = decodeHash(`${encodeHash(DEFAULT_CONFIG).hash.replace('tfpgExact=0', 'tfpgExact=maybe')}`);
    expect(r.config.engineMode).toBe('ours');
    expect(r.notices.map((n) => n.field)).toContain('engineMode');
  });
});

describe('engineMode in files', () => {
  it('round-trips through the experiment file', () => {
    const config = { ...toTfpgMode(DEFAULT_CONFIG).config, tfSeed: '0.12345' };
    const parsed = readExperimentFile(writeExperimentFile({ config, epoch: 0, history: [] }));
    expect(parsed.ok && parsed.experiment.config).toEqual(config);
  });
});

describe('what the mode holds', () => {
  it('settings TF Playground lacks take its values, each change named', () => {
    const ours: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'moons',
      features: ['cosX', 'y', 'xy', 'x'],
      activation: 'elu',
      optimizer: 'adam',
      schedule: 'cosine',
      dropout: 0.2,
      clipNorm: 1,
      init: 'he',
      samples: 300,
    };
    const { config, changes } = toTfpgMode(ours);
    expect(config).toMatchObject({
      engineMode: 'tfpg',
      dataset: 'circle',
      features: ['x', 'y', 'xy'],
      activation: 'tanh',
      optimizer: 'sgd',
      schedule: 'constant',
      dropout: 0,
      clipNorm: 0,
      init: 'uniform',
      samples: 500,
      loss: 'mse',
      output: 'tanh',
    });
    expect(config.tfSeed).toMatch(/^0\.\d{5}$/);
    expect(changes.map((c) => c.field).sort()).toEqual(
      ['activation', 'clipNorm', 'dataset', 'dropout', 'features', 'init', 'optimizer', 'samples', 'schedule'].sort(),
    );
  });

  it('keeps what TF Playground has: learning rate, batch size, L1/L2 and its rate, noise, split, layers, zeros', () => {
    const c: ExperimentConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'regGauss',
      problem: 'regression',
      output: 'linear',
      samples: 1200,
      learningRate: 0.1,
      batchSize: 7,
      regularization: 'l1',
      regularizationRate: 0.003,
      noise: 35,
      trainPercent: 70,
      hidden: [8, 8, 1],
      init: 'zero',
    };
    const { config, changes } = toTfpgMode(c);
    expect(changes).toEqual([]);
    expect(config).toEqual({ ...c, engineMode: 'tfpg', tfSeed: config.tfSeed });
  });

  it('the gate applies it to whatever comes in with engineMode tfpg, and is idempotent', () => {
    const v = validateConfig({ ...DEFAULT_CONFIG, engineMode: 'tfpg', optimizer: 'adam' });
    expect(v.config.optimizer).toBe('sgd');
    expect(v.notices.map((n) => n.field)).toEqual(['optimizer']);
    expect(validateConfig(v.config).notices).toEqual([]);
  });
});
