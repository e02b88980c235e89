/** "Backprop is broken on purpose · Fix it": shown on the page while a break is on, whatever panel is open. */
import { BREAK_LABELS } from '../../nn/breakage.ts';
import { setBreak, useGradCheck } from '../../state/gradcheck.ts';
import './GradientCheckView.css';

export function BreakBanner() {
  const kind = useGradCheck((s) => s.breakKind);
  if (kind === 'none') return null;
  return (
    <div className="break-banner" role="alert" data-testid="break-banner">
      <span>
        Backprop is broken on purpose <span className="break-kind">({BREAK_LABELS[kind].toLowerCase()})</span> ·
      </span>
      <button type="button" data-control="fix-backprop" onClick={() => setBreak('none')}>
        Fix it
      </button>
    </div>
  );
}
