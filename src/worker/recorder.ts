/** The per-epoch loss history a run records between two snapshots (see protocol.ts HistoryChunk). */
import type { HistoryChunk } from './protocol.ts';

/** Growable per-epoch columns, emptied into each snapshot. */
export class HistoryRecorder {
  private cap = 64;
  private len = 0;
  private cols = this.alloc(64);

  private alloc(n: number) {
    return Array.from({ length: 6 }, () => new Float64Array(n));
  }

  push(epoch: number, batchLoss: number, trainLoss: number, testLoss: number, trainAcc: number, testAcc: number) {
    if (this.len === this.cap) {
      const next = this.alloc(this.cap * 2);
      for (let c = 0; c < 6; c++) next[c]!.set(this.cols[c]!);
      this.cols = next;
      this.cap *= 2;
    }
    const i = this.len++;
    const c = this.cols;
    c[0]![i] = epoch;
    c[1]![i] = batchLoss;
    c[2]![i] = trainLoss;
    c[3]![i] = testLoss;
    c[4]![i] = trainAcc;
    c[5]![i] = testAcc;
  }

  /** Copies of the recorded epochs (fresh buffers, safe to transfer); empties the recorder. */
  take(): HistoryChunk {
    const n = this.len;
    const [epochs, batchLoss, trainLoss, testLoss, trainAccuracy, testAccuracy] = this.cols.map((c) => c.slice(0, n));
    this.len = 0;
    return {
      epochs: epochs!,
      batchLoss: batchLoss!,
      trainLoss: trainLoss!,
      testLoss: testLoss!,
      trainAccuracy: trainAccuracy!,
      testAccuracy: testAccuracy!,
    };
  }

  get length(): number {
    return this.len;
  }
}
