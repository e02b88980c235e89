/**
 * Measures a page of the built app while it trains: frame rate (requestAnimationFrame), long
 * tasks (PerformanceObserver 'longtask'), and the epochs per second the worker achieved while its
 * snapshots streamed. Shared by the browser bench (scripts/bench-browser.ts) and the real-browser
 * test (test/e2e/worker-perf.spec.ts). The page must have been opened with
 * `window.__PLAYGROUND_TEST__ = true` set by an init script (see src/state/testHook.ts).
 */
import type { Page } from '@playwright/test';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../src/share/config.ts';
import type {} from '../src/state/testHook.ts';

/** The engine bench's `large`: spiral, 500 points (half for training), batch 10, six hidden layers of 8 tanh. */
export const LARGE_PATCH: Partial<ExperimentConfig> = {
  dataset: 'spiral',
  samples: 500,
  trainPercent: 50,
  noise: 0,
  batchSize: 10,
  hidden: [8, 8, 8, 8, 8, 8],
  activation: 'tanh',
  features: ['x', 'y'],
  problem: 'classification',
  loss: 'mse',
  init: 'uniform',
  learningRate: 0.03,
  optimizer: 'sgd',
  speed: 'max',
};

/** The largest network the page allows: 8 hidden layers of 16 (LIMITS), every input feature. */
export const LARGEST_PATCH: Partial<ExperimentConfig> = {
  ...LARGE_PATCH,
  hidden: [16, 16, 16, 16, 16, 16, 16, 16],
  features: ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY', 'cosX', 'cosY'],
};

/** TF Playground's defaults (circle, 2-4-2-1 tanh, batch 10, lr 0.03) at full speed. */
export const DEFAULT_PATCH: Partial<ExperimentConfig> = { ...DEFAULT_CONFIG, speed: 'max' };

export interface PerfResult {
  seconds: number;
  frames: number;
  fps: number;
  /** Longest gap between two animation frames, ms. */
  worstFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  epochs: number;
  workerEpochsPerSecond: number;
  snapshots: number;
  snapshotsPerSecond: number;
  /**
   * CPU time from Chromium's own counters (CDP Performance.getMetrics), which hold up better than
   * the wall clock when other processes share the cores: the main thread's CPU ms per frame drawn
   * (under 16.7 leaves room for 60 fps), and epochs per CPU second of the renderer's other threads
   * (the worker, plus compositor/raster threads, so a lower bound for the worker alone).
   */
  mainThreadCpuMsPerFrame: number;
  mainThreadCpuShare: number;
  epochsPerOtherCpuSecond: number;
}

export async function openForTest(page: Page, path = '/'): Promise<void> {
  await page.addInitScript('window.__PLAYGROUND_TEST__ = true;');
  await page.goto(path);
  // Plain function predicates (no inner named functions, which tsx would wrap in __name helpers):
  // a string predicate would need eval, which the app's Content-Security-Policy forbids.
  await page.waitForFunction(() => window.__playground?.getState().worker === 'ready', undefined, {
    timeout: 20_000,
  });
}

/** Apply the config through the store, wait until its run shows, and let the page settle. */
export async function applyConfig(page: Page, patch: Partial<ExperimentConfig>): Promise<void> {
  await page.evaluate(`window.__playground.getState().setConfig(${JSON.stringify(patch)})`);
  await page.waitForFunction(
    () =>
      window.__playground!.getState().runInfo !== null &&
      window.__playground!.getState().snapshot?.runId === window.__playground!.getState().runId,
  );
  // Let the page settle (first canvas paints, layout) before measuring.
  await page.waitForTimeout(500);
}

/** Apply the config, wait for its run to show, then play for `seconds` and measure. */
export async function measureTraining(
  page: Page,
  patch: Partial<ExperimentConfig>,
  seconds: number,
): Promise<PerfResult> {
  await applyConfig(page, patch);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { thread: get('ThreadTime'), process: get('ProcessTime') };
  };
  const before = await cpu();
  const r = (await page.evaluate(`(${MEASURE_IN_PAGE})(${Number(seconds)})`)) as Omit<
    PerfResult,
    'mainThreadCpuMsPerFrame' | 'mainThreadCpuShare' | 'epochsPerOtherCpuSecond'
  >;
  const after = await cpu();
  await cdp.detach();
  // The counters include the two CDP round trips around the measurement: negligible over seconds.
  const mainCpu = after.thread - before.thread;
  const otherCpu = after.process - before.process - mainCpu;
  return {
    ...r,
    mainThreadCpuMsPerFrame: (mainCpu * 1000) / Math.max(1, r.frames),
    mainThreadCpuShare: mainCpu / r.seconds,
    epochsPerOtherCpuSecond: r.epochs / otherCpu,
  };
}

export interface PlayButtonResult {
  seconds: number;
  epochs: number;
  epochsPerSecond: number;
}

/**
 * Epochs per second as a person gets them: apply the config, click the page's own Play button,
 * count the store's run.epoch (what the top bar shows) over `seconds`, then click Pause.
 */
export async function measurePlayButton(
  page: Page,
  patch: Partial<ExperimentConfig>,
  seconds: number,
): Promise<PlayButtonResult> {
  await applyConfig(page, patch);
  const button = page.locator('[data-control="play"]');
  await button.click();
  await page.waitForFunction(() => window.__playground!.getState().run.status === 'running');
  const r = (await page.evaluate(`(async (secs) => {
    const pg = window.__playground;
    const e0 = pg.getState().run.epoch;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, secs * 1000));
    return { epochs: pg.getState().run.epoch - e0, seconds: (performance.now() - t0) / 1000 };
  })(${Number(seconds)})`)) as { epochs: number; seconds: number };
  await button.click();
  await page.waitForFunction(() => window.__playground!.getState().run.status === 'paused');
  return { ...r, epochsPerSecond: r.epochs / r.seconds };
}

/**
 * The in-page half, as source text: tsx (esbuild with keepNames) would wrap a function literal in
 * `__name(...)` helpers that do not exist in the page, so the function travels as a string.
 */
const MEASURE_IN_PAGE = `async (secs) => {
  const pg = window.__playground;
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  const frames = [];
  const handle = { raf: 0 };
  const onFrame = (t) => {
    frames.push(t);
    handle.raf = requestAnimationFrame(onFrame);
  };
  let snapshots = 0;
  let last = pg.getState().snapshot;
  const off = pg.subscribe((s) => {
    if (s.snapshot !== last) {
      last = s.snapshot;
      snapshots++;
    }
  });
  handle.raf = requestAnimationFrame(onFrame);
  const e0 = pg.getState().run.epoch;
  const t0 = performance.now();
  pg.getState().play();
  await new Promise((r) => setTimeout(r, secs * 1000));
  const e1 = pg.getState().run.epoch;
  const t1 = performance.now();
  pg.getState().pause();
  cancelAnimationFrame(handle.raf);
  off();
  for (const e of observer.takeRecords()) longTasks.push(e.duration);
  observer.disconnect();
  let worst = 0;
  for (let i = 1; i < frames.length; i++) worst = Math.max(worst, frames[i] - frames[i - 1]);
  const span = frames.length > 1 ? (frames[frames.length - 1] - frames[0]) / 1000 : secs;
  const elapsed = (t1 - t0) / 1000;
  return {
    seconds: elapsed,
    frames: frames.length,
    fps: (frames.length - 1) / span,
    worstFrameMs: worst,
    longTasks: longTasks.length,
    longestTaskMs: longTasks.reduce((a, b) => Math.max(a, b), 0),
    epochs: e1 - e0,
    workerEpochsPerSecond: (e1 - e0) / elapsed,
    snapshots,
    snapshotsPerSecond: snapshots / elapsed,
  };
}`;
