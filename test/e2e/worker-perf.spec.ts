/**
 * Trains the `large` network at full speed for 5 s in the built app and records the page's frame
 * rate and long tasks and the worker's epochs per second. Speed targets (≥ 55 fps, no long task
 * over 50 ms, ≥ half the engine's Node epochs/s) are checked by `npm run bench`; this test asserts
 * generous sanity bounds only, so a busy machine does not make it flaky, and saves the figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { LARGE_PATCH, measureTraining, openForTest } from '../../scripts/perf-probe.ts';

const results = process.env.E2E_RESULTS ?? 'test-results';

test('the page stays fluid while the worker trains the large network at full speed', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(60_000);
  await openForTest(page);
  const r = await measureTraining(page, LARGE_PATCH, 5);
  mkdirSync(results, { recursive: true });
  writeFileSync(`${results}/worker-perf.json`, JSON.stringify(r, null, 2));
  console.log(
    `fps ${r.fps.toFixed(1)}, worst frame ${r.worstFrameMs.toFixed(1)} ms, long tasks ${r.longTasks} (max ${r.longestTaskMs.toFixed(0)} ms), ` +
      `worker ${r.workerEpochsPerSecond.toFixed(0)} epochs/s, ${r.snapshotsPerSecond.toFixed(1)} snapshots/s`,
  );
  // Sanity only (2 shared cores): the page keeps drawing, nothing blocks it for a second, the
  // worker trains, and snapshots stream but never faster than the display.
  // (On this machine shared by several test runs, 10 fps and half-second tasks have been seen.)
  expect(r.fps).toBeGreaterThan(4);
  expect(r.longestTaskMs).toBeLessThan(2000);
  expect(r.workerEpochsPerSecond).toBeGreaterThan(20);
  // Flow control: at least one per ACK_TIMEOUT_MS, at most one per frame.
  expect(r.snapshotsPerSecond).toBeGreaterThan(2);
  expect(r.snapshotsPerSecond).toBeLessThan(65);
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
