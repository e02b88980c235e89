/**
 * The replay timeline under the charts: a slider over the run's checkpoint epochs (the last stop is
 * "live"). Moving it back pauses the run and shows that epoch on the output plane, the network and
 * the charts; "Back to live" returns, "Continue from here" trains on from that epoch.
 */
import { useId } from 'react';
import { useStore } from '../../state/store.ts';
import { useThrottled, useThrottledRead } from '../useThrottled.ts';
import { backToLive, continueFromHere, timelineStore, useTimeline, viewEpoch } from '../../state/timeline.ts';
import './Timeline.css';

const readCheckpoints = () => timelineStore.getState().checkpoints;
/** While training, the slider's checkpoints and spoken epoch are re-read 4 times a second. */
const TRAINING_MS = 250;

export function Timeline() {
  const id = useId();
  const running = useStore((s) => s.run.status === 'running');
  // While training, a new checkpoint comes with most snapshots early on: the slider follows 4×/s.
  const checkpoints = useThrottledRead(readCheckpoints, timelineStore.subscribe, running ? TRAINING_MS : 0);
  const viewingEpoch = useTimeline((s) => s.viewingEpoch);
  const ready = useTimeline((s) => s.viewing !== null);
  // Only the slider's spoken text reads the epoch: 4 times a second while training, not every frame.
  const epoch = useThrottled((s) => s.run.epoch, running ? TRAINING_MS : 0);
  const n = checkpoints.length;
  const index = viewingEpoch === null ? n : Math.max(0, checkpoints.indexOf(viewingEpoch));
  const onIndex = (i: number) => {
    if (i >= n) backToLive();
    else viewEpoch(checkpoints[i]!);
  };
  return (
    <div className="timeline" data-control="timeline">
      <label htmlFor={id}>Timeline</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(1, n)}
        step={1}
        value={index}
        disabled={n === 0}
        aria-valuetext={viewingEpoch === null ? `Live, epoch ${epoch}` : `Epoch ${viewingEpoch}`}
        onChange={(e) => onIndex(Number(e.currentTarget.value))}
      />
      {viewingEpoch === null ? (
        <span className="timeline-status" data-testid="timeline-status">
          Live
        </span>
      ) : (
        <span className="timeline-status viewing" data-testid="timeline-status" role="status">
          Viewing epoch {viewingEpoch} ·{' '}
          <button type="button" className="link-button" onClick={backToLive}>
            Back to live
          </button>
          <button type="button" onClick={() => continueFromHere()} disabled={!ready}>
            Continue from here
          </button>
        </span>
      )}
    </div>
  );
}
