// Browser figures for `npm run bench`: builds the app (dist-bench/), serves it with vite preview on
// 127.0.0.1, opens it in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium, with the
// args of playwright.config.ts), trains the `large` network at full speed for 5 s with the page's
// views on, then the largest network the page allows (8 hidden layers of 16, all 9 features), and
// reports:
//   browser-fps         main-thread frame rate (requestAnimationFrame)        target >= 55 fps
//   browser-long-tasks  long tasks on the main thread (PerformanceObserver)   target none over 50 ms
//   browser-worker      epochs/s reached in the worker while snapshots stream target >= half the Node `large` figure
//   browser-largest     frame rate and long tasks with the largest network    target >= 55 fps, none over 50 ms
// One browser session serves all four; the Node `large` figure is measured in the same process.
// Targets are judged on the wall clock. Beside them, CPU figures from Chromium's counters show the
// code's own cost when other processes share the cores: main-thread CPU ms per frame (< 16.7 leaves
// room for 60 fps) and epochs per CPU second of the renderer's non-main threads vs Node's per CPU second.
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import playwrightConfig from '../playwright.config.ts';
import type { Bench, BenchResult } from './bench.ts';
import { LARGE_PATCH, LARGEST_PATCH, measureTraining, openForTest, type PerfResult } from './perf-probe.ts';

const OUT_DIR = 'dist-bench';
const SECONDS = 5;

export interface BrowserFigures {
  large: PerfResult;
  /** The largest network the page allows (LARGEST_PATCH), same page, right after. */
  largest: PerfResult;
}

export async function measureBrowser(seconds = SECONDS): Promise<BrowserFigures> {
  await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 4390), strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report an address');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: playwrightConfig.use?.launchOptions?.args ?? [],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openForTest(page, url);
    const large = await measureTraining(page, LARGE_PATCH, seconds);
    const largest = await measureTraining(page, LARGEST_PATCH, seconds);
    return { large, largest };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The three browser benches; `nodeLarge` gives the engine's Node `large` result to compare with. */
export function browserBenches(nodeLarge: () => BenchResult | Promise<BenchResult>): Bench[] {
  let measured: Promise<BrowserFigures> | null = null;
  const measure = () => (measured ??= measureBrowser());
  return [
    {
      name: 'browser-fps',
      async run() {
        const r = (await measure()).large;
        return {
          name: 'browser-fps',
          figure: {
            fps: round(r.fps),
            worstFrameMs: round(r.worstFrameMs),
            mainCpuMsPerFrame: round(r.mainThreadCpuMsPerFrame),
            mainCpuShare: round(r.mainThreadCpuShare, 2),
          },
          target: '>= 55 fps',
          pass: r.fps >= 55,
        };
      },
    },
    {
      name: 'browser-long-tasks',
      async run() {
        const r = (await measure()).large;
        return {
          name: 'browser-long-tasks',
          figure: { count: r.longTasks, maxMs: round(r.longestTaskMs) },
          target: 'none > 50 ms',
          pass: r.longestTaskMs <= 50,
        };
      },
    },
    {
      name: 'browser-worker',
      async run() {
        const nodeFigure = (await nodeLarge()).figure;
        const node = nodeFigure.epochsPerSecond ?? NaN;
        const nodeCpu = nodeFigure.epochsPerCpuSecond ?? NaN;
        const r = (await measure()).large;
        return {
          name: 'browser-worker',
          figure: {
            epochsPerSecond: Math.round(r.workerEpochsPerSecond),
            nodeLargeEpochsPerSecond: Math.round(node),
            ratio: round(r.workerEpochsPerSecond / node, 2),
            epochsPerOtherCpuSecond: Math.round(r.epochsPerOtherCpuSecond),
            cpuRatio: round(r.epochsPerOtherCpuSecond / nodeCpu, 2),
            snapshotsPerSecond: round(r.snapshotsPerSecond),
          },
          target: '>= 0.5 x Node large',
          pass: r.workerEpochsPerSecond >= 0.5 * node,
        };
      },
    },
    {
      name: 'browser-largest',
      async run() {
        const r = (await measure()).largest;
        return {
          name: 'browser-largest',
          figure: {
            fps: round(r.fps),
            longTasks: r.longTasks,
            longestTaskMs: round(r.longestTaskMs),
            mainCpuMsPerFrame: round(r.mainThreadCpuMsPerFrame),
            epochsPerSecond: Math.round(r.workerEpochsPerSecond),
          },
          target: '>= 55 fps, none > 50 ms',
          pass: r.fps >= 55 && r.longestTaskMs <= 50,
        };
      },
    },
  ];
}
