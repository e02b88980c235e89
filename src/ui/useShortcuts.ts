import { useEffect, useRef } from 'react';

export interface Shortcuts {
  togglePlay: () => void;
  step: () => void;
  reset: () => void;
}

/** True when a key press belongs to a field (typing a rate, a weight, choosing in a list). */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (t as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type);
  }
  return false;
}

/** Space: play/pause; S: one step; R: reset. Never while typing; Space leaves buttons and toggles their own click. */
export function useShortcuts(s: Shortcuts): void {
  const ref = useRef(s);
  useEffect(() => {
    ref.current = s;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (isTypingTarget(e.target)) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      if (e.key === ' ' || e.code === 'Space') {
        // Space on a focused button or checkbox activates it; don't also toggle training.
        if (
          t &&
          (t.tagName === 'BUTTON' ||
            (t.tagName === 'INPUT' && t.getAttribute('type') !== 'range') ||
            t.getAttribute('role') === 'button')
        )
          return;
        e.preventDefault();
        ref.current.togglePlay();
      } else if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        ref.current.step();
      } else if (e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        ref.current.reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
