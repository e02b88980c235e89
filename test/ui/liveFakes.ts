// Fakes for the live views' tests (live.test.tsx, liveOnScreen.test.tsx).
import type { DrawJob, LiveSource, LiveState } from '../../src/ui/live.ts';

/** A source whose state the test replaces, telling subscribers as the store does. */
export function makeSource(initial: LiveState) {
  let state = initial;
  const listeners = new Set<() => void>();
  const source: LiveSource = {
    get: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    source,
    set(next: LiveState) {
      state = next;
      for (const l of listeners) l();
    },
  };
}

/** Jobs that need `steps` steps each, recording which state each was for and each step's budget. */
export function makeJobs(steps: number) {
  const started: LiveState[] = [];
  const budgets: number[] = [];
  const start = (s: LiveState): DrawJob => {
    started.push(s);
    let left = steps;
    return {
      step(budget) {
        budgets.push(budget);
        return --left <= 0;
      },
    };
  };
  return { started, budgets, start };
}
