import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { configDifferences, describeDifference } from '../../src/ui/compare/configDiff.ts';

const A: ExperimentConfig = { ...DEFAULT_CONFIG };

describe('describeDifference', () => {
  it('says what B changes, in the page words, B first', () => {
    const B = { ...A, learningRate: 0.3, optimizer: 'adam' as const };
    expect(describeDifference({ ...A, learningRate: 0.03 }, B)).toBe(
      'B: learning rate 0.3 instead of 0.03; Adam instead of SGD.',
    );
  });

  it('names layers, features, activation and batch size with their labels', () => {
    const B: ExperimentConfig = {
      ...A,
      hidden: [8, 8],
      features: ['x', 'y', 'x2'],
      activation: 'relu',
      batchSize: 30,
    };
    expect(configDifferences(A, B)).toEqual([
      'features x, y, x² instead of x, y',
      'hidden layers 8, 8 instead of 4, 2',
      'activation ReLU instead of Tanh',
      'batch size 30 instead of 10',
    ]);
  });

  it('ignores the view and the speed, and says when nothing differs', () => {
    const B = { ...A, theme: 'dark' as const, speed: 'max' as const, showTestData: true };
    expect(configDifferences(A, B)).toEqual([]);
    expect(describeDifference(A, B)).toMatch(/^B: the same settings as A/);
  });
});
