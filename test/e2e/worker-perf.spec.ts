/**
 * Trains the `large` network at full speed for 5 s in the built app and records the page's frame
 * rate, long tasks and the worker's epochs per second. `npm run bench` checks the full targets
 * (≥ 55 fps, no long task over 50 ms); this test asserts bounds a healthy run on this 2-core
 * machine meets with margin, so that it fails when fluidity regresses:
 * - by CPU time (the app's own cost, which other processes on the cores hardly change): the main
 *   thread spends ≤ 20 ms of CPU per frame drawn (about 10 ms measured at 20–35 fps; 15 ms at
 *   5 fps, when fewer frames share the per-second work, so judged from 10 fps) and no task takes
 *   over 100 ms of CPU (about 20 ms measured). Judged on every try.
 * - by the wall clock: ≥ 40 fps and no long task over 200 ms, in the best of up to three 5 s
 *   tries. Judged unless the machine was busy with other work (1-minute load average over twice
 *   the cores: then one try is slowed by the others, not by the app; the test says so).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { test, expect } from './fixtures.ts';
import { applyConfig, LARGE_PATCH, measureTraining, openForTest, type PerfResult } from '../../scripts/perf-probe.ts';
import { traceMainThread, type MainThreadTasks } from '../../scripts/perf-trace.ts';

const results = process.env.E2E_RESULTS ?? 'test-results';
const BOUNDS = { cpuMsPerFrame: 20, taskCpuMs: 100, fps: 40, longTaskMs: 200 };
const fluid = (r: PerfResult) => r.fps >= BOUNDS.fps && r.longestTaskMs <= BOUNDS.longTaskMs;

test('the page stays fluid while the worker trains the large network at full speed', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(90_000);
  await openForTest(page);
  // The new run's first draw (a new network's diagram) is not what this test judges.
  await applyConfig(page, LARGE_PATCH);
  const tries: { r: PerfResult; tasks: MainThreadTasks; load: number }[] = [];
  for (let i = 0; i < 3 && !tries.some((t) => fluid(t.r)); i++) {
    const load = loadavg()[0]!;
    const [r, tasks] = await traceMainThread(page, () => measureTraining(page, LARGE_PATCH, 5));
    tries.push({ r, tasks, load });
    console.log(
      `fps ${r.fps.toFixed(1)}, worst frame ${r.worstFrameMs.toFixed(1)} ms, long tasks ${r.longTasks} (max ${r.longestTaskMs.toFixed(0)} ms), ` +
        `main CPU ${r.mainThreadCpuMsPerFrame.toFixed(1)} ms/frame, longest task CPU ${tasks.longestCpuMs.toFixed(0)} ms, ` +
        `worker ${r.workerEpochsPerSecond.toFixed(0)} epochs/s, ${r.snapshotsPerSecond.toFixed(1)} snapshots/s, load ${load.toFixed(1)}`,
    );
  }
  mkdirSync(results, { recursive: true });
  writeFileSync(`${results}/worker-perf.json`, JSON.stringify(tries, null, 2));
  for (const { r, tasks } of tries) {
    // The app's own cost, judged on every try; per frame only when frames came often enough
    // that the page's per-second work (numbers, chart, matrix: 10 times a second) does not dominate.
    if (r.fps >= 10) expect(r.mainThreadCpuMsPerFrame).toBeLessThanOrEqual(BOUNDS.cpuMsPerFrame);
    expect(tasks.longestCpuMs).toBeLessThanOrEqual(BOUNDS.taskCpuMs);
    expect(r.workerEpochsPerSecond).toBeGreaterThan(20);
    // Flow control: at least one snapshot per ACK_TIMEOUT_MS, at most one per frame.
    expect(r.snapshotsPerSecond).toBeGreaterThan(2);
    expect(r.snapshotsPerSecond).toBeLessThan(65);
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
  // The run is paused and its numbers are finite.
  const run = await page.evaluate(() => window.__playground!.getState().run);
  expect(run.status).toBe('paused');
  expect(Number.isFinite(run.trainLoss)).toBe(true);
  expect(consoleProblems).toEqual([]);
});

test('play, pause, step and reset reach the worker and come back', async ({ page, consoleProblems }) => {
  await openForTest(page);
  const state = () =>
    page.evaluate(() => {
      const s = window.__playground!.getState();
      return { status: s.run.status, epoch: s.run.epoch, runId: s.runId, snap: s.snapshot?.epoch ?? -1 };
    });
  await page.waitForFunction(() => window.__playground!.getState().snapshot !== null);
  await page.evaluate(() => window.__playground!.getState().step());
  await expect.poll(async () => (await state()).epoch).toBe(1);
  const first = await page.evaluate(() => Array.from(window.__playground!.getState().snapshot!.params));
  await page.evaluate(() => window.__playground!.getState().play());
  await expect.poll(async () => (await state()).epoch).toBeGreaterThan(50);
  await page.evaluate(() => window.__playground!.getState().pause());
  await expect.poll(async () => (await state()).status).toBe('paused');
  const before = await state();
  await page.evaluate(() => window.__playground!.getState().reset());
  await expect.poll(async () => (await state()).snap).toBe(0);
  const after = await state();
  expect(after.runId).toBeGreaterThan(before.runId);
  await page.evaluate(() => window.__playground!.getState().step());
  await expect.poll(async () => (await state()).epoch).toBe(1);
  // Same seed → same start: epoch 1 after a reset equals epoch 1 of the first run.
  const again = await page.evaluate(() => Array.from(window.__playground!.getState().snapshot!.params));
  expect(again).toEqual(first);
  expect(consoleProblems).toEqual([]);
});

test('a learning rate of 10 diverges in the worker: the run stops and says why; Reset starts again', async ({
  page,
  consoleProblems,
}) => {
  await openForTest(page);
  await page.evaluate(() =>
    window.__playground!.getState().setConfig({
      dataset: 'regPlane',
      problem: 'regression',
      activation: 'linear',
      learningRate: 10,
    }),
  );
  await page.waitForFunction(() => window.__playground!.getState().snapshot !== null);
  await page.evaluate(() => window.__playground!.getState().play());
  await page.waitForFunction(() => window.__playground!.getState().run.status === 'diverged');
  const run = await page.evaluate(() => window.__playground!.getState().run);
  expect(run.message).toMatch(/at epoch \d+/);
  await page.evaluate(() => window.__playground!.getState().reset());
  await page.waitForFunction(() => window.__playground!.getState().snapshot?.epoch === 0);
  expect(await page.evaluate(() => window.__playground!.getState().run.status)).toBe('idle');
  expect(consoleProblems).toEqual([]);
});
