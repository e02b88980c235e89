import { useEffect, useState, type RefObject } from 'react';

/**
 * The content width of `ref`'s element in whole px, kept up to date with a ResizeObserver while
 * `enabled`; `initial` until first measured (and in jsdom, which has no ResizeObserver).
 */
export function useBoxWidth(ref: RefObject<HTMLElement | null>, initial: number, enabled = true): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el || typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, enabled]);
  return width;
}
