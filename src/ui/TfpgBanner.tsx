/**
 * Says plainly which engine trains while TF Playground's exact mode is on, what the mode holds,
 * and offers the way back to our engine. Renders nothing in our engine's mode.
 */
import { useStore } from '../state/store.ts';
import { leaveTfpgMode } from '../state/tfpg.ts';
import './TfpgBanner.css';

export function TfpgBanner() {
  const mode = useStore((s) => s.config.engineMode);
  const seed = useStore((s) => s.config.tfSeed);
  if (mode !== 'tfpg') return null;
  return (
    <section className="tfpg-banner" aria-label="Engine" data-testid="tfpg-banner">
      <p>
        <strong>Training as TF Playground does: same numbers as the link on TF Playground.</strong>{' '}
        <span className="tfpg-banner-detail">
          Seed {seed}. Its data, starting weights and plain SGD; the settings it does not have (optimizer, schedule,
          dropout, clipping, loss, output) are fixed.
        </span>
      </p>
      <button type="button" data-control="engine-mode" onClick={leaveTfpgMode}>
        Use our engine
      </button>
    </section>
  );
}
