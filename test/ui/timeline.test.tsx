// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import './harness.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { resetStoreForTests } from '../../src/state/store.ts';
import { receiveTimelineEvent, resetTimelineForTests, timelineStore } from '../../src/state/timeline.ts';
import { Timeline } from '../../src/ui/timeline/Timeline.tsx';
import { differingKeys, describeBy } from '../../src/ui/history/differences.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';

afterEach(() => {
  resetTimelineForTests();
  resetStoreForTests();
});

describe('Timeline', () => {
  it('is disabled before any checkpoint, then scrubs over the checkpoint epochs with Live at the end', () => {
    render(<Timeline />);
    const slider = screen.getByLabelText('Timeline');
    expect(slider).toBeDisabled();
    act(() => receiveTimelineEvent({ type: 'checkpoints', runId: 0, epochs: [0, 1, 2, 340] }));
    expect(slider).toBeEnabled();
    expect(slider).toHaveAttribute('max', '4');
    expect(slider).toHaveValue('4');
    expect(screen.getByTestId('timeline-status')).toHaveTextContent('Live');
    fireEvent.change(slider, { target: { value: '3' } });
    expect(timelineStore.getState().viewingEpoch).toBe(340);
    expect(screen.getByTestId('timeline-status')).toHaveTextContent('Viewing epoch 340 · Back to live');
    expect(slider).toHaveAttribute('aria-valuetext', 'Epoch 340');
    // Continue waits for the worker's answer (the checkpoint's weights).
    expect(screen.getByRole('button', { name: 'Continue from here' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
    expect(timelineStore.getState().viewingEpoch).toBeNull();
    expect(screen.getByTestId('timeline-status')).toHaveTextContent('Live');
  });
});

describe('what differs between runs', () => {
  it('names the settings that differ, in the page words, and ignores how a run is shown', () => {
    const a = { ...DEFAULT_CONFIG, theme: 'dark' as const };
    const b = { ...DEFAULT_CONFIG, learningRate: 0.3, optimizer: 'adam' as const, speed: 'max' as const };
    const keys = differingKeys([a, b]);
    expect(keys).toEqual(['learningRate', 'optimizer']);
    expect(describeBy(b, keys)).toBe('Learning rate 0.3 · Optimizer Adam');
  });
});
