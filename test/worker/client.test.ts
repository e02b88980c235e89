import { describe, expect, it, vi } from 'vitest';
import { createTrainingClient } from '../../src/worker/client.ts';
import type { WorkerEvent } from '../../src/worker/protocol.ts';

class FakeWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  postMessage(m: unknown) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('createTrainingClient', () => {
  it('sends, delivers events to subscribers, reports errors and terminates', () => {
    const fake = new FakeWorker();
    const client = createTrainingClient(() => fake as unknown as Worker);
    const seen: WorkerEvent[] = [];
    const off = client.subscribe((e) => seen.push(e));
    client.send({ type: 'hello', protocol: 1, nonce: 7 });
    expect(fake.sent).toEqual([{ type: 'hello', protocol: 1, nonce: 7 }]);
    fake.onmessage?.({ data: { type: 'hello', protocol: 1, nonce: 7 } });
    const preventDefault = vi.fn();
    fake.onerror?.({ message: 'boom', preventDefault });
    expect(seen).toEqual([
      { type: 'hello', protocol: 1, nonce: 7 },
      { type: 'error', message: 'boom', fatal: true },
    ]);
    expect(preventDefault).toHaveBeenCalled();
    off();
    fake.onmessage?.({ data: { type: 'hello', protocol: 1, nonce: 8 } });
    expect(seen).toHaveLength(2);
    client.terminate();
    expect(fake.terminated).toBe(true);
    client.send({ type: 'hello', protocol: 1, nonce: 9 });
    expect(fake.sent).toHaveLength(1);
  });

  it('turns a message it does not understand into a (non-fatal) error event', () => {
    const fake = new FakeWorker();
    const client = createTrainingClient(() => fake as unknown as Worker);
    const seen: WorkerEvent[] = [];
    client.subscribe((e) => seen.push(e));
    fake.onmessage?.({ data: { type: 'export', runId: 1, requestId: 1 } });
    expect(seen.map((e) => e.type)).toEqual(['export']);
    seen.length = 0;
    fake.onmessage?.({ data: { type: 'nonsense' } });
    fake.onmessage?.({ data: 42 });
    fake.onmessageerror?.();
    expect(seen.map((e) => e.type)).toEqual(['error', 'error', 'error']);
    expect(seen.every((e) => e.type === 'error' && !e.fatal)).toBe(true);
  });
});
