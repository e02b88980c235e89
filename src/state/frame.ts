/**
 * The page's one frame clock: the next animation frame, or about 16 ms later where there are no
 * frames (jsdom, Node). The bridge paces its acks with it, the live canvases their redraws.
 */
export const requestFrame: (cb: () => void) => number =
  typeof requestAnimationFrame === 'function'
    ? (cb) => requestAnimationFrame(() => cb())
    : (cb) => setTimeout(cb, 16) as unknown as number;

export const cancelFrame: (id: number) => void =
  typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

/**
 * Frames per update of the live views and per ack of a stream: 1, or 2 while Compare shows two
 * runs (src/state/compareState.ts sets it). With 2, every view draws on the same, even frames, so
 * the frames between have nothing new to composite, which leaves more of the two cores to the page
 * while both workers train (docs/measurements.md).
 */
let stride = 1;
export const frameStride = (): number => stride;
export function setFrameStride(n: number): void {
  stride = Math.max(1, Math.floor(n));
}

let lastFrameTime: number | null = null;
let frameCount = 0;
/** Frames since a view last asked; the counting loop stops after a few. */
let quietFrames = 0;
let counting = false;

/** Counts every frame while views ask, so the parity of a frame is the same for all of them. */
function countFrame(): void {
  tally();
  if (++quietFrames > 8 || stride === 1) {
    counting = false;
    return;
  }
  requestFrame(countFrame);
}

function tally(): void {
  const t = typeof document !== 'undefined' ? document.timeline?.currentTime : null;
  if (typeof t !== 'number' || t !== lastFrameTime) {
    frameCount++;
    lastFrameTime = typeof t === 'number' ? t : null;
  }
}

/**
 * Whether this animation frame is one where live views update. All callbacks of one frame see the
 * same answer: frames are told apart by their own time (document.timeline) and counted, a frame at
 * a time (a small loop runs while views ask). Where there is no such time (jsdom) every call
 * counts as a frame. Callers let a view wait at most one frame, so nothing starves.
 */
export function isUpdateFrame(): boolean {
  if (stride === 1) return true;
  quietFrames = 0;
  if (!counting) {
    counting = true;
    requestFrame(countFrame);
  }
  tally();
  return frameCount % stride === 0;
}
