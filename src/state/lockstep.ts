/**
 * Lockstep of two runs (A and B, each in its own worker), as plain code: the page's side of the
 * worker's epoch limit (protocol.ts setLimit). Both runs train up to a shared limit and the faster
 * waits there; each progress report moves the limit to (the slower run's epoch + one chunk), the
 * chunk being about CHUNK_SECONDS of the slower run's training. Pause sends the current limit with
 * `pause`, so both stop at the same epoch; Step asks both for the same number of epochs (they are
 * paused at the same epoch). A diverged run stops counting: the other trains on alone.
 *
 * No timers and no worker here: `send(slot, command)` is injected, so tests drive it directly.
 */
import type { Command, RunId } from '../worker/protocol.ts';

export type Slot = 'A' | 'B';
export const SLOTS: readonly Slot[] = ['A', 'B'];

/** How far (in seconds of the slower run's training) the faster may run ahead before it waits. */
export const CHUNK_SECONDS = 0.2;
/** Chunk bounds in epochs: at least a few (few round trips), at most a few thousand (a quick Pause). */
export const MIN_CHUNK = 4;
export const MAX_CHUNK = 4000;

/** The lockstep chunk for a rate of `epochsPerSecond` (the slower run's). */
export function chunkFor(epochsPerSecond: number): number {
  const c = Math.round((Number.isFinite(epochsPerSecond) ? epochsPerSecond : 0) * CHUNK_SECONDS);
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, c));
}

interface Lane {
  runId: RunId;
  epoch: number;
  epochsPerSecond: number;
  diverged: boolean;
}

export type LockstepSend = (slot: Slot, command: Command) => void;

export class Lockstep {
  private readonly send: LockstepSend;
  private readonly lanes: Record<Slot, Lane> = {
    A: { runId: 0, epoch: 0, epochsPerSecond: 0, diverged: false },
    B: { runId: 0, epoch: 0, epochsPerSecond: 0, diverged: false },
  };
  private playing = false;
  private limit = 0;

  constructor(send: LockstepSend) {
    this.send = send;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** The epoch both runs may train to now. */
  get currentLimit(): number {
    return this.limit;
  }

  /** A (re)started run in a slot, at its starting epoch. */
  started(slot: Slot, runId: RunId, epoch: number): void {
    this.lanes[slot] = { runId, epoch, epochsPerSecond: 0, diverged: false };
  }

  runId(slot: Slot): RunId {
    return this.lanes[slot].runId;
  }

  /** Play both: limit first, so neither runs past it. */
  play(): void {
    this.playing = true;
    this.limit = this.base() + chunkFor(this.rate());
    for (const slot of SLOTS) {
      const runId = this.lanes[slot].runId;
      this.send(slot, { type: 'setLimit', runId, epoch: this.limit });
      this.send(slot, { type: 'play', runId });
    }
  }

  /** Pause both at the same epoch: each trains to the limit already given, then pauses. */
  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.limit = Math.max(this.limit, this.lead());
    for (const slot of SLOTS) {
      this.send(slot, { type: 'setLimit', runId: this.lanes[slot].runId, epoch: this.limit, pause: true });
    }
  }

  /** `epochs` more for both (they are paused at the same epoch); while playing, a pause. */
  step(epochs: number): void {
    if (this.playing) {
      this.pause();
      return;
    }
    for (const slot of SLOTS) this.send(slot, { type: 'step', runId: this.lanes[slot].runId, epochs });
  }

  /** The run in `slot` reached `epoch` (a snapshot or a status); while playing, the limit follows the slower run. */
  progress(slot: Slot, runId: RunId, epoch: number, epochsPerSecond: number, diverged = false): void {
    const lane = this.lanes[slot];
    if (runId !== lane.runId) return;
    lane.epoch = epoch;
    if (epochsPerSecond > 0) lane.epochsPerSecond = epochsPerSecond;
    lane.diverged = diverged;
    if (!this.playing) return;
    const next = this.base() + chunkFor(this.rate());
    if (next <= this.limit) return;
    this.limit = next;
    for (const s of SLOTS) this.send(s, { type: 'setLimit', runId: this.lanes[s].runId, epoch: next });
  }

  /** Both lanes' epochs (for tests and the page's "same epoch" check). */
  epochs(): Record<Slot, number> {
    return { A: this.lanes.A.epoch, B: this.lanes.B.epoch };
  }

  /** The slower run's epoch (a diverged run no longer counts; both diverged: the later). */
  private base(): number {
    const live = SLOTS.map((s) => this.lanes[s]).filter((l) => !l.diverged);
    const from = live.length > 0 ? live : SLOTS.map((s) => this.lanes[s]);
    return Math.min(...from.map((l) => l.epoch));
  }

  private lead(): number {
    return Math.max(this.lanes.A.epoch, this.lanes.B.epoch);
  }

  /** The slower live run's rate (0 until measured). */
  private rate(): number {
    const rates = SLOTS.map((s) => this.lanes[s])
      .filter((l) => !l.diverged && l.epochsPerSecond > 0)
      .map((l) => l.epochsPerSecond);
    return rates.length > 0 ? Math.min(...rates) : 0;
  }
}
