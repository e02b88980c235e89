// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startUpdates,
  UPDATE_CHECK_MS,
  UPDATE_TEXT,
  type Register,
  type RegisterOptions,
} from '../../src/pwa/update.ts';
import { resetStoreForTests, store } from '../../src/state/store.ts';

/** A fake registerSW: remembers its options and what the page asked of it. */
function fakeRegister() {
  const calls: { options: RegisterOptions | null; reloads: (boolean | undefined)[] } = { options: null, reloads: [] };
  const register: Register = (options) => {
    calls.options = options;
    return (reload) => {
      calls.reloads.push(reload);
      return Promise.resolve();
    };
  };
  return { register, calls };
}

beforeEach(() => {
  resetStoreForTests();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a new version of the app', () => {
  it('registers at once and says nothing while there is no new version', () => {
    const { register, calls } = fakeRegister();
    startUpdates(register, () => Promise.resolve());
    expect(calls.options?.immediate).toBe(true);
    expect(store.getState().notices).toEqual([]);
  });

  it('is offered with a Reload button, and reloads only when pressed, after keeping the experiment', async () => {
    const { register, calls } = fakeRegister();
    const order: string[] = [];
    startUpdates(register, () => {
      order.push('keep');
      return Promise.resolve();
    });
    calls.options!.onNeedRefresh!();
    calls.options!.onNeedRefresh!();
    const notices = store.getState().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toBe(UPDATE_TEXT);
    expect(notices[0]!.actions?.map((a) => a.label)).toEqual(['Reload']);
    await vi.advanceTimersByTimeAsync(10 * UPDATE_CHECK_MS);
    expect(calls.reloads).toEqual([]);

    notices[0]!.actions![0]!.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['keep']);
    expect(calls.reloads).toEqual([true]);
  });

  it('still reloads when keeping the experiment fails', async () => {
    const { register, calls } = fakeRegister();
    startUpdates(register, () => Promise.reject(new Error('quota')));
    calls.options!.onNeedRefresh!();
    store.getState().notices[0]!.actions![0]!.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.reloads).toEqual([true]);
  });

  it('is looked for every hour and when the page is shown again, until stopped', async () => {
    const { register, calls } = fakeRegister();
    const update = vi.fn(() => Promise.resolve());
    const stop = startUpdates(register, () => Promise.resolve());
    calls.options!.onRegisteredSW!('./sw.js', { update } as unknown as ServiceWorkerRegistration);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS);
    expect(update).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(update).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(3 * UPDATE_CHECK_MS);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(update).toHaveBeenCalledTimes(2);
  });
});
