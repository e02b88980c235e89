/**
 * The page's main-thread tasks from a Chromium trace (category 'toplevel', Browser.startTracing):
 * each task's wall time (`dur`) and its own CPU time (`tdur`, the thread's time on a core). The
 * CPU figure is what the app's code costs; it hardly moves when other processes share the cores,
 * whereas the wall figure (what PerformanceObserver 'longtask' sees) grows with every wait for a
 * core. Used by test/e2e/worker-perf.spec.ts, so a slow task is caught on a busy machine too.
 */
import type { Page } from '@playwright/test';

export interface MainThreadTasks {
  /** Top-level tasks run on the page's main thread (CrRendererMain). */
  tasks: number;
  /** Tasks over 50 ms of CPU time, and the longest by CPU time and by wall time, ms. */
  overBudgetCpu: number;
  longestCpuMs: number;
  longestWallMs: number;
  /** CPU seconds of all tasks on the main thread, and on the training worker's thread. */
  mainCpuSeconds: number;
  workerCpuSeconds: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** A task of a thread's scheduler, as the 'toplevel' category names it. */
const TASK = 'ThreadControllerImpl::RunTask';

/** Summarise the renderer main threads' task events of a trace (µs in the trace, ms out). */
export function mainThreadTasks(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): MainThreadTasks {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const main = new Set<string>();
  const worker = new Set<string>();
  for (const e of events) {
    if (e.ph !== 'M' || e.name !== 'thread_name') continue;
    if (e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
    if (e.args?.name === 'DedicatedWorker thread') worker.add(`${e.pid}:${e.tid}`);
  }
  const out: MainThreadTasks = {
    tasks: 0,
    overBudgetCpu: 0,
    longestCpuMs: 0,
    longestWallMs: 0,
    mainCpuSeconds: 0,
    workerCpuSeconds: 0,
  };
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== TASK) continue;
    const thread = `${e.pid}:${e.tid}`;
    const cpu = (e.tdur ?? 0) / 1000;
    if (worker.has(thread)) out.workerCpuSeconds += cpu / 1000;
    if (!main.has(thread)) continue;
    out.mainCpuSeconds += cpu / 1000;
    out.tasks++;
    if (cpu > 50) out.overBudgetCpu++;
    out.longestCpuMs = Math.max(out.longestCpuMs, cpu);
    out.longestWallMs = Math.max(out.longestWallMs, (e.dur ?? 0) / 1000);
  }
  return out;
}

/** Two traces' figures as one (`a` may be absent). */
export function addTasks(a: MainThreadTasks | null, b: MainThreadTasks): MainThreadTasks {
  if (a === null) return b;
  return {
    tasks: a.tasks + b.tasks,
    overBudgetCpu: a.overBudgetCpu + b.overBudgetCpu,
    longestCpuMs: Math.max(a.longestCpuMs, b.longestCpuMs),
    longestWallMs: Math.max(a.longestWallMs, b.longestWallMs),
    mainCpuSeconds: a.mainCpuSeconds + b.mainCpuSeconds,
    workerCpuSeconds: a.workerCpuSeconds + b.workerCpuSeconds,
  };
}

/** Start tracing; the function returned stops it and summarises the tasks. One trace at a time per browser. */
export async function startTrace(page: Page): Promise<() => Promise<MainThreadTasks>> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a page of a launched browser');
  await browser.startTracing(undefined, { categories: ['toplevel'] });
  return async () =>
    mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] });
}

/** Run `work` while the browser traces, and return its result with the main thread's tasks meanwhile. */
export async function traceMainThread<T>(page: Page, work: () => Promise<T>): Promise<[T, MainThreadTasks]> {
  const stop = await startTrace(page);
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await stop();
    throw e;
  }
  return [result, await stop()];
}
