import { describe, expect, it } from 'vitest';
import { cancelFrame, requestFrame } from '../../src/state/frame.ts';

// Node has no animation frames: this runs the fallback, a ~16 ms timer.
describe('frame clock', () => {
  it('calls back once, with no arguments, a frame later; a cancelled frame never calls', async () => {
    const calls: unknown[][] = [];
    requestFrame((...args: unknown[]) => calls.push(args));
    const cancelled = requestFrame(() => calls.push(['cancelled']));
    cancelFrame(cancelled);
    expect(calls).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([[]]);
  });
});
