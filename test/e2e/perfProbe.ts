/**
 * The fluidity judgement the perf specs share (worker-perf.spec.ts, hood-perf.spec.ts): up to three
 * 5 s tries of training `patch` at full speed, each traced for main-thread CPU, then
 * - by CPU time (the app's own cost, which other processes on the cores hardly change), on every
 *   try: ≤ 20 ms of main-thread CPU per frame drawn (judged from 10 fps, when the page's per-second
 *   work no longer dominates) and no task over 100 ms of CPU;
 * - by the wall clock, on the best try: ≥ 40 fps and no long task over 200 ms, unless the machine
 *   was busy with other work (1-minute load over twice the cores), which the test then says.
 * These are the bounds a healthy run on the 2-core machine meets with margin; the ≥ 55 fps target
 * is `npm run bench`'s (docs/measurements.md).
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import type { ExperimentConfig } from '../../src/share/config.ts';
import { measureTraining, type PerfResult } from '../../scripts/perf-probe.ts';
import { traceMainThread, type MainThreadTasks } from '../../scripts/perf-trace.ts';
import { expect, test } from './fixtures.ts';

export const BOUNDS = { cpuMsPerFrame: 20, taskCpuMs: 100, fps: 40, longTaskMs: 200 };

/** One 5 s measurement, its main-thread trace, and the machine's load when it started. */
export interface PerfTry {
  r: PerfResult;
  tasks: MainThreadTasks;
  load: number;
}

const fluid = (r: PerfResult) => r.fps >= BOUNDS.fps && r.longestTaskMs <= BOUNDS.longTaskMs;

/** Up to three tries, stopping at the first fluid one; each logged with `label`. */
export async function measureTries(page: Page, patch: Partial<ExperimentConfig>, label: string): Promise<PerfTry[]> {
  const tries: PerfTry[] = [];
  for (let i = 0; i < 3 && !tries.some((t) => fluid(t.r)); i++) {
    const load = loadavg()[0]!;
    const [r, tasks] = await traceMainThread(page, () => measureTraining(page, patch, 5));
    tries.push({ r, tasks, load });
    console.log(
      `${label}: fps ${r.fps.toFixed(1)}, worst frame ${r.worstFrameMs.toFixed(1)} ms, long tasks ${r.longTasks} (max ${r.longestTaskMs.toFixed(0)} ms), ` +
        `main CPU ${r.mainThreadCpuMsPerFrame.toFixed(1)} ms/frame, longest task CPU ${tasks.longestCpuMs.toFixed(0)} ms, ` +
        `worker ${r.workerEpochsPerSecond.toFixed(0)} epochs/s, ${r.snapshotsPerSecond.toFixed(1)} snapshots/s, load ${load.toFixed(1)}`,
    );
  }
  return tries;
}

/** Asserts the bounds above: CPU on every try, the wall clock on the best (or says why not). */
export function expectFluid(tries: readonly PerfTry[]): void {
  for (const { r, tasks } of tries) {
    if (r.fps >= 10) expect(r.mainThreadCpuMsPerFrame).toBeLessThanOrEqual(BOUNDS.cpuMsPerFrame);
    expect(tasks.longestCpuMs).toBeLessThanOrEqual(BOUNDS.taskCpuMs);
  }
  // The fluid try if there is one, else the one with the highest frame rate.
  const best = tries.find((t) => fluid(t.r)) ?? tries.reduce((a, b) => (b.r.fps > a.r.fps ? b : a));
  const busy = Math.min(...tries.map((t) => t.load)) > 2 * availableParallelism();
  if (!fluid(best.r) && busy) {
    test.info().annotations.push({
      type: 'wall clock not judged',
      description: `machine busy (load ${best.load.toFixed(1)}): best try ${best.r.fps.toFixed(1)} fps, longest task ${best.r.longestTaskMs.toFixed(0)} ms`,
    });
  } else {
    expect(best.r.fps).toBeGreaterThanOrEqual(BOUNDS.fps);
    expect(best.r.longestTaskMs).toBeLessThanOrEqual(BOUNDS.longTaskMs);
  }
}
