// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './harness.ts';
import { BATCH_ALL, DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { DataPanel } from '../../src/ui/DataPanel.tsx';
import { HyperPanel } from '../../src/ui/HyperPanel.tsx';
import { BATCH_STOPS, HELP } from '../../src/ui/labels.ts';
import { withStop } from '../../src/ui/settingsControls.tsx';

function hyper(config: Partial<ExperimentConfig> = {}) {
  const onChange = vi.fn();
  render(<HyperPanel config={{ ...DEFAULT_CONFIG, ...config }} onChange={onChange} onProblem={() => undefined} />);
  return onChange;
}

function data(config: Partial<ExperimentConfig> = {}) {
  const onChange = vi.fn();
  const onRegenerate = vi.fn();
  render(<DataPanel config={{ ...DEFAULT_CONFIG, ...config }} onChange={onChange} onRegenerate={onRegenerate} />);
  return { onChange, onRegenerate };
}

const options = (label: string) =>
  within(screen.getByLabelText(label))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('withStop', () => {
  it("puts a link's value among the stops in order, text stops last", () => {
    const stops: (number | 'max')[] = [1, 10, 100, 'max'];
    expect(withStop(stops, 30)).toEqual([1, 10, 30, 100, 'max']);
    expect(withStop(stops, 500)).toEqual([1, 10, 100, 500, 'max']);
    expect(withStop(stops, 10)).toEqual(stops);
    expect(withStop<number | 'max'>([1, 10], 'max')).toEqual([1, 10, 'max']);
  });
});

describe('HyperPanel: Output', () => {
  it('offers the outputs squared error allows, Sigmoid among them, and sets it', async () => {
    const user = userEvent.setup();
    const onChange = hyper();
    expect(options('Output')).toEqual(['Tanh', 'Sigmoid', 'Linear']);
    expect(screen.getByLabelText('Output')).toHaveValue('tanh');
    expect(screen.getByLabelText('Output')).toHaveAccessibleDescription(HELP.output);
    await user.selectOptions(screen.getByLabelText('Output'), 'Sigmoid');
    expect(onChange).toHaveBeenCalledWith({ output: 'sigmoid' });
  });

  it('cross-entropy allows only Sigmoid', () => {
    hyper({ loss: 'bce', output: 'sigmoid' });
    expect(options('Output')).toEqual(['Sigmoid']);
  });

  it('multi-class shows only Softmax', () => {
    hyper({ problem: 'multiclass', dataset: 'blobs', loss: 'softmaxCe', output: 'softmax' });
    expect(options('Output')).toEqual(['Softmax']);
  });

  it('regression offers Linear or Tanh', () => {
    hyper({ problem: 'regression', dataset: 'regPlane', output: 'linear' });
    expect(options('Output')).toEqual(['Linear', 'Tanh']);
  });
});

describe('HyperPanel: Advanced', () => {
  it('holds momentum, dropout, schedule, clipping, initialization and seed, each with one sentence of help', async () => {
    const user = userEvent.setup();
    const onChange = hyper();
    const summary = screen.getByText('Advanced');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    const help: Record<string, string> = {
      Momentum: HELP.momentum,
      Dropout: HELP.dropout,
      'Learning-rate schedule': HELP.schedule,
      'Gradient clipping': HELP.clipNorm,
      Initialization: HELP.init,
      Seed: HELP.seed,
    };
    for (const [label, text] of Object.entries(help))
      expect(screen.getByLabelText(label)).toHaveAccessibleDescription(text);
    await user.selectOptions(screen.getByLabelText('Learning-rate schedule'), 'Cosine, restart every 1000');
    expect(onChange).toHaveBeenLastCalledWith({ schedule: 'cosine' });
    await user.selectOptions(screen.getByLabelText('Initialization'), 'Xavier');
    expect(onChange).toHaveBeenLastCalledWith({ init: 'xavier' });
  });

  it('sliders show their values and commit when they rest', async () => {
    const onChange = hyper();
    expect(screen.getByLabelText('Momentum')).toHaveAttribute('aria-valuetext', '0.9');
    expect(screen.getByLabelText('Gradient clipping')).toHaveAttribute('aria-valuetext', 'Off');
    fireEvent.change(screen.getByLabelText('Gradient clipping'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Dropout'), { target: { value: '0.2' } });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith({ clipNorm: 1 }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith({ dropout: 0.2 }));
    expect(screen.getByLabelText('Dropout')).toHaveAttribute('aria-valuetext', '20%');
  });

  it('a seed is typed, checked against its bounds, and refused with a message', async () => {
    const user = userEvent.setup();
    const onChange = hyper();
    const seed = screen.getByLabelText('Seed');
    await user.clear(seed);
    await user.type(seed, '42{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ seed: 42 });
    await user.clear(seed);
    await user.type(seed, '-3{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Type a whole number from 0 to 4294967295.');
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('DataPanel', () => {
  it('the batch slider reaches 500 and All: a link with 500 is not stuck at the end', () => {
    data({ batchSize: 500 });
    const batch = screen.getByLabelText('Batch size');
    expect(batch).toHaveAttribute('aria-valuetext', '500');
    expect(Number(batch.getAttribute('max'))).toBe(BATCH_STOPS.length - 1);
    expect(Number((batch as HTMLInputElement).value)).toBe(BATCH_STOPS.length - 2);
  });

  it('full batch is the last stop, All', async () => {
    const { onChange } = data();
    const batch = screen.getByLabelText('Batch size');
    fireEvent.change(batch, { target: { value: String(BATCH_STOPS.length - 1) } });
    expect(batch).toHaveAttribute('aria-valuetext', 'All');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith({ batchSize: BATCH_ALL }));
  });

  it("a link's batch size between stops is shown as it is", () => {
    data({ batchSize: 7 });
    expect(screen.getByLabelText('Batch size')).toHaveAttribute('aria-valuetext', '7');
  });

  it('the ratio of training data goes up to 100%', () => {
    data({ trainPercent: 100 });
    const ratio = screen.getByLabelText('Ratio of training data');
    expect(ratio).toHaveAttribute('max', '100');
    expect(ratio).toHaveAttribute('aria-valuetext', '100%');
  });

  it('the XOR table disables Noise, Regenerate and Number of points, and says why', () => {
    data({ dataset: 'xorTable' });
    for (const label of ['Noise', 'Number of points']) {
      expect(screen.getByLabelText(label)).toBeDisabled();
      expect(screen.getByLabelText(label).closest('[title]')).toHaveAttribute(
        'title',
        'The XOR table is always the same four points.',
      );
    }
    const regenerate = screen.getByRole('button', { name: 'Regenerate' });
    expect(regenerate).toBeDisabled();
    expect(regenerate).toHaveAttribute('title', 'The XOR table is always the same four points.');
    expect(screen.getByLabelText('Data seed')).toBeEnabled();
  });

  it('other datasets keep them enabled; Advanced has the number of points and the data seed', async () => {
    const user = userEvent.setup();
    const { onChange } = data();
    expect(screen.getByLabelText('Noise')).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
    expect(screen.getByLabelText('Number of points')).toHaveAccessibleDescription(HELP.samples);
    expect(screen.getByLabelText('Data seed')).toHaveAccessibleDescription(HELP.dataSeed);
    const seed = screen.getByLabelText('Data seed');
    await user.clear(seed);
    await user.type(seed, '7');
    await user.tab();
    expect(onChange).toHaveBeenLastCalledWith({ dataSeed: 7 });
  });
});
