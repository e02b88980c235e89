// The engine against the NumPy reference numbers (test/fixtures/golden-reference.json, a copy of
// ../shared/golden/reference.json), through the same case runner as `npm run golden`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatGoldenResult, runGoldenCase, runGoldenFile, TRAINED_TOLERANCE } from '../../src/nn/golden.ts';

interface Case {
  name: string;
  expected: { train?: { loss_before_step?: Record<string, number>; final_weights?: number[][][] } };
  activations: string[];
}
const file = JSON.parse(readFileSync(new URL('../fixtures/golden-reference.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

describe('golden reference cases', () => {
  it('holds the cases the reference README describes', () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(11);
    expect(file.cases[0]!.name).toBe('article-xor-no-hidden-layer');
  });

  for (const c of file.cases) {
    it(`${c.name}: forward, loss and gradients ~1e-9, trained weights and losses ~1e-6`, () => {
      const r = runGoldenCase(c);
      expect(r.failures, formatGoldenResult(r)).toEqual([]);
      expect(r.pass).toBe(true);
      expect(r.maxError).toBeLessThan(TRAINED_TOLERANCE);
    });
  }

  it('fails a case whose trained weights are off by 1e-5', () => {
    const c = structuredClone(file.cases[6]!);
    c.expected.train!.final_weights![0]![0]![0]! += 1e-5;
    const r = runGoldenCase(c);
    expect(r.pass).toBe(false);
    expect(r.failures.join()).toMatch(/final_weights/);
  });

  it('fails a case whose loss before a step is off by 1e-5', () => {
    const c = structuredClone(file.cases[2]!);
    c.expected.train!.loss_before_step!['1']! += 1e-5;
    expect(runGoldenCase(c).failures.join()).toMatch(/loss_before_step\[1\]/);
  });

  it('reports a malformed case as a failure with its reason, never a throw', () => {
    const c = structuredClone(file.cases[3]!);
    c.activations[0] = 'bogus';
    const r = runGoldenCase(c);
    expect(r.pass).toBe(false);
    expect(r.failures[0]).toMatch(/Unknown activation: bogus/);
    expect(runGoldenCase(null).pass).toBe(false);
    expect(() => runGoldenFile({ nope: 1 })).toThrow(/cases/);
  });
});
