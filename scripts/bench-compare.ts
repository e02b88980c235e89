// The `compare` scenario of `npm run bench` (in app): two runs A and B of the `large` net in
// lockstep, each in its own worker (src/state/compare.ts). Measured like in-app-fps: frame rate
// and long tasks on the main thread while both train at full speed, and each run's epochs per
// second against the single run's in-app rate measured just before on the same page.
// Targets: each run >= 0.45 x the single-run rate, >= 55 fps, no long task (none over 50 ms).
import type { Page } from '@playwright/test';
import { applyConfig, LARGE_PATCH, measureTraining, type PerfResult } from './perf-probe.ts';

export interface CompareResult extends PerfResult {
  /** Epochs per second of run B over the same time (run A's is workerEpochsPerSecond). */
  bEpochsPerSecond: number;
}

/** With the `large` net loaded: open Compare, give B another learning rate, and measure both training. */
export async function measureCompare(page: Page, seconds: number): Promise<CompareResult> {
  await applyConfig(page, LARGE_PATCH);
  await page.locator('[data-control="compare"]').click();
  await page.waitForFunction(() => window.__compare?.slot('B')?.snapshot != null, undefined, { timeout: 20_000 });
  await page.evaluate(() => {
    window.__compare!.setEditing('B');
    window.__playground!.getState().setConfig({ learningRate: 0.01 });
    window.__compare!.setEditing('A');
  });
  const b0 = (await page.evaluate(() => window.__compare!.epochs()))!.B;
  // measureTraining applies the (unchanged) config, then plays the store's run: Play acts on both.
  const r = await measureTraining(page, LARGE_PATCH, seconds);
  const b1 = (await page.evaluate(() => window.__compare!.epochs()))!.B;
  await page.locator('[data-control="keep-a"]').click();
  // B trains only between the measurement's Play and Pause (Pause stops both at one epoch).
  return { ...r, bEpochsPerSecond: (b1 - b0) / r.seconds };
}

/** The same at a projector's size: 1920×1080 in the projector theme, where more of both runs is in view. */
export async function measureCompareProjector(page: Page, seconds: number): Promise<CompareResult> {
  const size = page.viewportSize();
  const theme = page.locator('[data-control="theme"] select');
  const before = await theme.inputValue();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await theme.selectOption('projector');
  try {
    return await measureCompare(page, seconds);
  } finally {
    await theme.selectOption(before);
    if (size) await page.setViewportSize(size);
  }
}
