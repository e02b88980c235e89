/**
 * The engine's losses for an experiment, on the epochs the chart records: what a generated
 * program must print. Same flow as the worker (src/worker/runLoop.ts): evaluate at epoch 0, then
 * after each finite epoch whose number the evaluation stride hits.
 */
import type { ExperimentConfig } from '../../src/share/config.ts';
import { buildRun } from '../../src/worker/build.ts';
import { evaluationStride } from '../../src/worker/protocol.ts';

export interface LossLine {
  epoch: number;
  train: number;
  test: number;
}

export function engineLosses(config: ExperimentConfig, epochs: number): LossLine[] {
  const b = buildRun(0, config, { output: 2, hidden: 2 });
  const lines: LossLine[] = [];
  const report = (epoch: number) => {
    const train = b.trainer.evaluate(b.train).loss;
    const test = b.test.n > 0 ? b.trainer.evaluate(b.test).loss : NaN;
    lines.push({ epoch, train, test });
  };
  report(0);
  for (let e = 1; e <= epochs; e++) {
    const r = b.trainer.epoch();
    if (!(r.finite && Number.isFinite(r.loss))) break;
    if (e % evaluationStride(e) === 0) report(e);
  }
  return lines;
}

/** The `epoch <n> train_loss <x> test_loss <y>` lines of a program's output. */
export function parseLosses(stdout: string): LossLine[] {
  const out: LossLine[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^epoch (\d+) train_loss (\S+) test_loss (\S+)$/.exec(line.trim());
    if (m) out.push({ epoch: Number(m[1]), train: parseNumber(m[2]!), test: parseNumber(m[3]!) });
  }
  return out;
}

function parseNumber(s: string): number {
  if (s === 'nan' || s === 'NaN') return NaN;
  if (s === 'inf' || s === 'Infinity') return Infinity;
  if (s === '-inf' || s === '-Infinity') return -Infinity;
  return Number(s);
}
