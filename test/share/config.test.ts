import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, networkSizes, type ExperimentConfig } from '../../src/share/config.ts';

describe('networkSizes', () => {
  it('is [features, ...hidden, outputs]: one output, or one per class for multiclass', () => {
    expect(networkSizes(DEFAULT_CONFIG)).toEqual([2, 4, 2, 1]);
    const c: ExperimentConfig = { ...DEFAULT_CONFIG, features: ['x', 'y', 'xy'], hidden: [], classes: 4 };
    expect(networkSizes(c)).toEqual([3, 1]);
    expect(networkSizes({ ...c, problem: 'regression' })).toEqual([3, 1]);
    expect(networkSizes({ ...c, problem: 'multiclass' })).toEqual([3, 4]);
  });
});
