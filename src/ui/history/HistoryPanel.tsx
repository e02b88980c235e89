/**
 * "History" (a lazy chunk): the runs kept in this browser, newest first, each with its boundary,
 * a test-loss sparkline and its final numbers. Reopen, Compare, Rename, Delete; pick several and
 * "Overlay" their test-loss curves (Recharts, its own lazy chunk); "Clear history" asks first.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { RunRecord } from '../../persist/runHistory.ts';
import {
  clearRecords,
  deleteRecord,
  refreshRunHistory,
  renameRecord,
  reopenRecord,
  useRunHistory,
} from '../../state/runRecorder.ts';
import { useCompare } from '../../state/compareState.ts';
import { useStore } from '../../state/store.ts';
import { formatNumber } from '../labels.ts';
import { paletteFor, useResolvedTheme, type CanvasPalette } from '../theme.ts';
import { defaultRunName } from './differences.ts';
import { closeHistory } from './historyView.ts';
import { openCompareWith } from './openCompare.ts';
import { BoundaryPicture, Sparkline } from './RunThumb.tsx';
import '../charts/sheet.css';
import './HistoryPanel.css';

const OverlayChart = lazy(() => import('./OverlayChart.tsx'));

export default function HistoryPanel() {
  const records = useRunHistory((s) => s.records);
  const palette = paletteFor(useResolvedTheme(useStore((s) => s.config.theme)));
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [overlay, setOverlay] = useState<RunRecord[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void refreshRunHistory();
  }, []);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  const pickedRuns = records.filter((r) => picked.has(r.id));
  return (
    <section className="floating-sheet history-panel" role="region" aria-label="History" data-testid="history-panel">
      <header>
        <h2>History</h2>
        <span className="history-count">
          {records.length} {records.length === 1 ? 'run' : 'runs'} kept in this browser (at most 100)
        </span>
        <button type="button" onClick={closeHistory} aria-label="Close the history">
          ✕
        </button>
      </header>
      <p className="history-help">
        Every run that trained at least 10 epochs is kept here, on this computer only. Nothing is sent anywhere.
      </p>
      <div className="history-actions">
        <button
          type="button"
          className="primary"
          disabled={pickedRuns.length < 2}
          onClick={() => setOverlay(pickedRuns)}
          title="Pick two or more runs with their check boxes"
        >
          Overlay {pickedRuns.length >= 2 ? `${pickedRuns.length} runs` : ''}
        </button>
        {confirming ? (
          <span className="history-confirm" role="alert">
            Forget all {records.length} runs?{' '}
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                setPicked(new Set());
                setOverlay(null);
                void clearRecords();
              }}
            >
              Yes, clear history
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" disabled={records.length === 0} onClick={() => setConfirming(true)}>
            Clear history
          </button>
        )}
      </div>
      {overlay ? (
        <div className="history-overlay">
          <Suspense fallback={<p>Drawing…</p>}>
            <OverlayChart runs={overlay} palette={palette} />
          </Suspense>
          <button type="button" onClick={() => setOverlay(null)}>
            Close the overlay
          </button>
        </div>
      ) : null}
      {records.length === 0 ? (
        <p className="history-empty">No runs yet: train a run for 10 epochs or more and it appears here.</p>
      ) : (
        <ul className="history-list">
          {records.map((r) => (
            <RunItem
              key={r.id}
              record={r}
              palette={palette}
              picked={picked.has(r.id)}
              onPick={(on) => toggle(r.id, on)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function RunItem(p: { record: RunRecord; palette: CanvasPalette; picked: boolean; onPick: (on: boolean) => void }) {
  const comparing = useCompare((c) => c.active);
  const r = p.record;
  const [renaming, setRenaming] = useState(false);
  const [text, setText] = useState(r.name ?? '');
  const name = r.name ?? defaultRunName(r.config);
  const acc = r.final.testAccuracy ?? r.final.trainAccuracy;
  return (
    <li className="history-item" data-testid="history-item">
      <label className="history-pick">
        <input type="checkbox" checked={p.picked} onChange={(e) => p.onPick(e.target.checked)} />
        <span className="visually-hidden">Pick {name}</span>
      </label>
      <BoundaryPicture picture={r.picture} palette={p.palette} size={48} />
      <Sparkline curve={r.curve} palette={p.palette} width={90} height={36} />
      <div className="history-info">
        {renaming ? (
          <form
            className="history-rename"
            onSubmit={(e) => {
              e.preventDefault();
              setRenaming(false);
              void renameRecord(r.id, text);
            }}
          >
            <label className="visually-hidden" htmlFor={`rename-${r.id}`}>
              New name
            </label>
            <input id={`rename-${r.id}`} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
            <button type="submit">Save</button>
          </form>
        ) : (
          <strong className="history-name">{name}</strong>
        )}
        <span className="history-meta">
          {new Date(r.date).toLocaleString()} · epoch {r.epoch} · test loss{' '}
          {formatNumber(r.final.testLoss ?? r.final.trainLoss)}
          {acc !== null ? ` · accuracy ${(acc * 100).toFixed(1)}%` : ''}
        </span>
      </div>
      <div className="history-buttons">
        <button
          type="button"
          onClick={() => {
            reopenRecord(r);
            closeHistory();
          }}
          title={r.run ? `Open this run as it was at epoch ${r.epoch}, ready to train on` : "Open this run's settings"}
        >
          Reopen
        </button>
        <button
          type="button"
          disabled={comparing}
          onClick={() => {
            openCompareWith(r);
            closeHistory();
          }}
          title={comparing ? 'Leave the comparison first (Keep A or Keep B)' : 'Compare with the current run'}
        >
          Compare
        </button>
        <button type="button" onClick={() => setRenaming(!renaming)}>
          Rename
        </button>
        <button type="button" onClick={() => void deleteRecord(r.id)} aria-label={`Delete ${name}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
