/** "History" in the top bar; its panel is a lazy chunk, shown over the page. */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { closeHistory, openHistory, useHistoryOpen } from './historyView.ts';

const HistoryPanel = lazy(() => import('./HistoryPanel.tsx'));

export function HistoryButton() {
  const open = useHistoryOpen();
  return (
    <>
      <button
        type="button"
        data-control="history"
        aria-expanded={open}
        onClick={open ? closeHistory : openHistory}
        title="Runs kept in this browser"
      >
        History
      </button>
      {open && typeof document !== 'undefined'
        ? createPortal(
            <Suspense fallback={null}>
              <HistoryPanel />
            </Suspense>,
            document.body,
          )
        : null}
    </>
  );
}
