/**
 * The fast lane: canvases read the latest run info and snapshot straight from a source (the
 * store) and redraw on requestAnimationFrame, at most once per frame, without React renders.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { cancelFrame, isUpdateFrame, requestFrame } from '../state/frame.ts';
import type { RunInfo, Snapshot } from '../worker/protocol.ts';
import { watchOnScreen } from './onScreen.ts';

export interface LiveState {
  info: RunInfo | null;
  snapshot: Snapshot | null;
}

export interface LiveSource {
  get(): LiveState;
  subscribe(listener: () => void): () => void;
}

/** A source that never changes (tests, or before the store exists). */
export function staticSource(state: LiveState): LiveSource {
  return { get: () => state, subscribe: () => () => undefined };
}

/**
 * Calls draw(state) once now and then on the next animation frame after the source's info or
 * snapshot changes (many changes within a frame cost one draw). `redrawKey` forces a redraw
 * when something outside the source changes (theme, a toggle, the layout).
 *
 * `duty` (0..1] caps the share of time the views that set one may spend drawing, together: with n
 * such views on the page each gets duty/n, and after a draw that took d ms the next waits until
 * d·n/duty ms have passed. A big network's diagram then updates a little less often on a slow
 * machine instead of taking every frame from the page, and Compare's three diagrams cost what one does.
 *
 * With `shown` (the view's element), nothing is drawn while it is off screen, once it shows a
 * snapshot; it catches up when it comes back (src/ui/onScreen.ts). While Compare is open the views
 * draw on the same frames, every other one (frame.ts isUpdateFrame); a view waits at most one
 * frame for its turn.
 */
export function useLiveDraw(
  source: LiveSource,
  draw: (s: LiveState) => void,
  redrawKey: unknown,
  duty = 1,
  shown?: RefObject<Element | null>,
): void {
  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  });
  useEffect(() => {
    let frame = 0;
    let last: LiveState = { info: null, snapshot: null };
    let nextAllowed = 0;
    let waited = false;
    const shared = duty < 1;
    if (shared) dutyViews++;
    const want = () => {
      if (!frame) frame = requestFrame(run);
    };
    const screen = watchOnScreen(shown?.current, want);
    const run = () => {
      frame = 0;
      // Off screen: nothing, once it shows a run's snapshot (so a page's first picture is whole).
      if (!screen.visible && last.snapshot !== null) return;
      const t0 = nowMs();
      if (t0 < nextAllowed || (!waited && !isUpdateFrame())) {
        waited = t0 >= nextAllowed;
        frame = requestFrame(run);
        return;
      }
      waited = false;
      const s = source.get();
      last = s;
      drawRef.current(s);
      nextAllowed = t0 + ((nowMs() - t0) * (shared ? dutyViews : 1)) / duty;
    };
    run();
    const off = source.subscribe(() => {
      if (!sameState(source.get(), last)) want();
    });
    return () => {
      off();
      screen.disconnect();
      if (frame) cancelFrame(frame);
      if (shared) dutyViews--;
    };
  }, [source, redrawKey, duty, shown]);
}

/** Mounted views drawing under a duty cap (useLiveDraw with duty < 1): they share it. */
let dutyViews = 0;

/** Work that may take several frames: each `step` draws for about `budgetMs`; true once finished. */
export interface DrawJob {
  step(budgetMs: number): boolean;
}

/**
 * Like useLiveDraw, for drawing that may span frames: `start(state)` begins a job that steps on
 * animation frames until it is finished; then, if the source changed meanwhile, a job for its
 * latest state starts. A job always finishes, so a fast stream of snapshots cannot keep the picture
 * from ever completing; a newer `redrawKey` drops it and starts afresh.
 *
 * All the page's jobs share one budget per frame (`budgetMs` is the most one job gets): with one
 * diagram it gets the whole budget, with three (Compare) they take turns, the one served longest
 * ago first, so the page's drawing per frame stays the same however many diagrams there are. On
 * average they take at most PROGRESSIVE_DUTY of the time. `shown` as for useLiveDraw.
 */
export function useProgressiveDraw(
  source: LiveSource,
  start: (s: LiveState) => DrawJob,
  redrawKey: unknown,
  budgetMs = FRAME_BUDGET_MS,
  shown?: RefObject<Element | null>,
): void {
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    let job: DrawJob | null = null;
    let drawn: LiveState | null = null;
    // Whether a whole picture of a snapshot is on the canvas: only then does off screen wait.
    let whole = false;
    const screen = watchOnScreen(shown?.current, () => enqueue(runner));
    const runner: Runner = {
      served: -Infinity,
      // Returns whether there is more to do on a later frame (off screen: not until it is back).
      step(left) {
        if (!screen.visible && whole) return false;
        if (!job) {
          const s = source.get();
          if (drawn && sameState(s, drawn)) return false;
          drawn = s;
          job = startRef.current(s);
        }
        if (job.step(Math.min(budgetMs, left))) {
          job = null;
          whole = drawn?.snapshot != null;
        }
        return true;
      },
    };
    runner.step(budgetMs);
    enqueue(runner);
    const off = source.subscribe(() => enqueue(runner));
    return () => {
      off();
      screen.disconnect();
      waiting.delete(runner);
    };
  }, [source, redrawKey, budgetMs, shown]);
}

/** Progressive drawing per frame, all jobs together (ms). */
export const FRAME_BUDGET_MS = 4;
/**
 * The share of time progressive drawing may take on average: drawing time accrues at this rate
 * (a token bucket holding at most BURST_MS), so a redraw after a pause gets whole frames' budgets
 * while a stream of snapshots during training redraws the links about as often as that allows
 * (a 2,000-link diagram several times a second) instead of taking 4 ms of every frame.
 */
export const PROGRESSIVE_DUTY = 0.12;
const BURST_MS = 2 * FRAME_BUDGET_MS;
/** A job is not stepped on less than this much budget: it waits for a later frame. */
const MIN_SLICE_MS = 1;

interface Runner {
  /** When it last got budget (the frame's start, ms). */
  served: number;
  step(leftMs: number): boolean;
}

const waiting = new Set<Runner>();
let frameRequested = 0;
let tokens = BURST_MS;
let tokensAt = -Infinity;

function enqueue(r: Runner): void {
  waiting.add(r);
  if (!frameRequested) frameRequested = requestFrame(runFrame);
}

/** One frame of progressive drawing: the waiting jobs, least recently served first, until the budget is spent. */
function runFrame(): void {
  frameRequested = 0;
  const t0 = nowMs();
  tokens = Math.min(BURST_MS, tokens + Math.max(0, t0 - tokensAt) * PROGRESSIVE_DUTY);
  tokensAt = t0;
  const list = [...waiting].sort((a, b) => a.served - b.served);
  waiting.clear();
  const budget = Math.min(FRAME_BUDGET_MS, tokens);
  for (const r of list) {
    const left = budget - (nowMs() - t0);
    if (left < MIN_SLICE_MS) {
      waiting.add(r);
      continue;
    }
    r.served = t0;
    if (r.step(left)) waiting.add(r);
  }
  tokens -= nowMs() - t0;
  if (waiting.size > 0 && !frameRequested) frameRequested = requestFrame(runFrame);
}

/** Milliseconds from a monotonic clock where there is one. */
export const nowMs = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Whether two states show the same run info and snapshot (what a live view draws from). */
function sameState(a: LiveState, b: LiveState): boolean {
  return a.info === b.info && a.snapshot === b.snapshot;
}

/** A 2D context, or null where there is none (jsdom, a lost context). */
export function context2d(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  if (!canvas) return null;
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

/** Resize a canvas's backing store (never to 0) and return whether it changed. */
export function sizeCanvas(canvas: HTMLCanvasElement, w: number, h: number): boolean {
  const W = Math.max(1, Math.round(w));
  const H = Math.max(1, Math.round(h));
  if (canvas.width === W && canvas.height === H) return false;
  canvas.width = W;
  canvas.height = H;
  return true;
}

let scratch: CanvasRenderingContext2D | null | undefined;

/**
 * Makes the browser rasterise what has been drawn on `canvas` now rather than after the script
 * returns: drawing it into a 1×1 scratch canvas needs its pixels. Timing around a draw then
 * includes the rasterisation. (getImageData would do the same but makes Chrome warn about
 * frequent read-backs and may move the canvas off the GPU.)
 */
export function settleCanvas(canvas: HTMLCanvasElement): void {
  if (scratch === undefined) {
    const c = typeof document === 'undefined' ? null : document.createElement('canvas');
    if (c) c.width = c.height = 1;
    scratch = context2d(c);
  }
  scratch?.drawImage(canvas, 0, 0, 1, 1);
}
