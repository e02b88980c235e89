/**
 * A stand-in for the training Worker on the page side (client and bridge tests): records what the
 * page posts, lets the test play the worker's part, and can answer pings like the real host.
 */
import type { Command, WorkerEvent } from '../../src/worker/protocol.ts';

export class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: Command[] = [];
  terminated = false;
  /** Answer each ping with its pong after this many ms (a timer: fake timers decide when); null: stay silent. */
  pongDelayMs: number | null = null;

  postMessage(m: Command) {
    this.sent.push(m);
    if (m.type === 'ping' && this.pongDelayMs !== null) {
      setTimeout(() => {
        if (!this.terminated) this.emit({ type: 'pong', nonce: m.nonce });
      }, this.pongDelayMs);
    }
  }
  terminate() {
    this.terminated = true;
  }
  emit(e: WorkerEvent) {
    this.onmessage?.({ data: e });
  }
  die(message = 'worker crashed') {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
  /** Nonces of the pings received so far. */
  pings(): number[] {
    return this.sent.flatMap((c) => (c.type === 'ping' ? [c.nonce] : []));
  }
}
