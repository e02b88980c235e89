/**
 * The one module that touches `location` and `history`: read the link on load, write it back
 * (replaceState, debounced) as settings change, and build the full URL for "Copy link".
 * The codec itself is pure and lives in hash.ts.
 */
import type { ExperimentConfig } from './config.ts';
import type { ViewState } from './embed.ts';
import { decodeHash, encodeHash, type DecodeResult, type EncodeResult } from './hash.ts';

export * from './hash.ts';

/** Quiet period before the address bar follows a change (a slider drag writes once). */
export const URL_WRITE_DELAY_MS = 250;

/** The experiment the current address holds (the defaults without a hash). */
export function readLocation(): DecodeResult {
  return decodeHash(window.location.hash);
}

/** Compare's run B rides along in the link: its run A's config and the `compare=` pair (src/share/compare.ts). */
type LinkExtra = () => { config: ExperimentConfig; pair: string } | null;
let linkExtra: LinkExtra | null = null;
export function setLinkExtra(extra: LinkExtra | null): void {
  linkExtra = extra;
}

/** The hash of an experiment, with a comparison's second run when there is one. */
function encodeLink(config: ExperimentConfig, view?: ViewState): EncodeResult {
  const extra = linkExtra?.();
  const enc = encodeHash(extra ? extra.config : config, view);
  return extra ? { ...enc, hash: `${enc.hash}&${extra.pair}` } : enc;
}

/** The whole URL of an experiment, for copying. */
export function linkFor(config: ExperimentConfig, view?: ViewState): { url: string } & EncodeResult {
  const enc = encodeLink(config, view);
  const { origin, pathname, search } = window.location;
  return { ...enc, url: `${origin}${pathname}${search}${enc.hash}` };
}

/** Replace the address's hash (no new history entry, no hashchange event). */
export function replaceHash(hash: string): void {
  if (window.location.hash === hash) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
}

export interface HashWriter {
  /** Write this experiment after the quiet period (a later call replaces an earlier one). */
  schedule(config: ExperimentConfig, view?: ViewState): void;
  /** Write the pending one now. */
  flush(): void;
  cancel(): void;
  /** The most recent encode (e.g. to tell that points were left out). */
  last(): EncodeResult | null;
}

export function createHashWriter(delayMs = URL_WRITE_DELAY_MS): HashWriter {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { config: ExperimentConfig; view: ViewState | undefined } | null = null;
  let latest: EncodeResult | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    latest = encodeLink(pending.config, pending.view);
    pending = null;
    replaceHash(latest.hash);
  };
  return {
    schedule(config, view) {
      pending = { config, view };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
    last: () => latest,
  };
}
