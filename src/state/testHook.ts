/**
 * Browser tests and the browser bench drive the store directly: when a page sets
 * `window.__PLAYGROUND_TEST__ = true` before the app loads (Playwright's addInitScript), the store
 * is exposed as `window.__playground` (getState() holds every action). Otherwise nothing is exposed.
 */
import { store } from './store.ts';

declare global {
  interface Window {
    __PLAYGROUND_TEST__?: boolean;
    __playground?: typeof store;
  }
}

export function installTestHook(): () => void {
  if (typeof window === 'undefined' || window.__PLAYGROUND_TEST__ !== true) return () => undefined;
  window.__playground = store;
  return () => {
    if (window.__playground === store) delete window.__playground;
  };
}
