/**
 * Flow control, the page's half (protocol.ts init.flowControl): a stream's latest snapshot is
 * acknowledged on an animation frame, so a worker streams no faster than the page draws. With two
 * runs on screen (Compare) each stream is acknowledged every other frame: the page handles one
 * snapshot per frame in all, and the workers spend less time making snapshots and more training.
 */
import { requestFrame } from './frame.ts';

export interface Ack {
  runId: number;
  seq: number;
}

/**
 * A pacer for one stream: call it with each snapshot; `send` gets the latest one's ack after
 * `frames()` animation frames (read when the first unacknowledged snapshot arrives).
 */
export function ackPacer(send: (ack: Ack) => void, frames: () => number): (snapshot: Ack) => void {
  let due: Ack | null = null;
  let wait = 0;
  const tick = () => {
    if (--wait > 0) {
      requestFrame(tick);
      return;
    }
    if (due) send(due);
    due = null;
  };
  return (snapshot) => {
    if (due === null) {
      wait = Math.max(1, frames());
      requestFrame(tick);
    }
    due = { runId: snapshot.runId, seq: snapshot.seq };
  };
}
