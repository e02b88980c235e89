// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import './harness.ts';
import {
  PROGRESSIVE_DUTY,
  useProgressiveDraw,
  type DrawJob,
  type LiveSource,
  type LiveState,
} from '../../src/ui/live.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';
import { makeJobs, makeSource } from './liveFakes.ts';

function Probe(p: { source: LiveSource; start: (s: LiveState) => DrawJob; redrawKey?: string }) {
  useProgressiveDraw(p.source, p.start, p.redrawKey ?? 'k', 4);
  return null;
}

describe('useProgressiveDraw', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const frame = () => vi.advanceTimersByTime(17);
  const snap = (seq: number) => ({ info: fakeInfo(), snapshot: fakeSnapshot([], { seq }) });

  it('gives a job one budget per frame until it is finished, then rests', () => {
    const { source } = makeSource(snap(1));
    const jobs = makeJobs(3);
    render(<Probe source={source} start={jobs.start} />);
    expect(jobs.started).toHaveLength(1); // the first step runs at once
    frame();
    frame();
    expect(jobs.budgets).toEqual([4, 4, 4]);
    for (let i = 0; i < 10; i++) frame();
    expect(jobs.budgets).toHaveLength(3);
    expect(jobs.started).toHaveLength(1);
  });

  it('finishes the job in hand before drawing the newest state, skipping the ones between', () => {
    const s = makeSource(snap(1));
    const jobs = makeJobs(3);
    render(<Probe source={s.source} start={jobs.start} />);
    s.set(snap(2));
    s.set(snap(3));
    frame(); // job 1, step 2
    expect(jobs.started).toHaveLength(1);
    frame(); // job 1 finished
    frame(); // job for the newest state starts
    expect(jobs.started.map((x) => x.snapshot?.seq)).toEqual([1, 3]);
    for (let i = 0; i < 10; i++) frame();
    expect(jobs.started).toHaveLength(2);
    expect(jobs.budgets).toHaveLength(6);
  });

  it('a new redraw key starts afresh; unmounting stops', () => {
    const s = makeSource(snap(1));
    const jobs = makeJobs(5);
    const { rerender, unmount } = render(<Probe source={s.source} start={jobs.start} redrawKey="a" />);
    frame();
    rerender(<Probe source={s.source} start={jobs.start} redrawKey="b" />);
    expect(jobs.started).toHaveLength(2);
    unmount();
    const steps = jobs.budgets.length;
    s.set(snap(2));
    for (let i = 0; i < 10; i++) frame();
    expect(jobs.budgets).toHaveLength(steps);
  });

  it('shares one budget per frame between diagrams: jobs that fill it take turns', () => {
    // Each step costs 3.5 ms of the frame's 4: the second job waits for the next frame, then goes first.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const order: string[] = [];
    const costly = (name: string) => (): DrawJob => ({
      step() {
        order.push(name);
        clock += 3.5;
        return false;
      },
    });
    render(
      <>
        <Probe source={makeSource(snap(1)).source} start={costly('A')} />
        <Probe source={makeSource(snap(1)).source} start={costly('B')} />
      </>,
    );
    order.length = 0; // the first steps run at mount
    const perFrame: string[] = [];
    const start = clock;
    for (let i = 0; i < 40; i++) {
      clock += 1000 / 60;
      frame();
      perFrame.push(order.splice(0).join(''));
    }
    // Never two jobs in one frame; turns alternate; on average at most PROGRESSIVE_DUTY of the time.
    expect(perFrame.every((f) => f.length <= 1)).toBe(true);
    const steps = perFrame.join('');
    expect(steps.startsWith('AB')).toBe(true);
    expect(steps).not.toMatch(/AA|BB/);
    // (Drawing time = the duty's share of the elapsed time, plus the burst the bucket starts with and one step's overrun.)
    expect(steps.length * 3.5).toBeLessThanOrEqual((clock - start) * PROGRESSIVE_DUTY + 8 + 3.5);
    expect(steps.length).toBeGreaterThan(10);
  });
});
