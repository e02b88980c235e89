// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/share/config.ts';
import { DEFAULT_VIEW, type ViewState } from '../../../src/share/embed.ts';
import { resetStoreForTests, setConfig, useStore } from '../../../src/state/store.ts';
import { bootFromLocation, resetBootForTests, useLinkSync } from '../../../src/ui/share/linkSync.ts';

function Sync({ view, onView }: { view: ViewState; onView: (v: ViewState) => void }) {
  useLinkSync(view, onView);
  return null;
}

beforeEach(() => {
  resetStoreForTests(DEFAULT_CONFIG);
  resetBootForTests();
  window.history.replaceState(null, '', '/');
});

describe('link ↔ store', () => {
  it('boots the store from the address, with one message naming the repaired fields as the page does', () => {
    window.history.replaceState(null, '', '/#v=1&dataset=xor&hidden=3&lr=NaN');
    const r = bootFromLocation();
    expect(r.source).toBe('native');
    const s = useStore.getState();
    expect(s.config).toMatchObject({ dataset: 'xor', hidden: [3], learningRate: 0.03 });
    expect(s.notices.map((n) => [n.kind, n.key])).toEqual([['warning', 'load']]);
    expect(s.notices[0]!.text).toMatch(/^Opened the link · 1 setting was changed\nLearning rate: /);
    expect(bootFromLocation()).toBe(r); // once per page
  });

  it('says when a TF Playground link was opened', () => {
    window.history.replaceState(null, '', '/#activation=relu&networkShape=3&dataset=xor');
    bootFromLocation();
    expect(useStore.getState().config).toMatchObject({ activation: 'relu', hidden: [3], dataset: 'xor' });
    expect(useStore.getState().notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Opened a TensorFlow Playground link/),
    ]);
  });

  it('leaves the store alone without a hash', () => {
    bootFromLocation();
    expect(useStore.getState().config).toEqual(DEFAULT_CONFIG);
    expect(useStore.getState().notices).toEqual([]);
  });

  it('writes config changes to the address after the quiet period, and follows hash edits', () => {
    vi.useFakeTimers();
    try {
      bootFromLocation();
      const onView = vi.fn();
      render(<Sync view={DEFAULT_VIEW} onView={onView} />);
      act(() => setConfig({ dataset: 'spiral', learningRate: 0.1 }));
      expect(window.location.hash).toBe('');
      act(() => {
        vi.advanceTimersByTime(300);
      });
      expect(window.location.hash).toMatch(/^#v=1&dataset=spiral&.*&lr=0\.1&/);

      window.history.replaceState(null, '', '/#v=1&dataset=gauss&views=output');
      act(() => {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      });
      expect(useStore.getState().config.dataset).toBe('gauss');
      expect(onView).toHaveBeenCalledWith({ hide: [], views: ['output'], embed: false });
    } finally {
      vi.useRealTimers();
    }
  });
});
