// The engine against the NumPy reference numbers (test/fixtures/golden-reference.json, a copy of
// ../shared/golden/reference.json), through the same case runner as `npm run golden`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('npm run golden (scripts/golden.ts)', () => {
  // tsx through its public entry point (`node --import tsx`), as `npm run golden` runs it; never a file inside its package.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const run = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/golden.ts', file], { encoding: 'utf8', cwd: root });

  it('prints a line per case and the totals, exit 0 when all pass', () => {
    const r = run('test/fixtures/golden-reference.json');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(file.cases.length + 1);
    expect(lines[0]).toMatch(/^PASS article-xor-no-hidden-layer \(max error [0-9.e+-]+\)$/);
    expect(lines.at(-1)).toBe(`${file.cases.length} passed, 0 failed`);
    expect(r.status).toBe(0);
  }, 20_000);

  it('exits non-zero and says FAIL when a case is off', () => {
    const bad = structuredClone(file);
    bad.cases[2]!.expected.train!.loss_before_step!['0']! += 1e-3;
    const path = join(mkdtempSync(join(tmpdir(), 'golden-')), 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    const r = run(path);
    expect(r.stdout).toMatch(/^FAIL tanh-sigmoid-bce-sgd \(max error .*loss_before_step\[0\]/m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`${file.cases.length - 1} passed, 1 failed`);
    expect(r.status).toBe(1);
  }, 20_000);

  it('refuses a case that compares nothing or holds a null, with the reason, in the same totals', () => {
    const empty = { ...structuredClone(file.cases[3]!), expected: {} };
    const holed = structuredClone(file.cases[3]!) as unknown as { name: string; expected: { loss: unknown } };
    holed.name = 'holed';
    holed.expected.loss = null;
    const path = join(mkdtempSync(join(tmpdir(), 'golden-')), 'refused.json');
    writeFileSync(path, JSON.stringify({ cases: [empty, holed] }));
    const r = run(path);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^FAIL tanh-tanh-mse-sgd \(max error n\/a\): cannot run: .*compares nothing/);
    expect(lines[1]).toMatch(/^FAIL holed \(max error n\/a\): cannot run: expected\.loss must be a number, got null$/);
    expect(lines.at(-1)).toBe('0 passed, 2 failed');
    expect(r.status).toBe(1);
  }, 20_000);
});
