/**
 * A reload or an accidental close loses nothing a learner did: the experiment the page holds
 * (config with drawn points, weights, trainer state, history: exports.ts heldExperiment) is kept
 * in the browser (src/persist) and offered back on the next visit.
 *
 * When it is saved: only once the learner has done something (a setting changed, an epoch
 * trained, a weight edited), so a look at the page never replaces what was kept before; then
 * every SAVE_EVERY_MS while training, soon after a pause, a step or an edit, a quiet moment after
 * a setting changes, and at once when the page is hidden or left (pagehide, visibilitychange).
 * A save copies a few KB (structured clone); nothing is turned into JSON text.
 *
 * When it is restored: at start, unless the address holds a link to another experiment (the link
 * wins, and the kept one is not restored), and never in embed mode (see useLastExperiment).
 */
import { useEffect } from 'react';
import * as persist from '../persist/lastExperiment.ts';
import type { ExperimentConfig } from '../share/config.ts';
import type { Experiment } from '../share/file.ts';
import type { DecodeResult } from '../share/hash.ts';
import { sameValue } from './configRules.ts';
import { heldExperiment, restoreExperiment } from './exports.ts';
import { store, type PlaygroundState } from './store.ts';

/** While training, at most one save per this many ms. */
export const SAVE_EVERY_MS = 2000;
/** A setting change is saved after this quiet period (a slider drag saves once). */
export const SAVE_AFTER_CHANGE_MS = 500;

export const RESTORED_KEY = 'restored';

/** The persist module's three calls (tests give fakes). */
export interface Keeper {
  save(e: Experiment): Promise<boolean>;
  load(): Promise<persist.LoadedExperiment>;
  clear(): Promise<void>;
}

export const browserKeeper: Keeper = {
  save: (e) => persist.saveExperiment(e),
  load: () => persist.loadExperiment(),
  clear: () => persist.clearExperiment(),
};

/** Has the learner done anything since the page opened (or since "Start fresh")? */
let dirty = false;
let cleanConfig: ExperimentConfig | null = null;

/** A changed setting, or a snapshot after training or an edit (`prev`: look only at what changed since). */
function markDirty(s: PlaygroundState, prev?: PlaygroundState): void {
  if (dirty) return;
  const snap = s.snapshot;
  if (cleanConfig !== null && s.config !== cleanConfig && s.config !== prev?.config) dirty = true;
  // The old run's snapshot is still there for a moment while a new run starts: not a new one.
  else if (snap && snap !== prev?.snapshot && (snap.seq > 1 || snap.epoch > 0)) dirty = true;
}

/** Start saving the held experiment when it changes; returns the function that stops (after a last save). */
export function startAutosave(keeper: Keeper = browserKeeper): () => void {
  cleanConfig ??= store.getState().config;
  let lastSaveAt = -Infinity;
  let saved: { config: unknown; snapshot: unknown; runId: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let again = false;

  const saveNow = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const s = store.getState();
    markDirty(s);
    if (!dirty) return;
    if (saved && saved.config === s.config && saved.snapshot === s.snapshot && saved.runId === s.runId) return;
    if (inFlight) {
      again = true;
      return;
    }
    saved = { config: s.config, snapshot: s.snapshot, runId: s.runId };
    lastSaveAt = performance.now();
    inFlight = true;
    void keeper.save(heldExperiment()).finally(() => {
      inFlight = false;
      if (again) {
        again = false;
        saveNow();
      }
    });
  };
  const saveSoon = (ms: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(saveNow, ms);
  };

  const off = store.subscribe((s, prev) => {
    markDirty(s, prev);
    if (!dirty) return;
    if (s.config !== prev.config) saveSoon(SAVE_AFTER_CHANGE_MS);
    else if (s.snapshot !== prev.snapshot && s.snapshot) {
      if (s.snapshot.status !== 'running') saveSoon(0);
      else if (performance.now() - lastSaveAt >= SAVE_EVERY_MS) saveNow();
    }
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') saveNow();
  };
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onHide);
  }
  return () => {
    off();
    if (hasWindow) {
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onHide);
    }
    saveNow();
  };
}

/** Is the link in the address (if any) the experiment that was kept? Then the kept one (with its weights) may come back. */
function linkAllows(boot: Pick<DecodeResult, 'source' | 'config' | 'pointsOmitted'>, kept: ExperimentConfig): boolean {
  if (boot.source === 'empty') return true;
  // The page writes its own address as settings change (linkSync.ts), so a reload has a link:
  // the same experiment, unless the link is another one.
  return sameValue(boot.pointsOmitted ? { ...boot.config, points: kept.points } : boot.config, kept);
}

/**
 * Offer the kept experiment back, once, at start: load it (with a notice "Restored your last
 * experiment (epoch N)" and a "Start fresh" button), unless the address links to another
 * experiment or the learner has already moved on while it was being read.
 */
export async function restoreLastExperiment(
  boot: Pick<DecodeResult, 'source' | 'config' | 'pointsOmitted'>,
  keeper: Keeper = browserKeeper,
): Promise<void> {
  const at = store.getState();
  cleanConfig ??= at.config;
  const r = await keeper.load();
  if (r.status === 'none') return;
  const { addNotice } = store.getState();
  if (r.status === 'corrupt') {
    await keeper.clear();
    addNotice(
      `Your last experiment could not be restored (${r.error.replace(/\.$/, '')}); starting fresh.`,
      'warning',
      RESTORED_KEY,
    );
    return;
  }
  if (!linkAllows(boot, r.experiment.config)) return;
  const now = store.getState();
  const moved = now.config !== at.config || now.run.status === 'running' || (now.snapshot?.seq ?? 0) > 1;
  if (moved) return;
  const fresh = now.config;
  dirty = false;
  cleanConfig = r.experiment.config;
  restoreExperiment(r.experiment);
  for (const n of r.notices) addNotice(n.message, 'warning', `${RESTORED_KEY}:${n.field}`);
  addNotice(`Restored your last experiment (epoch ${r.experiment.epoch}).`, 'info', RESTORED_KEY, [
    {
      label: 'Start fresh',
      run: () => {
        // Nothing to keep until the learner does something again.
        dirty = false;
        cleanConfig = fresh;
        void keeper.clear();
        store.getState().loadExperiment(fresh);
      },
    },
  ]);
}

let restoring: Promise<void> | null = null;

/**
 * For ShareApp: restore the kept experiment once per page, then keep saving. Embed mode does
 * neither: an embedded playground shows its author's experiment inside another page (a lesson,
 * a blog post); bringing back the learner's own experiment there would replace what the author
 * meant to show, and saving from it would overwrite the learner's own last experiment in the
 * full playground (same site, same browser store).
 */
export function useLastExperiment(boot: DecodeResult, keeper: Keeper = browserKeeper): void {
  useEffect(() => {
    if (boot.view.embed) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    restoring ??= restoreLastExperiment(boot, keeper);
    void restoring.then(() => {
      if (!cancelled) stop = startAutosave(keeper);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [boot, keeper]);
}

/** Forget what this page did (tests). */
export function resetAutosaveForTests(): void {
  dirty = false;
  cleanConfig = null;
  restoring = null;
}
