import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, outputFor } from '../../src/share/config.ts';
import { hiddenPanels, isHidden } from '../../src/share/embed.ts';
import { decodeHash } from '../../src/share/hash.ts';
import { seedFromString } from '../../src/share/tfPlayground.ts';

// Hashes of real TF Playground links, as people shared them.
const TF_DEFAULT =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.45454&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';
const TF_SPIRAL =
  '#activation=tanh&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=8&seed=0.14370&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';
const TF_REGRESSION_HIDE =
  '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=25&networkShape=&seed=0.27079&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=regression&initZero=false&hideText=false&showTestData_hide=false&activation_hide=true&noise_hide=false&discretize_hide=true&dataset_hide=true&batchSize_hide=true&percTrainData_hide=true&numHiddenLayers_hide=true&problem_hide=true';
const TF_LOGISTIC =
  '#activation=sigmoid&batchSize=10&dataset=gauss&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=&seed=0.61489&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&numHiddenLayers_hide=true&percTrainData_hide=true&discretize_hide=true&problem_hide=true&activation_hide=true';

describe('TF Playground links', () => {
  it('open the default experiment with TF semantics: tanh output, squared loss, uniform init', () => {
    const r = decodeHash(TF_DEFAULT);
    expect(r.source).toBe('tfPlayground');
    expect(r.notices).toEqual([]);
    const seed = seedFromString('0.45454');
    expect(r.config).toEqual({ ...DEFAULT_CONFIG, seed, dataSeed: seed, tfSeed: '0.45454' });
    expect(outputFor(r.config.problem, r.config.loss)).toEqual({ activation: 'tanh', loss: 'mse' });
    expect(r.config.init).toBe('uniform');
    expect(r.config.optimizer).toBe('sgd');
    expect(r.view.hide).toEqual([]);
  });

  it('map the features and the network shape', () => {
    const r = decodeHash(TF_SPIRAL);
    expect(r.config.dataset).toBe('spiral');
    expect(r.config.hidden).toEqual([8]);
    expect(r.config.features).toEqual(['x', 'y', 'x2', 'y2', 'xy']);
  });

  it('map regression to a linear output over regDataset, 1,200 points, and every _hide', () => {
    const r = decodeHash(TF_REGRESSION_HIDE);
    expect(r.notices).toEqual([]);
    expect(r.config).toMatchObject({
      problem: 'regression',
      dataset: 'regPlane',
      noise: 25,
      hidden: [],
      samples: 1200,
      loss: 'mse',
    });
    expect(outputFor(r.config.problem, r.config.loss).activation).toBe('linear');
    expect(r.view.hide).toEqual([
      'dataset',
      'trainPercent',
      'batchSize',
      'hidden',
      'activation',
      'problem',
      'discretize',
    ]);
    expect(isHidden(r.view, 'noise')).toBe(false);
    expect(hiddenPanels(r.view).size).toBe(0);
  });

  it('map sigmoid hidden units and no hidden layer (logistic regression)', () => {
    const r = decodeHash(TF_LOGISTIC);
    expect(r.config).toMatchObject({ activation: 'sigmoid', dataset: 'gauss', hidden: [], problem: 'classification' });
    expect(r.view.hide).toContain('activation');
  });

  it('map regularization names, reg-gauss, initZero, hideText, showTestData, discretize and percTrainData', () => {
    const r = decodeHash(
      '#activation=relu&regularization=L2&regularizationRate=0.003&regDataset=reg-gauss&problem=regression&initZero=true&hideText=true&showTestData=true&discretize=true&percTrainData=70&learningRate=0.3&batchSize=30&seed=0.1',
    );
    expect(r.config).toMatchObject({
      activation: 'relu',
      regularization: 'l2',
      regularizationRate: 0.003,
      dataset: 'regGauss',
      init: 'zero',
      showTestData: true,
      discretize: true,
      trainPercent: 70,
      learningRate: 0.3,
      batchSize: 30,
    });
    expect(r.view.hide).toEqual(['text']);
    expect(r.notices).toEqual([]);
  });

  it('report what does not map, with defaults', () => {
    const r = decodeHash('#activation=softsign&dataset=moons&networkShape=4,x&learningRate=abc&problem=weird');
    expect(r.source).toBe('tfPlayground');
    expect(r.config).toMatchObject({
      activation: 'tanh',
      dataset: 'circle',
      hidden: [4, 2],
      learningRate: 0.03,
      problem: 'classification',
    });
    expect(r.notices.map((n) => n.field).sort()).toEqual([
      'activation',
      'dataset',
      'hidden',
      'learningRate',
      'problem',
    ]);
  });

  it('are told apart from native links by their keys', () => {
    expect(decodeHash('#networkShape=3').source).toBe('tfPlayground');
    expect(decodeHash('#dataset=xor').source).toBe('native');
    expect(decodeHash('#v=1&networkShape=3').source).toBe('native');
  });

  it('hash their string seed stably', () => {
    expect(seedFromString('0.45454')).toBe(seedFromString('0.45454'));
    expect(seedFromString('0.45454')).not.toBe(seedFromString('0.45455'));
    expect(seedFromString('')).toBe(0x811c9dc5);
  });
});
