/** The history's "Compare": the current run as A beside this record's settings as B (src/state/compare.ts). */
import type { RunRecord } from '../../persist/runHistory.ts';
import { startCompare } from '../../state/compare.ts';

export function openCompareWith(record: RunRecord): void {
  void startCompare({ config: record.config });
}
