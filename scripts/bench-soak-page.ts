/**
 * The in-page half of the soak (scripts/bench-soak.ts), as source text: tsx (esbuild with
 * keepNames) would wrap a function literal in `__name(...)` helpers that do not exist in the page,
 * and the app's Content-Security-Policy forbids eval, so Playwright's evaluate gets a string.
 *
 * SOAK_SAMPLER installs `window.__soak` on a page opened with the test hook (window.__playground):
 * - frames: a requestAnimationFrame loop counts frames and the longest gap between two;
 * - long tasks: PerformanceObserver 'longtask' entries, minus those that overlap a window the
 *   soak marked as its own measuring (a forced GC for the heap figure is not the app's work);
 * - worker restarts: the bridge (src/state/bridge.ts) sets the store's `worker` to 'starting'
 *   each time it creates a worker, so every later change to 'starting' is a replaced worker;
 *   the notices it adds with key 'worker' say why;
 * - epochs trained: the store's run.epoch, summed across resets.
 * `take()` returns the counts since the previous take and starts new ones.
 */

/** What `window.__soak.take()` returns: one interval's counts. */
export interface SoakSample {
  seconds: number;
  frames: number;
  fps: number;
  worstFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Long tasks that overlapped the soak's own measuring (forced GC, DOM count), left out above. */
  measuringTasks: number;
  restarts: number;
  /** Texts of the notices about the worker (why it was replaced), since the previous take. */
  workerNotices: string[];
  epochs: number;
}

export const SOAK_SAMPLER = `(() => {
  const pg = window.__playground;
  const soak = {
    t0: performance.now(), frames: 0, prevFrame: 0, worstFrame: 0,
    tasks: [], excluded: [], restarts: 0, notices: [], epochs: 0,
  };
  const record = (entries) => {
    for (const e of entries) soak.tasks.push([e.startTime, e.duration]);
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: 'longtask' });
  const onFrame = (t) => {
    soak.frames++;
    if (soak.prevFrame > 0) soak.worstFrame = Math.max(soak.worstFrame, t - soak.prevFrame);
    soak.prevFrame = t;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  let lastNotice = pg.getState().notices.reduce((m, n) => Math.max(m, n.id), 0);
  pg.subscribe((s, prev) => {
    if (s.worker === 'starting' && prev.worker !== 'starting') soak.restarts++;
    if (s.run.epoch > prev.run.epoch && s.runId === prev.runId) soak.epochs += s.run.epoch - prev.run.epoch;
    if (s.notices !== prev.notices) {
      for (const n of s.notices) {
        if (n.id > lastNotice && n.key === 'worker') soak.notices.push(n.text);
        lastNotice = Math.max(lastNotice, n.id);
      }
    }
  });
  soak.mark = () => performance.now();
  soak.exclude = (from) => { soak.excluded.push([from, performance.now()]); };
  soak.take = () => {
    record(observer.takeRecords());
    const now = performance.now();
    const seconds = (now - soak.t0) / 1000;
    // The measuring windows are kept: a task can be reported after the take that followed it.
    const overlaps = (t) => soak.excluded.some(([a, b]) => t[0] < b && t[0] + t[1] > a);
    const own = soak.tasks.filter(overlaps);
    const app = soak.tasks.filter((t) => !overlaps(t));
    const out = {
      seconds,
      frames: soak.frames,
      fps: soak.frames / seconds,
      worstFrameMs: soak.worstFrame,
      longTasks: app.length,
      longestTaskMs: app.reduce((m, t) => Math.max(m, t[1]), 0),
      measuringTasks: own.length,
      restarts: soak.restarts,
      workerNotices: soak.notices,
      epochs: soak.epochs,
    };
    Object.assign(soak, { t0: now, frames: 0, worstFrame: 0, tasks: [], restarts: 0, notices: [], epochs: 0 });
    return out;
  };
  window.__soak = soak;
})()`;
