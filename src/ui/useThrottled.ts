/**
 * Values re-read at most every `ms` milliseconds (0: on every change, at once). For
 * numbers that change every frame while training (the epoch, the losses, the confusion matrix, the
 * charts' histories): a person reads them 10 times a second just as well, at a fraction of the renders.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore, type PlaygroundState } from '../state/store.ts';

type Subscribe = (listener: () => void) => () => void;

/**
 * `read()` re-read at most every `ms` after `subscribe`'s listener fires; the component re-renders
 * only when the new value is not `same` as the old one. `subscribe` must be stable (module level).
 */
export function useThrottledRead<T>(
  read: () => T,
  subscribe: Subscribe,
  ms: number,
  same: (a: T, b: T) => boolean = Object.is,
): T {
  const latest = useRef({ read, same });
  useEffect(() => {
    latest.current = { read, same };
  });
  const [value, setValue] = useState(read);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      timer = null;
      last = performance.now();
      setValue((prev) => {
        const next = latest.current.read();
        return latest.current.same(prev, next) ? prev : next;
      });
    };
    update(); // pick up what changed while the interval was different
    const off = subscribe(() => {
      if (ms <= 0) return update(); // not throttled: like a plain subscription
      if (timer) return;
      timer = setTimeout(update, Math.max(0, ms - (performance.now() - last)));
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [ms, subscribe]);
  return value;
}

/** A value from the store, re-read at most every `ms`. */
export function useThrottled<T>(selector: (s: PlaygroundState) => T, ms: number): T {
  return useThrottledRead(() => selector(useStore.getState()), useStore.subscribe, ms);
}
