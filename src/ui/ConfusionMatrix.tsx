import { classColor } from '../viz/colors.ts';
import './ConfusionMatrix.css';
import type { RunInfo, Snapshot } from '../worker/protocol.ts';

export type ConfusionSet = Snapshot['confusionSet'];

/**
 * Which points the matrix counts: the snapshot says so when the worker sends `confusionSet`;
 * otherwise the training set when there is no test set (a 100% split), else the test set.
 */
export function confusionSetOf(snapshot: Snapshot | null, info: RunInfo | null): ConfusionSet {
  if (snapshot) return snapshot.confusionSet;
  return info && info.testLabels.length === 0 ? 'train' : 'test';
}

export interface ConfusionMatrixProps {
  /** k*k counts, row = true class, column = predicted. */
  counts: ArrayLike<number> | null;
  k: number;
  /** Names of the classes (binary: Orange (0), Blue (1)). */
  classNames?: string[];
  /** The points counted (default: the test set). */
  set?: ConfusionSet;
  /** The replay timeline's viewed epoch (the counts are that epoch's); absent: the live run. */
  viewedEpoch?: number | null;
}

export function defaultClassNames(k: number): string[] {
  if (k === 2) return ['Orange', 'Blue'];
  return Array.from({ length: k }, (_, i) => `Class ${i + 1}`);
}

/** The test (or training) set's confusion matrix as a table (screen readers read it cell by cell). */
export function ConfusionMatrix({ counts, k, classNames, set = 'test', viewedEpoch = null }: ConfusionMatrixProps) {
  const names = classNames ?? defaultClassNames(k);
  // Many classes: headers show the number only ("Class " stays for screen readers), so 6 columns fit.
  const short = !classNames && k > 2;
  const label = (n: string, i: number) =>
    short ? (
      <>
        <span className="visually-hidden">Class </span>
        {i + 1}
      </>
    ) : (
      n
    );
  let total = 0;
  let correct = 0;
  if (counts) {
    for (let t = 0; t < k; t++)
      for (let p = 0; p < k; p++) {
        const c = counts[t * k + p] ?? 0;
        total += c;
        if (t === p) correct += c;
      }
  }
  return (
    <div className={`confusion${short ? ' is-many' : ''}`}>
      <table>
        <caption>
          {set === 'train' ? 'Training set (there is no test set)' : 'Test set'}
          {viewedEpoch !== null ? ` at epoch ${viewedEpoch}` : ''}
          {total > 0 ? `: ${((correct / total) * 100).toFixed(1)}% correct` : ''}
        </caption>
        <thead>
          <tr>
            <td className="corner">True ↓ / Predicted →</td>
            {names.map((n, i) => (
              <th key={i} scope="col">
                <Swatch k={k} i={i} />
                {label(n, i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((n, t) => {
            let rowTotal = 0;
            for (let p = 0; p < k; p++) rowTotal += counts?.[t * k + p] ?? 0;
            return (
              <tr key={t}>
                <th scope="row">
                  <Swatch k={k} i={t} />
                  {label(n, t)}
                </th>
                {names.map((_, p) => {
                  const c = counts?.[t * k + p] ?? 0;
                  const share = rowTotal > 0 ? c / rowTotal : 0;
                  return (
                    <td
                      key={p}
                      className={t === p ? 'diag' : 'off'}
                      style={{ ['--share' as string]: share.toFixed(3) }}
                    >
                      {counts ? c : '–'}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Swatch({ k, i }: { k: number; i: number }) {
  const c = classColor(i, k);
  return <span className="swatch" aria-hidden="true" style={{ background: `rgb(${c[0]}, ${c[1]}, ${c[2]})` }} />;
}
