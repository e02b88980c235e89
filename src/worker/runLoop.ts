/**
 * The training loop as plain code: pacing and flow control of one run (play, pause, step, the
 * tick; acks in flow.ts, the pace in pace.ts), no `self`, no timers of its own. The clock and the scheduler are injected, so Node
 * tests drive it deterministically and the worker drives it with performance.now() and a
 * zero-delay yield (src/worker/schedule.ts). What a snapshot holds is snapshot.ts; the engine's
 * Trainer is src/nn/training.ts.
 *
 * TrainingRun is one run: its state, recording and snapshots are RunCore (runCore.ts), the loop is
 * here. TrainerHost (host.ts) routes commands to it.
 *
 * Speeds: 'max' trains epoch after epoch for one display frame (FRAME_MS), sends one snapshot,
 * yields so commands get through, and goes on: never more than one snapshot per frame. A number is
 * epochs per second for teaching (1, 10, 100), paced against the clock; snapshots at most per frame.
 * A step trains like 'max' until its target epoch: a ping or a pause gets through between slices.
 */
import type { Speed } from '../share/config.ts';
import { createTrace } from '../nn/trace.ts';
import { ACK_SLICE_MS } from './flow.ts';
import { Pacer } from './pace.ts';
import { RunCore } from './runCore.ts';

export const FRAME_MS = 1000 / 60;
export const NO_DATA = 'There are no training points yet: draw some on the output, or pick a dataset.';
export { ACK_SLICE_MS, MAX_IN_FLIGHT } from './flow.ts';
/** Upper bound of epochs one `step` command trains. */
export const MAX_STEP_EPOCHS = 10_000;
export type { LoopEnv, RunOptions } from './runCore.ts';

export class TrainingRun extends RunCore {
  /** Pacing for numeric speeds (pace.ts). */
  private readonly pacer = new Pacer();
  /** Lockstep: the epoch a running run waits at (protocol.ts setLimit), and whether it pauses there. */
  private limit = Infinity;
  private pauseAtLimit = false;

  play(): void {
    if (this.status === 'running') {
      this.stepTarget = null; // Play during a long step: go on playing
      return;
    }
    if (this.refuseToTrain()) return;
    this.setStatus('running');
    this.repace();
    this.flow.lastAt = this.env.now();
    this.scheduleTick(0);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.stopLoop();
    this.stepTarget = null;
    this.setStatus('paused');
    this.sendSnapshot();
  }

  /** Train `epochs` epochs in slices (see the protocol's 'step'); the first slice runs now. */
  step(epochs: number): void {
    if (this.refuseToTrain()) return;
    const n = Math.max(1, Math.min(MAX_STEP_EPOCHS, Math.floor(Number.isFinite(epochs) ? epochs : 1)));
    this.stopLoop();
    // The page shows a step as paused (it says so itself): a step that outlasts its first slice says 'running' again.
    if (this.status === 'running') this.status = 'paused';
    this.stepTarget = this.epoch + n;
    this.flow.lastAt = this.env.now();
    this.fullSpeedSlice();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.config.speed = speed;
    this.repace();
    if (this.status === 'running') {
      this.stopLoop();
      this.scheduleTick(0);
    }
  }

  /**
   * A diverged run, or one without training points (a drawn dataset not drawn yet), does not
   * train: the status is repeated (so an optimistic "running" on the page is corrected) and, for
   * missing data, a notice says what to do.
   */
  private refuseToTrain(): boolean {
    if (this.status === 'diverged') {
      this.postStatus(this.divergence.diagnosis?.message, this.divergence.diagnosis?.divergence);
      return true;
    }
    if (this.b.train.n === 0) {
      this.postStatus();
      this.env.post({ type: 'notice', runId: this.runId, message: NO_DATA }, []);
      return true;
    }
    return false;
  }

  /** Lockstep's barrier (protocol.ts setLimit): a run waiting at the old limit goes on, or pauses. */
  setLimit(epoch: number | null, pause: boolean): void {
    this.limit = epoch === null || !Number.isFinite(epoch) ? Infinity : Math.max(0, Math.floor(epoch));
    this.pauseAtLimit = pause;
    // Waiting at the limit means running with no tick scheduled (atLimit).
    if (this.status !== 'running' || this.cancel !== null || this.stepTarget !== null) return;
    if (this.epoch >= this.limit) {
      if (pause) this.pause();
      return;
    }
    this.repace();
    this.scheduleTick(0);
  }

  /**
   * At the lockstep limit: pause there, or send what was trained and wait (no tick scheduled)
   * until setLimit raises it. A step ignores the limit.
   */
  private atLimit(): boolean {
    if (this.stepTarget !== null || this.epoch < this.limit) return false;
    if (this.pauseAtLimit) this.pause();
    else if (this.history.length > 0) this.sendSnapshot(true);
    return true;
  }

  private repace(): void {
    this.pacer.restart(this.epoch, this.env.now());
  }

  private scheduleTick(delay: number): void {
    this.cancel = this.env.schedule(() => {
      this.cancel = null;
      try {
        this.tick();
      } catch (err) {
        // Outside any command's handler: stop this run and say why, rather than kill the worker.
        this.stopLoop();
        this.stepTarget = null;
        this.status = 'paused';
        const message = err instanceof Error ? err.message : String(err);
        this.env.post({ type: 'error', runId: this.runId, message: `Training stopped: ${message}` }, []);
      }
    }, delay);
  }

  private tick(): void {
    if (this.status !== 'running') return;
    if (this.speed === 'max' || this.stepTarget !== null) {
      this.fullSpeedSlice();
      return;
    }
    const env = this.env;
    const speed = this.speed;
    const due = this.pacer.due(this.epoch, speed, () => env.now());
    while (this.epoch < due) {
      if (this.atLimit()) return;
      if (!this.trainEpoch()) return;
    }
    const now = env.now();
    let delay = Math.max(0, this.pacer.nextAt(this.epoch, speed) - now);
    if (this.history.length > 0) {
      const frameLeft = this.flow.lastAt + FRAME_MS - now;
      if (frameLeft > 0) delay = Math.min(delay, frameLeft);
      else if (this.flow.waiting(now)) delay = Math.min(delay, FRAME_MS);
      else this.sendSnapshot(true);
    }
    this.scheduleTick(delay);
  }

  /**
   * Train for what is left of this frame (a whole frame while the page has not caught up), or up to
   * the step's target, then one snapshot, then yield to messages. A step still short of its target
   * after its first slice reports 'running', so the page offers Pause.
   */
  private fullSpeedSlice(): void {
    const env = this.env;
    const sliceStart = env.now();
    let now: number;
    do {
      if (this.stepTarget !== null && this.epoch >= this.stepTarget) {
        this.finishStep();
        return;
      }
      if (this.atLimit()) return;
      if (!this.trainEpoch()) return;
      now = env.now();
    } while (now - this.flow.lastAt < FRAME_MS || (this.flow.waiting(now) && now - sliceStart < ACK_SLICE_MS));
    if (this.stepTarget !== null && this.epoch >= this.stepTarget) {
      this.finishStep();
      return;
    }
    if (this.status !== 'running') this.setStatus('running');
    if (!this.flow.waiting(now)) this.sendSnapshot(true);
    this.scheduleTick(0);
  }

  private finishStep(): void {
    this.stepTarget = null;
    if (this.status !== 'paused') this.setStatus('paused');
    this.sendSnapshot();
  }

  /**
   * One minibatch (the protocol's 'batchStep'), then paused with a snapshot; with `explain`, the
   * engine's trace of it goes first. An epoch it completes is recorded as trainEpoch records it.
   */
  batchStep(explain: boolean, requestId: number): void {
    if (this.refuseToTrain()) return;
    this.stopLoop();
    this.stepTarget = null;
    const trainer = this.b.trainer;
    const trace = explain ? createTrace(this.b.net, Math.min(trainer.options.batchSize, this.b.train.n)) : null;
    const r = trainer.batchStep(trace);
    this.view.invalidate();
    if (trace) this.env.post({ type: 'trace', runId: this.runId, requestId, trace }, []);
    if (r.epochDone && !this.recordEpoch(r.epochDone)) return;
    if (this.status !== 'paused') this.setStatus('paused');
    this.sendSnapshot();
  }
}
