/**
 * Counting the confusion matrix during an evaluation pass: (true class, predicted) into K·K counts
 * over the set being evaluated. Used by the live snapshots (snapshot.ts) and by a checkpoint's
 * snapshot (checkpoints.ts), so a viewed epoch counts exactly as the live run did at that epoch.
 */
import type { Workspace } from '../nn/pass.ts';
import type { Built } from './build.ts';

export interface ConfusionCounter {
  begin(): void;
  /** An evaluation batch: rows start..start+n of the set, their outputs in ws. */
  visit(ws: Workspace, start: number, n: number): void;
}

/**
 * Counts into m (K·K, row = true class, column = predicted): labels from the Dataset of `set`
 * (row-aligned with its Data), predictions as metrics.ts countCorrect decides them.
 */
export function confusionCounter(b: Built, set: 'test' | 'train', m: Int32Array): ConfusionCounter {
  const k = b.classes;
  const labels = (set === 'test' ? b.testSet : b.trainSet).labels;
  const last = b.net.layers.length - 1;
  const threshold = b.outputActivation === 'tanh' ? 0 : 0.5;
  const multi = b.problem === 'multiclass';
  return {
    begin: () => m.fill(0),
    visit: (ws, start, n) => {
      const out = ws.a[last]!;
      for (let i = 0; i < n; i++) {
        let best = 0;
        if (multi) {
          for (let c = 1; c < k; c++) if (out[i * k + c]! > out[i * k + best]!) best = c;
        } else best = out[i]! > threshold ? 1 : 0;
        m[labels[start + i]! * k + best]! += 1;
      }
    },
  };
}
