/**
 * Flow control of one run's snapshots (runLoop.ts): their sequence numbers, when the last one went
 * out and how fast the run trained since, and which streamed ones the page has not acknowledged.
 * With flow control on (protocol.ts init), the loop streams a snapshot only while fewer than
 * MAX_IN_FLIGHT are unacknowledged, or when the ack is overdue (ACK_TIMEOUT_MS).
 */
import { ACK_TIMEOUT_MS } from './protocol.ts';

/** Streamed snapshots allowed in flight without an ack (flow control); also the most the worker remembers. */
export const MAX_IN_FLIGHT = 2;
/** While waiting for an ack, train in slices this long so the ack is seen soon after it arrives. */
export const ACK_SLICE_MS = 4;

export class SnapshotFlow {
  private seq = 0;
  /** When the last snapshot went out, or the loop (re)started its frame. */
  lastAt = -Infinity;
  private epochsAtLast: number;
  private timeAtLast: number;
  /** seqs of streamed snapshots the page has not acknowledged yet, the newest MAX_IN_FLIGHT at most. */
  private unacked: number[] = [];

  constructor(
    readonly enabled: boolean,
    epoch: number,
    now: number,
  ) {
    this.epochsAtLast = epoch;
    this.timeAtLast = now;
  }

  get unackedCount(): number {
    return this.unacked.length;
  }

  /** The page has drawn snapshot `seq`: the next one may stream. */
  ack(seq: number): void {
    this.unacked = this.unacked.filter((s) => s > seq);
  }

  /** Two snapshots may be in flight, so a page that keeps up gets one per frame despite the ack's latency. */
  waiting(now: number): boolean {
    return this.enabled && this.unacked.length >= MAX_IN_FLIGHT && now - this.lastAt < ACK_TIMEOUT_MS;
  }

  /** The next snapshot's seq, and the epochs per second trained since the last one. */
  next(epoch: number, now: number): { seq: number; epochsPerSecond: number } {
    const elapsed = now - this.timeAtLast;
    const trained = epoch - this.epochsAtLast;
    return { seq: ++this.seq, epochsPerSecond: elapsed > 0 ? (trained * 1000) / elapsed : 0 };
  }

  /** Snapshot `seq` goes out now; `streamed`: sent by the running loop, so it waits for an ack. */
  sent(seq: number, epoch: number, now: number, streamed: boolean): void {
    this.lastAt = now;
    if (streamed && this.enabled) {
      // Bounded: in a hidden tab no acks come, and the ack timeout lets one through every
      // ACK_TIMEOUT_MS; the older entries are dropped then, never piled up.
      this.unacked.push(seq);
      if (this.unacked.length > MAX_IN_FLIGHT) this.unacked.splice(0, this.unacked.length - MAX_IN_FLIGHT);
    }
    this.timeAtLast = now;
    this.epochsAtLast = epoch;
  }
}
