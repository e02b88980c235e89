/**
 * The history's "Compare": the current run as A beside the record's run as B (src/state/compare.ts),
 * with its weights and curve where the record kept them; an older record gives its settings only
 * (B trains from the start) and says so.
 */
import type { RunRecord } from '../../persist/runHistory.ts';
import { startCompare } from '../../state/compare.ts';
import { secondRunOf } from '../../state/compareShare.ts';
import { recordedRun, SETTINGS_ONLY } from '../../state/runRecorder.ts';
import { addNotice } from '../../state/store.ts';

export function openCompareWith(record: RunRecord): void {
  const run = recordedRun(record);
  if (!run) addNotice(SETTINGS_ONLY, 'info', 'history-compare');
  void startCompare(run ? secondRunOf(run) : { config: record.config });
}
