/**
 * Pacing of a numeric speed (epochs per second, runLoop.ts): the epoch and time the current pace
 * started from, which epoch is due now, and when the next one is.
 */
export class Pacer {
  private epoch0 = 0;
  private time0 = 0;

  /** Pace afresh from `epoch` at `now` (play, a new speed, a raised lockstep limit). */
  restart(epoch: number, now: number): void {
    this.epoch0 = epoch;
    this.time0 = now;
  }

  /**
   * The epoch to have trained by now. More than a second behind (a slow machine, a hidden tab):
   * start pacing afresh with one epoch due, no burst. `now` is read once, or twice when restarting.
   */
  due(epoch: number, speed: number, now: () => number): number {
    const due = this.epoch0 + Math.floor(((now() - this.time0) * speed) / 1000);
    if (due - epoch <= speed) return due;
    this.epoch0 = epoch;
    this.time0 = now() - 1000 / speed;
    return epoch + 1;
  }

  /** When the epoch after `epoch` is due. */
  nextAt(epoch: number, speed: number): number {
    return this.time0 + ((epoch + 1 - this.epoch0) * 1000) / speed;
  }
}
