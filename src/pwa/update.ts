/**
 * The one module that knows about the service worker (vite-plugin-pwa builds it; see
 * vite.config.ts). A new version never reloads the page under a learner: it waits, and the page
 * says "A new version is available" with a Reload button. Pressing it first keeps the running
 * experiment (the same store as a reload uses, src/persist), so the new version opens where the
 * old one was.
 */
import { saveExperiment } from '../persist/lastExperiment.ts';
import { heldExperiment } from '../state/exports.ts';
import { store } from '../state/store.ts';

export const UPDATE_KEY = 'update';
export const UPDATE_TEXT = 'A new version is available.';
/** A classroom tab stays open for hours: look for a new version this often, and when it is shown again. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** The shape of vite-plugin-pwa's registerSW (virtual:pwa-register), so tests can give a fake. */
export interface RegisterOptions {
  immediate?: boolean;
  onNeedRefresh?: () => void;
  onRegisteredSW?: (swUrl: string, registration: ServiceWorkerRegistration | undefined) => void;
  onRegisterError?: (error: unknown) => void;
}
export type Register = (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>;

/** Keep the experiment the page holds, as a reload would find it (not in embed mode: see autosave.ts). */
export async function keepForReload(embed: boolean): Promise<void> {
  if (embed) return;
  try {
    await saveExperiment(heldExperiment());
  } catch {
    // Private mode or a full disk: reload anyway; the link in the address still holds the settings.
  }
}

/** Register the service worker; offer the new version when one is waiting. Returns a stop function. */
export function startUpdates(register: Register, keep: () => Promise<void>): () => void {
  const timers: ReturnType<typeof setInterval>[] = [];
  let onVisible: (() => void) | null = null;
  const updateSW = register({
    immediate: true,
    onNeedRefresh() {
      store.getState().addNotice(UPDATE_TEXT, 'info', UPDATE_KEY, [
        {
          label: 'Reload',
          run: () => {
            void keep()
              .catch(() => undefined)
              .then(() => updateSW(true));
          },
        },
      ]);
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => void registration.update().catch(() => undefined);
      timers.push(setInterval(check, UPDATE_CHECK_MS));
      onVisible = () => {
        if (document.visibilityState === 'visible') check();
      };
      document.addEventListener('visibilitychange', onVisible);
    },
    onRegisterError() {
      // No service worker (a private window, an old browser): the app works online as before.
    },
  });
  return () => {
    for (const t of timers) clearInterval(t);
    if (onVisible) document.removeEventListener('visibilitychange', onVisible);
  };
}
