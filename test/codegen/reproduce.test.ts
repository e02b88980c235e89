/**
 * The generated programs reproduce the playground's run: every loss the NumPy program prints is
 * within 1e-9 (relative) of the engine's, and the TypeScript program's are the engine's, bit for
 * bit, on the epochs the chart records.
 */
import { describe, expect, it } from 'vitest';
import { codeExperiment } from '../../src/codegen/experiment.ts';
import { numpyProgram } from '../../src/codegen/numpy.ts';
import { typescriptProgram } from '../../src/codegen/typescript.ts';
import { CHAOTIC_CASES, CODE_CASES, type CodeCase } from './cases.ts';
import { engineLosses, parseLosses, type LossLine } from './engineRun.ts';
import { runPython, runTypeScript } from './runPrograms.ts';

const TOLERANCE = 1e-9;

function relDiff(a: number, b: number): number {
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

function expected(c: CodeCase): LossLine[] {
  return engineLosses(c.config, c.epochs);
}

describe('generated programs against the engine', () => {
  it(`NumPy: ${CODE_CASES.length} experiments, every printed loss within ${TOLERANCE} relative`, async () => {
    const outs = await runPython(CODE_CASES.map((c) => numpyProgram(codeExperiment(c.config, c.epochs))));
    let worst = 0;
    let worstAt = '';
    CODE_CASES.forEach((c, i) => {
      const want = expected(c);
      const got = parseLosses(outs[i]!);
      expect(outs[i], c.name).not.toMatch(/^ERROR/);
      expect(
        got.map((l) => l.epoch),
        c.name,
      ).toEqual(want.map((l) => l.epoch));
      got.forEach((g, j) => {
        for (const key of ['train', 'test'] as const) {
          const d = relDiff(g[key], want[j]![key]);
          if (d > worst) [worst, worstAt] = [d, `${c.name}, epoch ${g.epoch} ${key}`];
        }
      });
    });
    console.info(`codegen: NumPy largest relative difference ${worst.toExponential(2)} (${worstAt})`);
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
  }, 180_000);

  it(`TypeScript: ${CODE_CASES.length + CHAOTIC_CASES.length} experiments, bit for bit`, async () => {
    const cases = [...CODE_CASES, ...CHAOTIC_CASES];
    const outs = await runTypeScript(cases.map((c) => typescriptProgram(codeExperiment(c.config, c.epochs))));
    cases.forEach((c, i) => {
      const got = parseLosses(outs[i]!);
      const want = expected(c);
      expect(got.length, c.name).toBe(want.length);
      // Object.is: the same double, NaN (no test set) included.
      got.forEach((g, j) => {
        expect(
          Object.is(g.train, want[j]!.train) && Object.is(g.test, want[j]!.test),
          `${c.name} epoch ${g.epoch}`,
        ).toBe(true);
      });
    });
  }, 180_000);
});
