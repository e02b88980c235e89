/**
 * The fast lane: canvases read the latest run info and snapshot straight from a source (the
 * store) and redraw on requestAnimationFrame, at most once per frame, without React renders.
 */
import { useEffect, useRef } from 'react';
import { cancelFrame, requestFrame } from '../state/frame.ts';
import type { RunInfo, Snapshot } from '../worker/protocol.ts';

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
 * `duty` (0..1] caps the share of time a view may spend drawing: after a draw that took d ms the
 * next waits until d/duty ms have passed. A big network's diagram then updates a little less
 * often on a slow machine instead of taking every frame from the page.
 */
export function useLiveDraw(source: LiveSource, draw: (s: LiveState) => void, redrawKey: unknown, duty = 1): void {
  const drawRef = useRef(draw);
  useEffect(() => {
    drawRef.current = draw;
  });
  useEffect(() => {
    let frame = 0;
    let last: LiveState = { info: null, snapshot: null };
    let nextAllowed = 0;
    const run = () => {
      frame = 0;
      const t0 = nowMs();
      if (t0 < nextAllowed) {
        frame = requestFrame(run);
        return;
      }
      const s = source.get();
      last = s;
      drawRef.current(s);
      nextAllowed = t0 + (nowMs() - t0) / duty;
    };
    run();
    const off = source.subscribe(() => {
      const s = source.get();
      if (sameState(s, last)) return;
      if (!frame) frame = requestFrame(run);
    });
    return () => {
      off();
      if (frame) cancelFrame(frame);
    };
  }, [source, redrawKey, duty]);
}

/** Work that may take several frames: each `step` draws for about `budgetMs`; true once finished. */
export interface DrawJob {
  step(budgetMs: number): boolean;
}

/**
 * Like useLiveDraw, for drawing that may span frames: `start(state)` begins a job that gets about
 * `budgetMs` of each animation frame until it is finished; then, if the source changed meanwhile,
 * a job for its latest state starts. A job always finishes, so a fast stream of snapshots cannot
 * keep the picture from ever completing; a newer `redrawKey` drops it and starts afresh.
 */
export function useProgressiveDraw(
  source: LiveSource,
  start: (s: LiveState) => DrawJob,
  redrawKey: unknown,
  budgetMs = 4,
): void {
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    let frame = 0;
    let job: DrawJob | null = null;
    let drawn: LiveState | null = null;
    const tick = () => {
      frame = 0;
      if (!job) {
        const s = source.get();
        if (drawn && sameState(s, drawn)) return;
        drawn = s;
        job = startRef.current(s);
      }
      if (job.step(budgetMs)) job = null;
      frame = requestFrame(tick);
    };
    tick();
    const off = source.subscribe(() => {
      if (!frame) frame = requestFrame(tick);
    });
    return () => {
      off();
      if (frame) cancelFrame(frame);
    };
  }, [source, redrawKey, budgetMs]);
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
