/**
 * The trainer over a real MessageChannel (node:worker_threads), with a fake clock and a manual
 * scheduler: what the page sees is exactly what the worker posts, structured-cloned and transferred.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { TrainerHost } from '../../src/worker/host.ts';
import type { Command, RunInfo, RunStatus, Snapshot, WorkerEvent } from '../../src/worker/protocol.ts';

/** A clock that moves `step` ms each time it is read (each epoch "takes" time), and a task queue. */
export class FakeTime {
  t = 0;
  constructor(public step: number) {}
  now = () => (this.t += this.step);
  private tasks: { at: number; seq: number; fn: () => void; live: boolean }[] = [];
  private seq = 0;
  schedule = (fn: () => void, delayMs: number) => {
    const task = { at: this.t + delayMs, seq: this.seq++, fn, live: true };
    this.tasks.push(task);
    return () => {
      task.live = false;
    };
  };
  get pending(): number {
    return this.tasks.filter((t) => t.live).length;
  }
  /** Run the earliest task (moving the clock to its time); false when none. */
  runOne(): boolean {
    this.tasks = this.tasks.filter((t) => t.live);
    if (this.tasks.length === 0) return false;
    this.tasks.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const task = this.tasks.shift()!;
    this.t = Math.max(this.t, task.at);
    task.fn();
    return true;
  }
}

export class Harness {
  readonly time: FakeTime;
  readonly host: TrainerHost;
  readonly events: WorkerEvent[] = [];
  private readonly page: MessagePort;
  private readonly worker: MessagePort;

  constructor(step = 1) {
    const { port1, port2 } = new MessageChannel();
    this.worker = port1;
    this.page = port2;
    this.time = new FakeTime(step);
    this.host = new TrainerHost({
      now: this.time.now,
      schedule: this.time.schedule,
      post: (event, transfer) => port1.postMessage(event, transfer),
    });
    port1.on('message', (cmd: Command) => this.host.handle(cmd));
    port2.on('message', (e: WorkerEvent) => this.events.push(e));
  }

  send(cmd: Command): void {
    this.page.postMessage(cmd);
  }

  /** Let messages cross the channel both ways. */
  async settle(): Promise<void> {
    for (let i = 0; i < 4; i++) await new Promise((r) => setImmediate(r));
  }

  async do(cmd: Command): Promise<void> {
    this.send(cmd);
    await this.settle();
  }

  /** A step to its end: the command, then its slices. */
  async stepAll(runId: number, epochs: number): Promise<void> {
    await this.do({ type: 'step', runId, epochs });
    while (this.time.pending > 0) await this.ticks(1);
  }

  /** Run scheduled ticks (each one a frame of training at 'max'), delivering what they post. */
  async ticks(n: number): Promise<void> {
    for (let i = 0; i < n; i++) if (!this.time.runOne()) break;
    await this.settle();
  }

  snapshots(runId?: number): Snapshot[] {
    return this.events
      .filter((e): e is Extract<WorkerEvent, { type: 'snapshot' }> => e.type === 'snapshot')
      .map((e) => e.snapshot)
      .filter((s) => runId === undefined || s.runId === runId);
  }

  lastSnapshot(): Snapshot {
    const s = this.snapshots().at(-1);
    if (!s) throw new Error('no snapshot');
    return s;
  }

  statuses(runId?: number): RunStatus[] {
    return this.events
      .filter((e): e is Extract<WorkerEvent, { type: 'status' }> => e.type === 'status')
      .filter((e) => runId === undefined || e.runId === runId)
      .map((e) => e.status);
  }

  infos(): RunInfo[] {
    return this.events
      .filter((e): e is Extract<WorkerEvent, { type: 'runInfo' }> => e.type === 'runInfo')
      .map((e) => e.info);
  }

  /** Epoch → batch loss over every history chunk received. */
  batchLosses(runId?: number): Map<number, number> {
    const m = new Map<number, number>();
    for (const s of this.snapshots(runId)) {
      s.history.epochs.forEach((e, i) => m.set(e, s.history.batchLoss[i]!));
    }
    return m;
  }

  close(): void {
    this.page.close();
    this.worker.close();
  }
}

const harnesses: Harness[] = [];
export function harness(step = 1): Harness {
  const h = new Harness(step);
  harnesses.push(h);
  return h;
}
afterEach(() => {
  while (harnesses.length) harnesses.pop()!.close();
});

// speed 'max': these tests count epochs per tick (the default speed is a watchable 30 per second).
export const XOR: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'xor', samples: 200, hidden: [4, 2], speed: 'max' };

/** The status events of run `runId` (all runs when omitted). */
export function statusEvents(h: Harness, runId?: number): Extract<WorkerEvent, { type: 'status' }>[] {
  return h.events
    .filter((e): e is Extract<WorkerEvent, { type: 'status' }> => e.type === 'status')
    .filter((e) => runId === undefined || e.runId === runId);
}
