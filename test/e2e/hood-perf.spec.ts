/**
 * Under the hood open (an explained step on screen, the diagram's overlay drawn) while the worker
 * trains the large network at full speed: the page stays fluid. Judged like worker-perf.spec.ts
 * (CPU per frame and per task on every try; the wall clock's frame rate and long tasks on the best
 * of up to three 5 s tries, unless the machine is busy with other work, which the test then says).
 * The bounds are worker-perf.spec.ts's for a healthy run; the ≥ 55 fps target itself is measured by
 * `npm run bench` (docs/measurements.md), not asserted by a timed test.
 */
import { availableParallelism, loadavg } from 'node:os';
import { test, expect } from './fixtures.ts';
import { applyConfig, LARGE_PATCH, measureTraining, openForTest, type PerfResult } from '../../scripts/perf-probe.ts';
import { traceMainThread, type MainThreadTasks } from '../../scripts/perf-trace.ts';

const BOUNDS = { cpuMsPerFrame: 20, taskCpuMs: 100, fps: 40, longTaskMs: 200 };
const fluid = (r: PerfResult) => r.fps >= BOUNDS.fps && r.longestTaskMs <= BOUNDS.longTaskMs;

test('the page stays fluid with Under the hood open while the large network trains', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(120_000);
  await openForTest(page);
  await applyConfig(page, LARGE_PATCH);
  await page.getByRole('button', { name: 'Explain step' }).click();
  await expect(page.getByTestId('hood-phase')).toHaveText(/^Forward · layer 1 of 7 · phase 1 of 29$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('hood-overlay')).toBeAttached();
  const tries: { r: PerfResult; tasks: MainThreadTasks; load: number }[] = [];
  for (let i = 0; i < 3 && !tries.some((t) => fluid(t.r)); i++) {
    const load = loadavg()[0]!;
    const [r, tasks] = await traceMainThread(page, () => measureTraining(page, LARGE_PATCH, 5));
    tries.push({ r, tasks, load });
    console.log(
      `hood open: fps ${r.fps.toFixed(1)}, long tasks ${r.longTasks} (max ${r.longestTaskMs.toFixed(0)} ms), ` +
        `main CPU ${r.mainThreadCpuMsPerFrame.toFixed(1)} ms/frame, longest task CPU ${tasks.longestCpuMs.toFixed(0)} ms, load ${load.toFixed(1)}`,
    );
  }
  await expect(page.getByRole('region', { name: 'Under the hood' })).toBeVisible();
  for (const { r, tasks } of tries) {
    if (r.fps >= 10) expect(r.mainThreadCpuMsPerFrame).toBeLessThanOrEqual(BOUNDS.cpuMsPerFrame);
    expect(tasks.longestCpuMs).toBeLessThanOrEqual(BOUNDS.taskCpuMs);
  }
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
  expect(consoleProblems).toEqual([]);
});
