/// <reference lib="webworker" />
// Wires the trainer to `self`. Kept to a few lines: the logic lives in plain, testable modules.
import { PROTOCOL_VERSION, type Command, type WorkerEvent } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(event: WorkerEvent): void {
  self.postMessage(event);
}

self.onmessage = (e: MessageEvent<Command>) => {
  const cmd = e.data;
  if (cmd.type === 'hello') post({ type: 'hello', protocol: PROTOCOL_VERSION, nonce: cmd.nonce });
};
