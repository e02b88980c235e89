/** Every worker event enters the store here. Events of another run are dropped. */
import { eventRunId, PROTOCOL_VERSION, type WorkerEvent } from '../worker/protocol.ts';
import { settleExport } from './exports.ts';
import { historyBuffer, publishDue, setWorkerState } from './run.ts';
import { HISTORY_PUBLISH_MS, store } from './store.ts';

export function receiveEvent(event: WorkerEvent): void {
  const s = store.getState();
  const id = eventRunId(event);
  if (id !== undefined && id !== s.runId) return;
  switch (event.type) {
    case 'hello':
      if (event.protocol === PROTOCOL_VERSION) setWorkerState('ready');
      else {
        setWorkerState('failed');
        s.addNotice(
          `The training worker speaks protocol ${event.protocol}, this page ${PROTOCOL_VERSION}: reload the page.`,
          'error',
          'worker',
        );
      }
      return;
    case 'runInfo':
      store.setState({ runInfo: event.info });
      return;
    case 'snapshot': {
      const snap = event.snapshot;
      historyBuffer.addChunk(snap.history);
      const publish = publishDue(performance.now(), HISTORY_PUBLISH_MS, snap.status !== 'running');
      store.setState((st) => ({
        snapshot: snap,
        run: {
          ...st.run,
          epoch: snap.epoch,
          trainLoss: snap.trainLoss,
          testLoss: snap.testLoss,
          trainAccuracy: snap.trainAccuracy,
          testAccuracy: snap.testAccuracy,
          epochsPerSecond: snap.epochsPerSecond,
        },
        ...(publish ? { history: historyBuffer.toArray() } : {}),
      }));
      return;
    }
    case 'status': {
      const message = event.message ?? null;
      store.setState((st) => ({
        run: {
          ...st.run,
          status: event.status,
          epoch: event.epoch,
          message: event.status === 'diverged' ? message : null,
        },
      }));
      if (event.status === 'diverged' && message) s.addNotice(message, 'warning', 'diverged');
      return;
    }
    case 'export':
      settleExport(event);
      return;
    case 'notice':
      s.addNotice(event.message, 'info', 'worker-notice');
      return;
    case 'error':
      store.setState((st) => ({ run: { ...st.run, status: 'error', message: event.message } }));
      s.addNotice(event.message, 'error', 'worker-error');
      return;
  }
}
