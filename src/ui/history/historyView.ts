/**
 * The History view's open state, and the run recorder started after the page has loaded: both
 * the recorder (src/state/runRecorder.ts, with IndexedDB) and the panel are chunks of their own.
 */
import { useEffect } from 'react';
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const historyView = createStore<{ open: boolean }>()(() => ({ open: false }));

export function useHistoryOpen(): boolean {
  return useZustandStore(historyView, (s) => s.open);
}

export function openHistory(): void {
  historyView.setState({ open: true });
}

export function closeHistory(): void {
  historyView.setState({ open: false });
}

/** For App: record runs while the page is open (the recorder loads after the first render). */
export function useLazyRunRecorder(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    void import('../../state/runRecorder.ts').then((m) => {
      if (!gone) stop = m.startRunRecorder();
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
}
