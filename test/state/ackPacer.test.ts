import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ackPacer, type Ack } from '../../src/state/ackPacer.ts';

describe('ackPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const frame = () => vi.advanceTimersByTime(16);

  it('acknowledges the latest snapshot on the next frame, once', () => {
    const sent: Ack[] = [];
    const ack = ackPacer(
      (a) => sent.push(a),
      () => 1,
    );
    ack({ runId: 1, seq: 1 });
    ack({ runId: 1, seq: 2 });
    expect(sent).toEqual([]);
    frame();
    expect(sent).toEqual([{ runId: 1, seq: 2 }]);
    frame();
    expect(sent).toHaveLength(1);
  });

  it('with two runs on screen, every other frame', () => {
    const sent: Ack[] = [];
    const ack = ackPacer(
      (a) => sent.push(a),
      () => 2,
    );
    ack({ runId: 3, seq: 7 });
    frame();
    expect(sent).toEqual([]);
    ack({ runId: 3, seq: 8 });
    frame();
    expect(sent).toEqual([{ runId: 3, seq: 8 }]);
  });
});
