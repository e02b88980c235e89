// @vitest-environment jsdom
// While Compare is open (frame stride 2, src/state/frame.ts) the live views draw on the same
// frames, every other one, and none waits more than one frame. In a file of its own: the frame
// count is module state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import './harness.ts';
import { isUpdateFrame, setFrameStride } from '../../src/state/frame.ts';
import { useLiveDraw, type LiveSource, type LiveState } from '../../src/ui/live.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';
import { makeSource } from './liveFakes.ts';

function View(p: { source: LiveSource; draw: (s: LiveState) => void }) {
  useLiveDraw(p.source, p.draw, 'k');
  return null;
}

describe('live views with a frame stride', () => {
  // The frame's own time, as document.timeline gives it in a browser.
  let frameTime = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    Object.defineProperty(document, 'timeline', {
      configurable: true,
      value: {
        get currentTime() {
          return frameTime;
        },
      },
    });
  });
  afterEach(() => {
    setFrameStride(1);
    vi.useRealTimers();
    Reflect.deleteProperty(document, 'timeline');
  });
  const frame = () => {
    frameTime += 16;
    vi.advanceTimersByTime(16);
  };
  const snap = (seq: number) => ({ info: fakeInfo(), snapshot: fakeSnapshot([], { seq }) });

  it('stride 1: every frame is an update frame', () => {
    expect([isUpdateFrame(), isUpdateFrame()]).toEqual([true, true]);
  });

  it('stride 2: one answer per frame, alternating', () => {
    setFrameStride(2);
    const answers: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      frame();
      const a = isUpdateFrame();
      expect(isUpdateFrame()).toBe(a); // the same within a frame
      answers.push(a);
    }
    expect(answers.filter(Boolean)).toHaveLength(3);
    expect(answers.every((a, i) => i === 0 || a !== answers[i - 1])).toBe(true);
  });

  it('two views fed on different frames draw on the same frames, each within one frame', () => {
    setFrameStride(2);
    const a = makeSource(snap(1));
    const b = makeSource(snap(1));
    const drawnAt: Record<string, number[]> = { A: [], B: [] };
    let f = 0;
    render(
      <>
        <View source={a.source} draw={() => drawnAt.A!.push(f)} />
        <View source={b.source} draw={() => drawnAt.B!.push(f)} />
      </>,
    );
    drawnAt.A = [];
    drawnAt.B = [];
    // A gets a new snapshot on even frames, B on odd ones (two streams acknowledged apart).
    for (f = 1; f <= 24; f++) {
      if (f % 2 === 0) a.set(snap(f));
      else b.set(snap(f));
      frame();
    }
    const frames = new Set([...drawnAt.A!, ...drawnAt.B!]);
    expect(drawnAt.A!.length).toBeGreaterThanOrEqual(10);
    expect(drawnAt.B!.length).toBeGreaterThanOrEqual(10);
    // Both draw in the same frames, so half the frames have nothing to draw.
    expect(drawnAt.A).toEqual(drawnAt.B);
    expect(frames.size).toBeLessThanOrEqual(13);
  });
});
