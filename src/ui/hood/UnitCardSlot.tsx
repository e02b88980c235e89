/**
 * Where the unit equation card opens (under the network diagram, so it covers neither the diagram
 * nor the plane). The card typesets math, so it is a lazy chunk: nothing loads until a unit is clicked.
 */
import { lazy, Suspense } from 'react';
import { useHood } from '../../state/hood.ts';

const UnitCard = lazy(() => import('./UnitCard.tsx'));

export function UnitCardSlot() {
  const card = useHood((s) => s.card);
  return card ? (
    <Suspense fallback={null}>
      <UnitCard unit={card} />
    </Suspense>
  ) : null;
}
