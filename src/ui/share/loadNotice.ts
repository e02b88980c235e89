/**
 * One message per load (a link, an experiment file, a CSV): "Opened xor.json · 3 settings were
 * changed", the changes one per line below it (the notice list shows them behind "Details"). Every
 * load uses the same notice key, so the next load replaces the last one's message, warnings and
 * all. Messages from the share/ gate name fields and ids ("trainPercent: clamped 150 to 90 …");
 * here they get the names on the page ("Ratio of training data: 150 → 90 …").
 */
import type { ConfigNotice } from '../../share/schema.ts';
import { addNotice, dismissNotice, useStore, type NoticeAction, type NoticeKind } from '../../state/store.ts';
import { ACTIVATION_LABELS, DATASET_LABELS, FIELD_LABELS, LOSS_LABELS, OPTIMIZER_LABELS } from '../labels.ts';

/** The store key every load's message shares. */
export const LOAD_NOTICE_KEY = 'load';

/** Engine ids that messages quote, and their on-screen names (multi-word ids only: "circle" reads fine). */
const ID_LABELS: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...DATASET_LABELS, ...LOSS_LABELS, ...ACTIVATION_LABELS, ...OPTIMIZER_LABELS }).filter(
    ([id, label]) => id.toLowerCase() !== label.toLowerCase(),
  ),
);
const ID_PATTERN = new RegExp(`(?<![\\w-])(${[...ID_LABELS.keys()].join('|')})(?![\\w-])`, 'g');

/** A gate message in the page's words. */
export function plainNotice(n: ConfigNotice): string {
  let text = n.message;
  const m = /^([\w/]+):\s*/.exec(text);
  const label = m?.[1] ? FIELD_LABELS[m[1]] : undefined;
  if (m && label) text = `${label}: ${text.slice(m[0].length)}`;
  // "clamped 150 to 90 (allowed: 10 to 90)" → "150 → 90 (allowed 10 to 90)"
  text = text.replace(/\b(?:clamped|rounded) (\S+) to (\S+) \(allowed: ([^)]*)\)/, '$1 → $2 (allowed $3)');
  return text.replace(ID_PATTERN, (id) => ID_LABELS.get(id) ?? id);
}

/** "1 setting was changed", "3 settings were changed". */
export function changedCount(n: number): string {
  return n === 1 ? '1 setting was changed' : `${n} settings were changed`;
}

/**
 * Show a load's one message, replacing the previous load's. `title` says what was loaded
 * ("Opened xor.json"); `notices` are what the gate changed. Returns the notice id.
 */
export function reportLoad(
  title: string,
  notices: readonly ConfigNotice[] = [],
  kind?: NoticeKind,
  actions?: NoticeAction[],
): number {
  const lines = notices.map(plainNotice);
  const head = lines.length > 0 ? `${title} · ${changedCount(lines.length)}` : title;
  return addNotice(
    [head, ...lines].join('\n'),
    kind ?? (lines.length > 0 ? 'warning' : 'info'),
    LOAD_NOTICE_KEY,
    actions,
  );
}

/**
 * A TF Playground link's message: in the exact mode, that it trains as TF Playground does; else
 * that the random numbers differ, with the button that switches to the exact mode.
 */
export function reportTfLink(exact: boolean, notices: readonly ConfigNotice[], enterExact: () => void): number {
  if (exact)
    return reportLoad(
      'Opened a TensorFlow Playground link, trained exactly as TF Playground does: same data, same starting weights, same numbers.',
      notices,
    );
  return reportLoad(
    'Opened a TensorFlow Playground link: same dataset, network and settings (tanh or linear output, squared loss, SGD). The random numbers differ from TF Playground’s.',
    notices,
    undefined,
    [{ label: 'Train exactly as TF Playground', run: enterExact }],
  );
}

/** A load that failed: its reasons replace the previous load's message. */
export function reportLoadError(title: string, reasons: readonly string[]): number {
  return addNotice([title, ...reasons].join('\n'), 'error', LOAD_NOTICE_KEY);
}

/** A load with nothing to say still retires the previous load's message. */
export function clearLoad(): void {
  for (const n of useStore.getState().notices) if (n.key === LOAD_NOTICE_KEY) dismissNotice(n.id);
}
