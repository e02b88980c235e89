// The engine against test/fixtures/golden-generated.json: NumPy reference numbers written by
// scripts/golden_gen.py (minibatches in a listed order, dropout with listed masks, clipping, every
// schedule, L1 at exact zeros, softmax K = 3..6, momentum and Adam over many steps), through the
// same case runner as `npm run golden`. The generator is the source of truth: when python3 with
// NumPy is present, it is re-run and must reproduce the committed file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatGoldenResult, runGoldenCase, TRAINED_TOLERANCE } from '../../src/nn/golden.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(root, 'test/fixtures/golden-generated.json');
const committed = readFileSync(FIXTURE, 'utf8');
const file = JSON.parse(committed) as { generated_with: string; conventions: string; cases: Json[] };

/** Optimizer steps a case trains: batches per epoch × epochs. */
function steps(c: Json): number {
  const t = c.expected.train;
  const n = c.x.length;
  return (t.steps ?? t.epochs) * Math.ceil(n / (c.batch_size ?? n));
}

describe('generated golden cases (NumPy, scripts/golden_gen.py)', () => {
  for (const c of file.cases) {
    it(`${c.name}: within 1e-9 forward, 1e-6 after training`, () => {
      const r = runGoldenCase(c);
      expect(r.failures, formatGoldenResult(r)).toEqual([]);
      expect(r.compared).toBeGreaterThan(0);
      expect(r.maxError).toBeLessThan(TRAINED_TOLERANCE);
    });
  }
});

describe('the generated file covers what the oracle must check', () => {
  const cases = file.cases;

  it('minibatches in a listed order, with a smaller last batch', () => {
    const mini = cases.filter((c) => c.batch_size !== undefined && c.batch_size < c.x.length);
    expect(mini.length).toBeGreaterThanOrEqual(3);
    expect(mini.some((c) => c.x.length % c.batch_size !== 0)).toBe(true);
    for (const c of mini) expect(c.expected.train.orders).toHaveLength(c.expected.train.epochs);
  });

  it('dropout with listed masks, on one and on two hidden layers', () => {
    const drop = cases.filter((c) => c.dropout > 0);
    expect(drop.map((c) => c.sizes.length - 2).sort()).toEqual([1, 2]);
    for (const c of drop) {
      const flags = (c.expected.train.dropout_masks as unknown[]).flat(5);
      expect(flags).toContain(0);
      expect(flags).toContain(1);
    }
  });

  it('clipping by global norm, and every learning-rate schedule across its change', () => {
    expect(cases.filter((c) => c.clip_norm > 0).length).toBeGreaterThanOrEqual(2);
    const sched = (name: string) => cases.find((c) => c.schedule === name)!.expected.train;
    expect(['constant', 'step', 'exponential', 'cosine'].map((s) => sched(s) !== undefined)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const crosses = (t: Json, at: number) => t.start_epoch < at && t.start_epoch + t.epochs > at;
    expect(crosses(sched('step'), 500)).toBe(true);
    expect(crosses(sched('cosine'), 1000)).toBe(true);
    expect(new Set(sched('exponential').epoch_lr).size).toBe(sched('exponential').epochs);
  });

  it('L1 at exactly zero weights: their gradient is 0 and they stay 0 (subgradient 0 at 0)', () => {
    const l1 = cases.filter((c) => c.regularization === 'l1');
    expect(l1.length).toBeGreaterThanOrEqual(2);
    for (const c of l1) {
      // Input 2 is 0 in every sample and every weight from it starts at 0.
      for (let j = 0; j < c.sizes[1]; j++) {
        expect([c.weights[0][j][2], c.expected.grad_weights[0][j][2], c.expected.train.final_weights[0][j][2]]).toEqual(
          [0, 0, 0],
        );
      }
    }
  });

  it('softmax cross-entropy with K = 3, 4, 5, 6', () => {
    const ks = cases.filter((c) => c.loss === 'softmax_ce').map((c) => c.sizes.at(-1));
    for (const k of [3, 4, 5, 6]) expect(ks).toContain(k);
  });

  it('momentum and Adam over 5 steps or more', () => {
    for (const name of ['momentum', 'adam']) {
      const most = Math.max(...cases.filter((c) => c.optimizer.name === name).map(steps));
      expect(most, name).toBeGreaterThanOrEqual(5);
    }
  });
});

/** Same structure, strings and integers; floats within `tol` relative. Returns the first difference. */
function difference(a: unknown, b: unknown, path: string, tol: number): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b) && a === b) return null;
    return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a)) ? null : `${path}: ${a} vs ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} vs ${b.length} entries`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`, tol);
      if (d !== null) return d;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) return `${path}: keys ${ka.join()} vs ${kb.join()}`;
    for (const k of ka) {
      const d = difference((a as Json)[k], (b as Json)[k], `${path}.${k}`, tol);
      if (d !== null) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** The first python3 that imports NumPy: the one on PATH, else Debian's (where .ci/run installs python3-numpy). */
const python = ['python3', '/usr/bin/python3'].find(
  (py) => spawnSync(py, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0,
);

describe('scripts/golden_gen.py is the source of truth', () => {
  it('re-running it reproduces the committed file', (ctx) => {
    if (python === undefined) return ctx.skip('python3 with numpy is absent, so the generator cannot be re-run here');
    const out = join(mkdtempSync(join(tmpdir(), 'golden-gen-')), 'generated.json');
    const r = spawnSync(python, ['scripts/golden_gen.py', out], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const again = JSON.parse(readFileSync(out, 'utf8')) as typeof file;
    // The NumPy version is provenance, not content. Floats: 1e-12 relative, a thousand times inside
    // the golden tolerance, since NumPy's vectorised exp/tanh may differ in the last bit between CPUs.
    expect(again.generated_with).toMatch(/^numpy [0-9.]+, float64, scripts\/golden_gen\.py$/);
    expect(difference({ ...again, generated_with: '' }, { ...file, generated_with: '' }, 'file', 1e-12)).toBeNull();
  }, 30_000);

  it('the comparison sees a changed number, key or string', () => {
    const a = { x: [1, 2.5], s: 'a' };
    expect(difference(a, { x: [1, 2.5], s: 'a' }, 'f', 1e-12)).toBeNull();
    expect(difference(a, { x: [1, 2.5 + 1e-9], s: 'a' }, 'f', 1e-12)).toBe('f.x[1]: 2.5 vs 2.500000001');
    expect(difference(a, { x: [2, 2.5], s: 'a' }, 'f', 1e-12)).toBe('f.x[0]: 1 vs 2');
    expect(difference(a, { x: [1, 2.5], s: 'b' }, 'f', 1e-12)).toBe('f.s: "a" vs "b"');
    expect(difference(a, { x: [1, 2.5], t: 'a' }, 'f', 1e-12)).toMatch(/keys/);
  });
});
