/**
 * Trains the `large` network at full speed for 5 s in the built app and records the page's frame
 * rate, long tasks and the worker's epochs per second. `npm run bench` checks the full targets
 * (≥ 55 fps, no long task over 50 ms); this test asserts the bounds of ./perfProbe.ts, which a
 * healthy run on this 2-core machine meets with margin, so that it fails when fluidity regresses
 * (measured: about 10 ms of main-thread CPU per frame at 20–35 fps, 15 ms at 5 fps; the longest
 * task about 20 ms of CPU).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { applyConfig, LARGE_PATCH, openForTest } from '../../scripts/perf-probe.ts';
import { expectFluid, measureTries } from './perfProbe.ts';

const results = process.env.E2E_RESULTS ?? 'test-results';

test('the page stays fluid while the worker trains the large network at full speed', async ({
  page,
  consoleProblems,
}) => {
  test.setTimeout(90_000);
  await openForTest(page);
  // The new run's first draw (a new network's diagram) is not what this test judges.
  await applyConfig(page, LARGE_PATCH);
  const tries = await measureTries(page, LARGE_PATCH, 'large network');
  mkdirSync(results, { recursive: true });
  writeFileSync(`${results}/worker-perf.json`, JSON.stringify(tries, null, 2));
  expectFluid(tries);
  for (const { r } of tries) {
    expect(r.workerEpochsPerSecond).toBeGreaterThan(20);
    // Flow control: at least one snapshot per ACK_TIMEOUT_MS, at most one per frame.
    expect(r.snapshotsPerSecond).toBeGreaterThan(2);
    expect(r.snapshotsPerSecond).toBeLessThan(65);
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
