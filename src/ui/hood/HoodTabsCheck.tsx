/**
 * TEMPORARY mount of the hoodcheck views until the coordinator merges branch hoodstep, whose
 * HoodPanel (src/ui/hood/HoodPanel.tsx) shows them in its "Gradient check" and "Space" tabs.
 * At the merge: delete this file and its line in App.tsx, and render
 *   tab 'check' → <GradientCheckView />   (./GradientCheckView.tsx)
 *   tab 'space' → <TransformedSpaceView /> (./TransformedSpaceView.tsx)
 * inside HoodPanel's tab panels. The views are standalone (no props).
 */
import { lazy, Suspense, useId, useState } from 'react';

const GradientCheckView = lazy(() => import('./GradientCheckView.tsx').then((m) => ({ default: m.GradientCheckView })));
const TransformedSpaceView = lazy(() =>
  import('./TransformedSpaceView.tsx').then((m) => ({ default: m.TransformedSpaceView })),
);

type Tab = 'check' | 'space';
const TABS: { id: Tab; label: string }[] = [
  { id: 'check', label: 'Gradient check' },
  { id: 'space', label: 'Space' },
];

export function HoodTabsCheck() {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('check');
  const base = useId();
  return (
    <div className="hood-check-slot">
      <button type="button" data-control="hood-check" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide gradient check and space' : 'Gradient check and space'}
      </button>
      {open ? (
        <section className="panel hood-check" aria-label="Under the hood">
          <div role="tablist" aria-label="Under the hood">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`${base}-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`${base}-${t.id}-panel`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${base}-${tab}-panel`} aria-labelledby={`${base}-${tab}`}>
            <Suspense fallback={<p>Loading…</p>}>
              {tab === 'check' ? <GradientCheckView /> : <TransformedSpaceView />}
            </Suspense>
          </div>
        </section>
      ) : null}
    </div>
  );
}
