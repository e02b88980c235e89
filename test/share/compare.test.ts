import { describe, expect, it } from 'vitest';
import { decodeCompareValue, encodeComparePair, secondConfig } from '../../src/share/compare.ts';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { decodeHash, encodeHash, splitHash } from '../../src/share/hash.ts';
import { experimentJson, readExperiment, type Experiment } from '../../src/share/file.ts';

const A: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'xor', hidden: [4, 2] };
const B: ExperimentConfig = { ...A, learningRate: 0.3, optimizer: 'adam', hidden: [8] };

describe('the comparison in a link', () => {
  it('round-trips B and the run being edited beside an unchanged run A', () => {
    const hash = `${encodeHash(A).hash}&${encodeComparePair(A, B, 'B')}`;
    const params = splitHash(hash);
    const a = decodeHash(hash);
    expect(a.config).toEqual(A); // a playground without Compare reads run A as before
    expect(a.notices).toEqual([]);
    const { comparison, notices } = decodeCompareValue(params.get('compare'), a.config);
    expect(notices).toEqual([]);
    expect(comparison).toEqual({ b: B, editing: 'B' });
  });

  it('takes the shared settings (data, seed, speed) from A', () => {
    const own = { learningRate: 0.1, dataset: 'spiral', seed: 7, speed: 'max' };
    const { config } = secondConfig(A, own);
    expect(config).toEqual({ ...A, learningRate: 0.1 });
  });

  it('reads damaged or foreign values as "no comparison" with a notice, never a throw', () => {
    for (const bad of ['%%%', 'N4Ig', 'abc', encodeComparePair(A, B, 'A').slice(8, 20)]) {
      const r = decodeCompareValue(bad, A);
      expect(r.comparison).toBeNull();
      expect(r.notices[0]?.message).toMatch(/^compare: .*opened run A alone\.$/);
    }
    expect(decodeCompareValue(undefined, A)).toEqual({ comparison: null, notices: [] });
  });

  it('validates B through the schema: an out-of-range value is clamped with a notice naming B', () => {
    const hash = encodeComparePair(A, { ...A, learningRate: 1e9 }, 'A');
    const r = decodeCompareValue(hash.slice('compare='.length), A);
    expect(r.comparison!.b.learningRate).toBeLessThan(1e9);
    expect(r.notices.some((n) => n.message.startsWith('B: '))).toBe(true);
  });
});

describe('the comparison in a file', () => {
  const weights = { weights: [[[0.5, -0.25]]], biases: [[0.1]] };
  const a: Experiment = { config: { ...A, hidden: [] }, epoch: 3, history: [], weights };
  const b: Experiment = { config: { ...B, hidden: [] }, epoch: 3, history: [], weights };

  it('round-trips run B (weights, epoch) and the run being edited', () => {
    const json = JSON.parse(JSON.stringify(experimentJson({ ...a, compare: { editing: 'B', b } })));
    expect(json.compare.version).toBe(1);
    const r = readExperiment(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.experiment.config).toEqual(a.config);
    expect(r.experiment.compare).toEqual({ editing: 'B', b });
  });

  it('leaves a file without a comparison as it was, and drops an unreadable one with a notice', () => {
    const plain = readExperiment(JSON.parse(JSON.stringify(experimentJson(a))));
    expect(plain.ok && plain.experiment.compare).toBe(undefined);
    const bad = readExperiment({ ...experimentJson(a), compare: { version: 9, b: {} } });
    expect(bad.ok && bad.experiment.compare).toBe(undefined);
    expect(bad.ok && bad.notices.map((n) => n.field)).toEqual(['compare']);
  });
});
