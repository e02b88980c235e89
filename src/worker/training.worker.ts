/// <reference lib="webworker" />
// Wires the trainer to `self`. Kept to a few lines: the logic lives in plain, testable modules.
import type { Command } from './protocol.ts';
import { createYieldScheduler } from './schedule.ts';
import { TrainerHost } from './host.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = new TrainerHost({
  now: () => performance.now(),
  schedule: createYieldScheduler(),
  post: (event, transfer) => self.postMessage(event, transfer),
});

self.onmessage = (e: MessageEvent<Command>) => host.handle(e.data);
