/**
 * The history's "Compare" goes through here: the coordinator wires it to the A/B comparison
 * (branch compare: open Compare with the current run as A and this record's settings as B).
 * Until then it opens the record's settings beside nothing and says so.
 */
import type { RunRecord } from '../../persist/runHistory.ts';
import { addNotice } from '../../state/store.ts';

export function openCompareWith(record: RunRecord): void {
  addNotice(
    `Compare is not part of this build yet: "${record.name ?? 'this run'}" stays in the history.`,
    'info',
    'compare',
  );
}
