/**
 * Production only (main.tsx imports it lazily): register the built service worker once the
 * training worker is up (or after a few seconds), so that precaching every asset on a first visit
 * never slows the app's own start.
 */
import { registerSW } from 'virtual:pwa-register';
import { store } from '../state/store.ts';
import { bootFromLocation } from '../ui/share/linkSync.ts';
import { keepForReload, startUpdates } from './update.ts';

const REGISTER_AFTER_MS = 5000;

let started = false;
function start(): void {
  if (started) return;
  started = true;
  off();
  clearTimeout(timer);
  startUpdates(registerSW, () => keepForReload(bootFromLocation().view.embed));
}
const off = store.subscribe((s) => {
  if (s.worker !== 'starting') start();
});
const timer = setTimeout(start, REGISTER_AFTER_MS);
if (store.getState().worker !== 'starting') start();
