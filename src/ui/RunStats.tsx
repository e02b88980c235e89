/**
 * The run's numbers in the top bar: epoch, the minibatch inside an epoch, train and test loss.
 * Its own component so that numbers changing every frame re-render four cells, not the whole bar.
 */
import { formatEpoch, formatNumber } from './labels.ts';

export interface RunStatsProps {
  epoch: number;
  trainLoss: number | null;
  testLoss: number | null;
  /** Inside an epoch: minibatches trained of the epoch's count. */
  batch?: { done: number; of: number } | null;
  /** The numbers are the replay timeline's viewed epoch, not the live run's. */
  viewing?: boolean;
}

export function RunStats(p: RunStatsProps) {
  return (
    <dl className={`stats${p.viewing ? ' is-viewing' : ''}`} data-testid="stats">
      <div className="stat">
        <dt>{p.viewing ? 'Viewed epoch' : 'Epoch'}</dt>
        <dd data-testid="epoch">{formatEpoch(p.epoch)}</dd>
      </div>
      {p.batch ? (
        <div
          className="stat"
          title={`${p.epoch} epochs done, then ${p.batch.done} of the next epoch's ${p.batch.of} minibatches`}
        >
          <dt>Batch</dt>
          <dd data-testid="batch">
            {p.batch.done} of {p.batch.of}
          </dd>
        </div>
      ) : null}
      <div className="stat">
        <dt>Train loss</dt>
        <dd data-testid="train-loss">{formatNumber(p.trainLoss)}</dd>
      </div>
      <div className="stat">
        <dt>Test loss</dt>
        <dd data-testid="test-loss">{formatNumber(p.testLoss)}</dd>
      </div>
    </dl>
  );
}
