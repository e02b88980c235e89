// @vitest-environment jsdom
// Live views off screen (src/ui/onScreen.ts): in a file of its own, as live.ts's frame queue is module state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import './harness.ts';
import { useLiveDraw, useProgressiveDraw, type DrawJob, type LiveSource, type LiveState } from '../../src/ui/live.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';
import { makeJobs, makeSource } from './liveFakes.ts';

/** A stand-in IntersectionObserver: the test moves the watched elements on and off screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly cb: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  disconnect() {
    FakeObserver.all.splice(FakeObserver.all.indexOf(this), 1);
  }
  static show(visible: boolean) {
    for (const o of [...FakeObserver.all]) o.cb([{ isIntersecting: visible }]);
  }
}

function Watched(p: { source: LiveSource; draw: (s: LiveState) => void; start: (s: LiveState) => DrawJob }) {
  const el = useRef<HTMLDivElement>(null);
  useLiveDraw(p.source, p.draw, 'k', 1, el);
  useProgressiveDraw(p.source, p.start, 'k', 4, el);
  return <div ref={el} />;
}

describe('views off screen', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => {
    // Unmount, then let live.ts's frame queue (module state) run empty before the timers go real.
    cleanup();
    for (let i = 0; i < 3; i++) frame();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    FakeObserver.all = [];
  });
  const frame = () => {
    clock += 1000 / 60;
    vi.advanceTimersByTime(17);
  };
  const snap = (seq: number) => ({ info: fakeInfo(), snapshot: fakeSnapshot([], { seq }) });

  it('draw nothing while off screen and catch up with the newest state when back', () => {
    const s = makeSource(snap(1));
    const drawn: LiveState[] = [];
    const jobs = makeJobs(1);
    const { unmount } = render(<Watched source={s.source} draw={(x) => drawn.push(x)} start={jobs.start} />);
    expect(FakeObserver.all).toHaveLength(2);
    expect(drawn).toHaveLength(1); // both draw at mount
    expect(jobs.started).toHaveLength(1);
    FakeObserver.show(false);
    for (let seq = 2; seq <= 5; seq++) {
      s.set(snap(seq));
      frame();
    }
    expect(drawn).toHaveLength(1);
    expect(jobs.started).toHaveLength(1);
    FakeObserver.show(true);
    frame();
    expect(drawn).toHaveLength(2);
    expect(drawn[1]!.snapshot!.seq).toBe(5);
    expect(jobs.started.map((x) => x.snapshot!.seq)).toEqual([1, 5]);
    // On screen again, every new state draws as before.
    s.set(snap(6));
    frame();
    expect(drawn.at(-1)!.snapshot!.seq).toBe(6);
    unmount();
    expect(FakeObserver.all).toHaveLength(0);
  });

  it('off screen from the start, still draw the first snapshot whole, then wait', () => {
    const s = makeSource({ info: fakeInfo(), snapshot: null });
    const drawn: LiveState[] = [];
    const jobs = makeJobs(3);
    render(<Watched source={s.source} draw={(x) => drawn.push(x)} start={jobs.start} />);
    FakeObserver.show(false);
    s.set(snap(1));
    for (let i = 0; i < 5; i++) frame();
    // The first snapshot: drawn, and its links finished over three frames although nobody sees them.
    expect(drawn.map((x) => x.snapshot?.seq ?? null)).toEqual([null, 1]);
    expect(jobs.started.map((x) => x.snapshot?.seq ?? null)).toEqual([null, 1]);
    expect(jobs.budgets.length).toBeGreaterThanOrEqual(6);
    s.set(snap(2));
    for (let i = 0; i < 5; i++) frame();
    expect(drawn).toHaveLength(2);
    expect(jobs.started).toHaveLength(2);
  });
});
