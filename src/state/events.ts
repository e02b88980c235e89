/** Every worker event enters the store here. Events of another run are dropped. */
import { eventRunId, PROTOCOL_VERSION, type Divergence, type RunId, type WorkerEvent } from '../worker/protocol.ts';
import type { StopReason } from '../worker/stopRule.ts';
import { settleExport } from './exports.ts';
import { hoodRunStarted, receiveHoodEvent } from './gradcheck.ts';
import { addGradFlow } from './gradflow.ts';
import { receiveTrace } from './hood.ts';
import { historyBuffer, publishDue, setWorkerState } from './run.ts';
import { receiveLrRange } from './lrFinder.ts';
import { receiveTimelineEvent } from './timeline.ts';
import { HISTORY_PUBLISH_MS, store, type NoticeAction } from './store.ts';

export const SATURATED =
  'Most hidden units are stuck at their limits (saturated), so the network has stopped learning. Lower the learning rate, then press Reset.';
export const DEAD =
  'Most hidden units output 0 for every point (dead ReLU units), so the network has stopped learning. Lower the learning rate, then press Reset.';

/** The run whose saturation was already told (once per run), and what stopped the current run. */
let saturationToldFor: RunId = 0;
let stopped: { runId: RunId; what: string } | null = null;

const resetAction = (): NoticeAction => ({ label: 'Reset', run: () => store.getState().reset() });

/** The divergence's fix as a button ("Lower the learning rate to 0.003 and reset"), then a plain Reset. */
function divergenceActions(d: Divergence | undefined): NoticeAction[] {
  const actions: NoticeAction[] = [];
  const rate = d?.fix?.learningRate;
  if (rate !== undefined) {
    actions.push({
      label: `Lower the learning rate to ${rate} and reset`,
      run: () => {
        store.getState().setConfig({ learningRate: rate });
        store.getState().reset();
      },
    });
  }
  actions.push(resetAction());
  return actions;
}

/** Play or Step on a diverged run: say why nothing happens, and offer Reset. */
export function explainStopped(): void {
  const s = store.getState();
  const what = stopped?.runId === s.runId ? stopped.what : `the loss became too large at epoch ${s.run.epoch}`;
  s.addNotice(`Training stopped: ${what}. Press Reset to start again.`, 'warning', 'stopped', [resetAction()]);
}

/** Why the run paused by itself, in the words of the top bar's stop settings. */
export function stopText(r: StopReason): string {
  if (r.kind === 'epoch') return `Paused at epoch ${r.epoch}, as "Stop at epoch" asks. Press Play to go on.`;
  return `Paused at epoch ${r.epoch}: the test loss (${Number(r.testLoss.toPrecision(3))}) fell below ${r.below}, as "Stop when test loss <" asks.`;
}

function dropNotice(key: string): void {
  store.setState((st) =>
    st.notices.some((n) => n.key === key) ? { notices: st.notices.filter((n) => n.key !== key) } : {},
  );
}

/** Events of a run that is not the store's: Compare's other run (src/state/compare.ts). */
let otherRun: ((event: WorkerEvent) => void) | null = null;
export function setOtherRunListener(listener: ((event: WorkerEvent) => void) | null): void {
  otherRun = listener;
}

export function receiveEvent(event: WorkerEvent): void {
  const s = store.getState();
  const id = eventRunId(event);
  if (id !== undefined && id !== s.runId) {
    otherRun?.(event);
    return;
  }
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
      hoodRunStarted(event.info.runId);
      return;
    case 'snapshot': {
      const snap = event.snapshot;
      historyBuffer.addChunk(snap.history);
      addGradFlow(snap);
      if (snap.saturation && saturationToldFor !== snap.runId) {
        saturationToldFor = snap.runId;
        s.addNotice(snap.saturation.kind === 'dead' ? DEAD : SATURATED, 'warning', 'saturation', [resetAction()]);
      }
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
      if (event.status === 'diverged' && event.divergence)
        stopped = { runId: event.runId, what: event.divergence.what };
      if (event.stopped) s.addNotice(stopText(event.stopped), 'info', 'stop');
      else if (event.status === 'running') dropNotice('stop');
      if (event.status === 'diverged' && message)
        s.addNotice(message, 'warning', 'diverged', divergenceActions(event.divergence));
      return;
    }
    case 'export':
      settleExport(event);
      return;
    case 'gradCheck':
    case 'space':
      receiveHoodEvent(event);
      return;
    case 'trace':
      receiveTrace(event);
      return;
    case 'notice':
      s.addNotice(event.message, 'info', 'worker-notice');
      return;
    case 'checkpoints':
    case 'checkpoint':
      receiveTimelineEvent(event);
      return;
    case 'lrRange':
      receiveLrRange(event);
      return;
    case 'error':
      store.setState((st) => ({ run: { ...st.run, status: 'error', message: event.message } }));
      s.addNotice(event.message, 'error', 'worker-error');
      return;
  }
}
