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
