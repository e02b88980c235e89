/** The top bar's "Compare" (data-control="compare"): open two runs A and B, or leave with the one being edited. */
import { keep, startCompare, useCompare } from '../../state/compare.ts';

export function CompareButton() {
  const active = useCompare((s) => s.active);
  const editing = useCompare((s) => s.editing);
  return (
    <button
      type="button"
      className="compare-toggle"
      data-control="compare"
      aria-pressed={active}
      onClick={() => (active ? keep(editing) : void startCompare())}
      title={
        active
          ? `Leave the comparison, keeping run ${editing}`
          : 'Compare two runs side by side: B starts as a copy of A; change B and train both together'
      }
    >
      Compare
    </button>
  );
}
