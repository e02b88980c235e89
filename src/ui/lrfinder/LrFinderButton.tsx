/** "Find a learning rate" beside the learning-rate control; its panel is a lazy chunk (Recharts). */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { findLearningRate, useLrFinder } from '../../state/lrFinder.ts';

const LrFinderPanel = lazy(() => import('./LrFinderPanel.tsx'));

export function LrFinderButton() {
  const open = useLrFinder((s) => s.open);
  return (
    <>
      <button
        type="button"
        className="lr-finder-button"
        data-control="lr-finder"
        onClick={findLearningRate}
        title="Try rates from 0.00001 to 10 on a copy of the network and suggest one"
      >
        Find a learning rate
      </button>
      {open && typeof document !== 'undefined'
        ? createPortal(
            <Suspense fallback={null}>
              <LrFinderPanel />
            </Suspense>,
            document.body,
          )
        : null}
    </>
  );
}
