/**
 * The link ↔ store wiring: the experiment in the address is loaded once at start (and again when
 * the person edits the hash), its notices go to the store, and every later config change is
 * written back to the address (replaceState, debounced).
 */
import { useEffect, useRef } from 'react';
import type { ExperimentConfig } from '../../share/config.ts';
import type { ViewState } from '../../share/embed.ts';
import { createHashWriter, decodeHash, POINTS_LINK_LIMIT, readLocation, type DecodeResult } from '../../share/url.ts';
import { addNotice, dismissNotice, loadExperiment, useStore } from '../../state/store.ts';
import { enterTfpgMode } from '../../state/tfpg.ts';
import { clearLoad, reportLoad, reportTfLink } from './loadNotice.ts';

export const LINK_NOTICE_PREFIX = 'link:';

/** The link's one message (see loadNotice.ts): what it was and what the gate changed. */
function apply(result: DecodeResult): void {
  if (result.source !== 'empty') loadExperiment(result.config);
  if (result.source === 'tfPlayground')
    reportTfLink(result.config.engineMode === 'tfpg', result.notices, enterTfpgMode);
  else if (result.notices.length > 0) reportLoad('Opened the link', result.notices);
  else if (result.source !== 'empty') clearLoad();
}

let booted: DecodeResult | null = null;

/** Read the address once per page: load its experiment into the store, show its notices. */
export function bootFromLocation(): DecodeResult {
  if (booted) return booted;
  booted = readLocation();
  apply(booted);
  return booted;
}

/** For tests: forget the boot, so the next bootFromLocation reads the address again. */
export function resetBootForTests(): void {
  booted = null;
}

/**
 * Keep the address in step with the store's config and the view; follow hand edits of the hash.
 * `onView` receives the view of a hash the person typed in.
 */
export function useLinkSync(view: ViewState, onView: (v: ViewState) => void): void {
  const viewRef = useRef(view);
  const sizeNotice = useRef<number | null>(null);
  const writer = useRef(createHashWriter());

  useEffect(() => {
    const w = writer.current;
    const write = (config: ExperimentConfig) => {
      w.schedule(config, viewRef.current);
    };
    const afterWrite = (config: ExperimentConfig) => {
      // Say once when points no longer fit in a link; withdraw it when they fit again.
      const last = w.last();
      if (last?.pointsOmitted && sizeNotice.current === null) {
        sizeNotice.current = addNotice(
          `Too many points for a link (${config.points.length} points, ${last.pointsChars} characters compressed; a link holds up to ${POINTS_LINK_LIMIT}). The link opens without them: use “Export experiment” to share them as a file.`,
          'warning',
          `${LINK_NOTICE_PREFIX}points-size`,
        );
      } else if (last && !last.pointsOmitted && sizeNotice.current !== null) {
        dismissNotice(sizeNotice.current);
        sizeNotice.current = null;
      }
    };
    const off = useStore.subscribe((s, prev) => {
      if (s.config === prev.config) return;
      write(s.config);
      const points = s.config.points;
      if (points !== prev.config.points) {
        // The size notice depends on the encoded points: encode now, not at the debounced write.
        w.flush();
        afterWrite(s.config);
      }
    });
    const onHash = () => {
      w.cancel();
      const r = decodeHash(window.location.hash);
      onView(r.view);
      apply(r);
    };
    window.addEventListener('hashchange', onHash);
    // A link that was not already in this version's form (TF Playground's, hand-written,
    // repaired by the gate) is rewritten at once, so the address holds what is shown.
    if (bootFromLocation().source !== 'empty') write(useStore.getState().config);
    return () => {
      off();
      window.removeEventListener('hashchange', onHash);
      w.flush();
    };
  }, [onView]);

  useEffect(() => {
    if (viewRef.current === view) return;
    viewRef.current = view;
    writer.current.schedule(useStore.getState().config, view);
  }, [view]);
}
