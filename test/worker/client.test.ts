import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTrainingClient, HEARTBEAT, UNRESPONSIVE, type ClientEvent } from '../../src/worker/client.ts';
import { FakeWorker } from './fakeWorker.ts';

describe('createTrainingClient', () => {
  it('sends, delivers events to subscribers, reports errors and terminates', () => {
    const fake = new FakeWorker();
    const client = createTrainingClient(() => fake as unknown as Worker);
    const seen: ClientEvent[] = [];
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
    const seen: ClientEvent[] = [];
    client.subscribe((e) => seen.push(e));
    fake.onmessage?.({ data: { type: 'export', runId: 1, requestId: 1 } });
    expect(seen.map((e) => e.type)).toEqual(['export']);
    seen.length = 0;
    fake.onmessage?.({ data: { type: 'nonsense' } });
    fake.onmessage?.({ data: 42 });
    fake.onmessageerror?.();
    expect(seen.map((e) => e.type)).toEqual(['error', 'error', 'error']);
    expect(seen.every((e) => e.type === 'error' && !e.fatal)).toBe(true);
    client.terminate();
  });
});

describe('the heartbeat', () => {
  const { intervalMs, timeoutMs } = HEARTBEAT;
  let fake: FakeWorker;
  let seen: ClientEvent[];
  const errors = () => seen.filter((e) => e.type === 'error');

  beforeEach(() => {
    vi.useFakeTimers();
    fake = new FakeWorker();
    seen = [];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  function start() {
    const client = createTrainingClient(() => fake as unknown as Worker);
    client.subscribe((e) => seen.push(e));
    return client;
  }

  it('never condemns a worker that answers every ping, over an hour, and keeps pongs to itself', () => {
    fake.pongDelayMs = 300;
    const client = start();
    vi.advanceTimersByTime(3_600_000);
    expect(errors()).toEqual([]);
    expect(seen).toEqual([]);
    expect(fake.terminated).toBe(false);
    // One ping per interval, each with its own nonce.
    expect(fake.pings().length).toBe(3_600_000 / intervalMs);
    expect(new Set(fake.pings()).size).toBe(fake.pings().length);
    client.terminate();
  });

  it('declares a worker that stops answering dead once, after the timeout, terminates it and pings no more', () => {
    fake.pongDelayMs = 0;
    const client = start();
    vi.advanceTimersByTime(5 * intervalMs + 1); // five pings answered
    fake.pongDelayMs = null; // the worker hangs
    vi.advanceTimersByTime(intervalMs); // the next ping goes unanswered
    const silentSince = performance.now();
    const pings = fake.pings().length;
    vi.advanceTimersByTime(timeoutMs - intervalMs);
    expect(errors()).toEqual([]);
    expect(fake.terminated).toBe(false);
    expect(fake.pings().length).toBe(pings); // one ping in flight, not one per tick
    vi.advanceTimersByTime(2 * intervalMs);
    expect(performance.now() - silentSince).toBeLessThanOrEqual(timeoutMs + intervalMs);
    expect(errors()).toEqual([{ type: 'error', message: expect.stringContaining(UNRESPONSIVE), fatal: true }]);
    expect(fake.terminated).toBe(true);
    const sent = fake.sent.length;
    vi.advanceTimersByTime(10 * timeoutMs);
    client.send({ type: 'pause', runId: 1 });
    expect(fake.sent.length).toBe(sent);
    expect(errors()).toHaveLength(1);
    client.terminate();
  });

  it('ignores a pong that does not answer the ping in flight', () => {
    fake.pongDelayMs = 0;
    start();
    vi.advanceTimersByTime(intervalMs + 1);
    const answered = fake.pings()[0]!;
    fake.pongDelayMs = null;
    // Every tick replays the old pong: it answers nothing, so the worker is still found silent.
    for (let t = 0; t < timeoutMs + 2 * intervalMs; t += intervalMs) {
      fake.emit({ type: 'pong', nonce: answered });
      vi.advanceTimersByTime(intervalMs);
    }
    expect(errors()).toHaveLength(1);
    expect(fake.terminated).toBe(true);
  });

  it('does not condemn a worker after the page was frozen: a late tick waits for the pong queued behind it', () => {
    fake.pongDelayMs = 0;
    start();
    vi.advanceTimersByTime(intervalMs + 1);
    fake.pongDelayMs = null; // pongs now arrive when the test delivers them
    vi.advanceTimersByTime(intervalMs);
    const nonce = fake.pings().at(-1)!;
    // The page sleeps for a minute: the clock jumps, no timer runs meanwhile. The worker answered
    // during the sleep, but the overdue tick runs before its pong is handled.
    const clock = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => clock() + 60_000);
    vi.advanceTimersByTime(intervalMs);
    expect(errors()).toEqual([]);
    fake.emit({ type: 'pong', nonce });
    fake.pongDelayMs = 0;
    vi.advanceTimersByTime(10 * timeoutMs);
    expect(errors()).toEqual([]);
    expect(fake.terminated).toBe(false);
  });

  it('does not condemn a worker that has not said anything yet (still loading its script)', () => {
    const client = start();
    vi.advanceTimersByTime(10 * timeoutMs);
    expect(errors()).toEqual([]);
    expect(fake.pings()).toHaveLength(1);
    // Once it has spoken, silence counts.
    fake.emit({ type: 'hello', protocol: 2, nonce: 1 });
    vi.advanceTimersByTime(timeoutMs + intervalMs);
    expect(errors()).toHaveLength(1);
    client.terminate();
  });

  it('stops after terminate, or after the worker reported its own death', () => {
    fake.pongDelayMs = 0;
    const client = start();
    vi.advanceTimersByTime(intervalMs + 1);
    client.terminate();
    const sent = fake.sent.length;
    vi.advanceTimersByTime(10 * timeoutMs);
    expect(fake.sent.length).toBe(sent);

    const other = new FakeWorker();
    const seenOther: ClientEvent[] = [];
    createTrainingClient(() => other as unknown as Worker).subscribe((e) => seenOther.push(e));
    other.emit({ type: 'hello', protocol: 2, nonce: 1 });
    other.die('boom');
    vi.advanceTimersByTime(10 * timeoutMs);
    expect(other.pings()).toEqual([]);
    expect(seenOther.filter((e) => e.type === 'error')).toEqual([{ type: 'error', message: 'boom', fatal: true }]);
  });

  it('takes its interval and timeout as options, or none at all', () => {
    const client = createTrainingClient(() => fake as unknown as Worker, {
      heartbeat: { intervalMs: 100, timeoutMs: 300 },
    });
    client.subscribe((e) => seen.push(e));
    fake.emit({ type: 'hello', protocol: 2, nonce: 1 });
    // Ping at 100, unanswered at 200, 300 and 400: dead at 400.
    vi.advanceTimersByTime(399);
    expect(errors()).toEqual([]);
    expect(fake.pings()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(errors()).toHaveLength(1);
    client.terminate();

    const quiet = new FakeWorker();
    createTrainingClient(() => quiet as unknown as Worker, { heartbeat: false });
    quiet.emit({ type: 'hello', protocol: 2, nonce: 1 });
    vi.advanceTimersByTime(10 * timeoutMs);
    expect(quiet.pings()).toEqual([]);
    expect(quiet.terminated).toBe(false);
  });
});
