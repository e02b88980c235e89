/**
 * `npm run bench -- --soak [minutes]` (default 10): a long in-app run that looks for leaks and
 * for fluidity that fades. The built app in Debian's Chromium (scripts/bench-server.ts) trains the
 * largest network the page allows (8 hidden layers of 16, all 9 features) at full speed with every
 * view on (test data, discretized output, log-scale loss chart, confusion matrix, the diagram's
 * thumbnails). Every 20 s a live setting changes (learning rate 0.03 ↔ 0.01); every 60 s the run
 * is reset and the Play button clicked again.
 *
 * Prints JSON lines: {"type":"memory"} at the start, after the warm-up and every minute after it
 * (heap used after a forced GC, CDP Runtime.getHeapUsage; DOM nodes, CDP Memory.getDOMCounters),
 * {"type":"minute"} each minute (fps, long tasks, worker restarts, epochs/s), and last a
 * {"type":"summary"} judged against the targets:
 *   heap growth after the warm-up ≤ 5 MB, DOM nodes flat (the later half of the minutes never
 *   all above the earlier half's highest count by more than 2%),
 *   ≥ 55 fps every minute, no long task, no worker restart.
 * The warm-up is the first minute (the first 20 s for `--soak 1`); heap figures are compared
 * from its end, when caches, JIT code and the chart's history buffers have filled. The other
 * targets count from the start.
 */
import type { CDPSession, Page } from '@playwright/test';
import { serveApp } from './bench-server.ts';
import { SOAK_SAMPLER, type SoakSample } from './bench-soak-page.ts';
import { LARGEST_PATCH, applyConfig, openForTest } from './perf-probe.ts';
import { workerHeapMB } from './bench-worker-heap.ts';
import { addTasks, startTrace, type MainThreadTasks } from './perf-trace.ts';

export const SOAK_TARGETS = { heapGrowthMB: 5, domGrowthShare: 0.02, fps: 55, longTasks: 0, restarts: 0 };
const TICK_S = 20;
const RATES = [0.03, 0.01];

/** `--soak [minutes]` → minutes (default 10); null without --soak. */
export function soakMinutes(argv: string[]): number | null {
  const i = argv.indexOf('--soak');
  if (i < 0) return null;
  const n = Number(argv[i + 1]);
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : 10;
}

export interface MemoryFigure {
  heapUsedMB: number;
  heapTotalMB: number;
  /** The training worker's heap after a GC (its own isolate, not in heapUsedMB). */
  workerHeapUsedMB: number;
  domNodes: number;
  elements: number;
  jsEventListeners: number;
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const MB = 1024 * 1024;

/** Heap after a forced GC and DOM counters; the page's long tasks meanwhile are marked as the soak's own. */
async function memory(page: Page, cdp: CDPSession): Promise<MemoryFigure> {
  const from = (await page.evaluate('window.__soak.mark()')) as number;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const worker = await workerHeapMB(page.context().browser()!);
  const dom = await cdp.send('Memory.getDOMCounters');
  const elements = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
  await page.evaluate(`window.__soak.exclude(${from})`);
  return {
    heapUsedMB: round(heap.usedSize / MB, 2),
    heapTotalMB: round(heap.totalSize / MB, 2),
    workerHeapUsedMB: worker ?? NaN,
    domNodes: dom.nodes,
    elements,
    jsEventListeners: dom.jsEventListeners,
  };
}

function print(line: Record<string, unknown>): void {
  console.log(JSON.stringify(line));
}

/** CPU seconds so far of the renderer's main thread and of its whole process (CDP Performance.getMetrics). */
async function cpuCounters(cdp: CDPSession): Promise<{ main: number; process: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { main: get('ThreadTime'), process: get('ProcessTime') };
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

/** Runs the soak, prints its JSON lines; true when every target is met. */
export async function runSoak(minutes: number): Promise<boolean> {
  const app = await serveApp();
  const pageErrors: string[] = [];
  try {
    const page = await app.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    page.on('crash', () => pageErrors.push('the page crashed'));
    await openForTest(page, '/');
    await applyConfig(page, { ...LARGEST_PATCH, speed: 'max', showTestData: true, discretize: true });
    await page.getByLabel('Log scale').check();
    await page.evaluate(SOAK_SAMPLER);
    const cdp = await page.context().newCDPSession(page);
    const play = page.locator('[data-control="play"]');

    await cdp.send('Performance.enable');
    const start = await memory(page, cdp);
    print({ type: 'memory', at: 'start', minute: 0, ...start });
    await play.click();
    await page.evaluate('window.__soak.take()'); // counts start with the run
    const t0 = performance.now();
    let stopTrace = await startTrace(page);
    let cpu0 = await cpuCounters(cdp);
    const ticks = minutes * (60 / TICK_S);
    const warmupTick = minutes >= 2 ? 60 / TICK_S : 1;
    const samples: (SoakSample & { minute: number; tasks: MainThreadTasks })[] = [];
    let traced: MainThreadTasks | null = null;
    let baseline: MemoryFigure | null = null;
    let last: MemoryFigure = start;
    /** Memory from the end of the warm-up on, once a minute. */
    const warmed: MemoryFigure[] = [];
    for (let k = 1; k <= ticks; k++) {
      await sleepUntil(t0 + k * TICK_S * 1000);
      const minuteEnd = k % (60 / TICK_S) === 0;
      if (minuteEnd) {
        const s = (await page.evaluate('window.__soak.take()')) as SoakSample;
        const tasks = addTasks(traced, await stopTrace());
        traced = null;
        const cpu1 = await cpuCounters(cdp);
        const mainCpu = cpu1.main - cpu0.main;
        const otherCpu = cpu1.process - cpu0.process - mainCpu;
        cpu0 = cpu1;
        const minute = k / (60 / TICK_S);
        samples.push({ ...s, minute, tasks });
        print({
          type: 'minute',
          minute,
          fps: round(s.fps),
          worstFrameMs: round(s.worstFrameMs),
          longTasks: s.longTasks,
          longestTaskMs: round(s.longestTaskMs),
          restarts: s.restarts,
          epochsPerSecond: Math.round(s.epochs / s.seconds),
          // CPU time, the app's own cost, which other processes on the cores hardly change.
          // Chromium's counters: the main thread's share of the wall clock and ms per frame
          // (< 16.7 leaves room for 60 fps), the rest of the renderer (the worker, compositor,
          // raster) in cores. A trace: main-thread tasks over 50 ms of CPU and the longest, and
          // traceCoverage, the share of the main thread's CPU time its tasks account for.
          // Long tasks by the wall clock beside none by CPU mean the page waited for a core.
          mainCpuShare: round(mainCpu / s.seconds, 2),
          mainCpuMsPerFrame: round((mainCpu * 1000) / Math.max(1, s.frames)),
          otherRendererCpuShare: round(otherCpu / s.seconds, 2),
          longTasksByCpu: tasks.overBudgetCpu,
          longestTaskCpuMs: round(tasks.longestCpuMs),
          traceCoverage: round(tasks.mainCpuSeconds / mainCpu, 2),
          ...(s.measuringTasks > 0 ? { measuringTasks: s.measuringTasks } : {}),
          ...(s.workerNotices.length > 0 ? { workerNotices: s.workerNotices } : {}),
        });
      }
      if (k === warmupTick || (minuteEnd && baseline !== null)) {
        // Mid-minute (the warm-up of `--soak 1`) the trace pauses, so the forced GC stays out of it.
        if (!minuteEnd) traced = await stopTrace();
        last = await memory(page, cdp);
        if (!minuteEnd) stopTrace = await startTrace(page);
        const at = k === warmupTick ? 'warmed-up' : k === ticks ? 'end' : 'minute';
        print({ type: 'memory', at, minute: round((k * TICK_S) / 60, 2), ...last });
        baseline ??= last;
        warmed.push(last);
      }
      if (k === ticks) break;
      if (minuteEnd) {
        stopTrace = await startTrace(page);
        cpu0 = await cpuCounters(cdp);
      }
      await page.evaluate(`window.__playground.getState().setConfig({ learningRate: ${RATES[k % 2]} })`);
      if (minuteEnd) {
        await page.evaluate('window.__playground.getState().reset()');
        await page.waitForFunction(() => window.__playground!.getState().run.status === 'idle');
        await play.click();
      }
    }
    const base = baseline ?? start;
    const heapGrowthMB = round(last.heapUsedMB - base.heapUsedMB, 2);
    const domGrowth = last.domNodes - base.domNodes;
    // Flat: the DOM does not stay above its early range. The count moves a little with the
    // chart's tick labels and the notices; a leak lifts the whole later half.
    const half = Math.ceil(warmed.length / 2);
    const earlyMax = Math.max(...warmed.slice(0, half).map((m) => m.domNodes));
    const lateMin = Math.min(...warmed.slice(half).map((m) => m.domNodes));
    const minFps = Math.min(...samples.map((s) => s.fps));
    const longTasks = samples.reduce((n, s) => n + s.longTasks, 0);
    const longestTaskMs = Math.max(0, ...samples.map((s) => s.longestTaskMs));
    const restarts = samples.reduce((n, s) => n + s.restarts, 0);
    const checks = {
      heap: heapGrowthMB <= SOAK_TARGETS.heapGrowthMB,
      dom: lateMin - earlyMax <= SOAK_TARGETS.domGrowthShare * earlyMax,
      fps: minFps >= SOAK_TARGETS.fps,
      longTasks: longTasks <= SOAK_TARGETS.longTasks,
      restarts: restarts <= SOAK_TARGETS.restarts,
      pageErrors: pageErrors.length === 0,
    };
    const pass = Object.values(checks).every(Boolean);
    print({
      type: 'summary',
      minutes,
      heapStartMB: start.heapUsedMB,
      heapWarmedUpMB: base.heapUsedMB,
      heapEndMB: last.heapUsedMB,
      heapGrowthMB,
      workerHeapWarmedUpMB: base.workerHeapUsedMB,
      workerHeapEndMB: last.workerHeapUsedMB,
      domNodesStart: start.domNodes,
      domNodesWarmedUp: base.domNodes,
      domNodesEnd: last.domNodes,
      domGrowth,
      domLateMinOverEarlyMax: lateMin - earlyMax,
      minFps: round(minFps),
      longTasks,
      longestTaskMs: round(longestTaskMs),
      longTasksByCpu: samples.reduce((n, s) => n + s.tasks.overBudgetCpu, 0),
      longestTaskCpuMs: round(Math.max(0, ...samples.map((s) => s.tasks.longestCpuMs))),
      restarts,
      pageErrors,
      targets: '≤ 5 MB heap growth after warm-up, DOM nodes flat, ≥ 55 fps every minute, 0 long tasks, 0 restarts',
      checks,
      pass,
    });
    return pass;
  } finally {
    await app.close();
  }
}
