import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/nn/types.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import {
  addLayer,
  changeUnits,
  datasetPatch,
  parseLearningRate,
  problemPatch,
  removeLayer,
  toggleFeature,
} from '../../src/ui/configPatches.ts';
import { formatEpoch, formatNumber } from '../../src/ui/labels.ts';
import { isTypingTarget } from '../../src/ui/useShortcuts.ts';

const c = DEFAULT_CONFIG;

describe('config patches', () => {
  it('a dataset brings its problem type and a loss that problem offers', () => {
    expect(datasetPatch(c, 'xor')).toEqual({ dataset: 'xor' });
    expect(datasetPatch({ ...c, loss: 'bce' }, 'regGauss')).toEqual({
      dataset: 'regGauss',
      problem: 'regression',
      loss: 'mse',
      output: 'linear',
    });
    expect(datasetPatch(c, 'blobs')).toEqual({
      dataset: 'blobs',
      problem: 'multiclass',
      loss: 'softmaxCe',
      output: 'softmax',
    });
    expect(problemPatch(c, 'regression')).toEqual({ problem: 'regression', dataset: 'regPlane', output: 'linear' });
    expect(problemPatch(c, 'classification')).toEqual({});
  });

  it('layers and units stay within the limits with a message', () => {
    expect(addLayer(c)).toEqual({ patch: { hidden: [4, 2, 2] } });
    expect(removeLayer({ ...c, hidden: [] })).toEqual({ limit: 'There are no hidden layers to remove.' });
    expect(addLayer({ ...c, hidden: Array<number>(LIMITS.hiddenLayers.max).fill(3) })).toHaveProperty('limit');
    expect(changeUnits(c, 1, 1)).toEqual({ patch: { hidden: [4, 3] } });
    expect(changeUnits({ ...c, hidden: [1] }, 0, -1)).toEqual({ limit: 'Layer 1 needs at least 1 unit.' });
    expect(changeUnits({ ...c, hidden: [16] }, 0, 1)).toHaveProperty('limit');
    expect(changeUnits(c, 5, 1)).toEqual({ limit: 'There is no layer 6.' });
  });

  it('features keep the engine order and never drop to zero', () => {
    expect(toggleFeature({ ...c, features: ['y'] }, 'x', true)).toEqual({ patch: { features: ['x', 'y'] } });
    expect(toggleFeature({ ...c, features: ['y'] }, 'y', false)).toHaveProperty('limit');
  });

  it('typed learning rates are numbers within the limits', () => {
    expect(parseLearningRate(' 0.05 ')).toEqual({ value: 0.05 });
    expect(parseLearningRate('0,3')).toEqual({ value: 0.3 });
    expect(parseLearningRate('1e-3')).toEqual({ value: 0.001 });
    for (const bad of ['', 'abc', '0', '-1', '11', 'NaN', 'Infinity'])
      expect(parseLearningRate(bad)).toEqual({ error: 'Learning rate must be a number from 0.000001 to 10.' });
  });
});

describe('formatting and shortcuts', () => {
  it('formats losses and epochs for the top bar', () => {
    expect(formatNumber(0.04567)).toBe('0.046');
    expect(formatNumber(-0.5)).toBe('−0.500');
    expect(formatNumber(0.00001234)).toBe('1.23e−5');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(NaN)).toBe('–');
    expect(formatEpoch(1234567)).toBe('1,234,567');
    expect(formatEpoch(7)).toBe('000,007');
  });

  it('knows when a key press belongs to a field', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});
