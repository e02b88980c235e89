// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { createHashWriter, encodeHash, linkFor, readLocation, replaceHash } from '../../src/share/url.ts';

describe('location adapter', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/app/?q=1');
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reads the experiment from the address', () => {
    window.history.replaceState(null, '', '/app/?q=1#v=1&dataset=xor&lr=0.1');
    const r = readLocation();
    expect(r.config).toMatchObject({ dataset: 'xor', learningRate: 0.1 });
    expect(r.source).toBe('native');
  });

  it('builds the full link, keeping path and query', () => {
    const l = linkFor(DEFAULT_CONFIG);
    expect(l.url).toBe(`${window.location.origin}/app/?q=1${encodeHash(DEFAULT_CONFIG).hash}`);
  });

  it('replaces the hash without a new history entry', () => {
    const before = window.history.length;
    replaceHash('#v=1&dataset=gauss');
    expect(window.location.hash).toBe('#v=1&dataset=gauss');
    expect(window.location.pathname).toBe('/app/');
    expect(window.location.search).toBe('?q=1');
    expect(window.history.length).toBe(before);
  });

  it('writes once after the quiet period, the latest config winning', () => {
    const w = createHashWriter(250);
    const spy = vi.spyOn(window.history, 'replaceState');
    w.schedule({ ...DEFAULT_CONFIG, dataset: 'xor' });
    vi.advanceTimersByTime(200);
    w.schedule({ ...DEFAULT_CONFIG, dataset: 'spiral' });
    vi.advanceTimersByTime(200);
    expect(spy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toContain('dataset=spiral');
    expect(w.last()?.pointsOmitted).toBe(false);
    w.schedule({ ...DEFAULT_CONFIG, dataset: 'gauss' });
    w.cancel();
    vi.advanceTimersByTime(1000);
    expect(spy).toHaveBeenCalledTimes(1);
    w.schedule({ ...DEFAULT_CONFIG, dataset: 'moons' });
    w.flush();
    expect(window.location.hash).toContain('dataset=moons');
    spy.mockRestore();
  });
});
