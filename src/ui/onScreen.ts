/**
 * Whether an element is on screen, for live canvases that need not redraw while nobody can see
 * them (Compare's small networks below the fold at 1280×800, a diagram scrolled away). Where there
 * is no IntersectionObserver (jsdom, Node) or no element, everything counts as on screen.
 */
export interface OnScreen {
  /** Last known: true until the observer first reports. */
  readonly visible: boolean;
  disconnect(): void;
}

const ALWAYS: OnScreen = { visible: true, disconnect: () => undefined };

/** Watch `el`; `onShow` runs each time it comes on screen (to draw what it missed). */
export function watchOnScreen(el: Element | null | undefined, onShow: () => void): OnScreen {
  if (!el || typeof IntersectionObserver !== 'function') return ALWAYS;
  const state = { visible: true };
  // A small margin: a view scrolled into sight is redrawn a frame before it shows.
  const io = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1);
      if (!entry) return;
      const was = state.visible;
      state.visible = entry.isIntersecting;
      if (state.visible && !was) onShow();
    },
    { rootMargin: '64px 0px' },
  );
  io.observe(el);
  return {
    get visible() {
      return state.visible;
    },
    disconnect: () => io.disconnect(),
  };
}
