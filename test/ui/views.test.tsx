// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './harness.ts';
import { OutputView } from '../../src/ui/OutputView.tsx';
import { LossChart } from '../../src/ui/LossChart.tsx';
import { ConfusionMatrix } from '../../src/ui/ConfusionMatrix.tsx';
import { TopBar } from '../../src/ui/TopBar.tsx';
import { RunStats } from '../../src/ui/RunStats.tsx';
import { SPEEDS } from '../../src/share/config.ts';
import { staticSource } from '../../src/ui/live.ts';
import { paletteFor } from '../../src/ui/theme.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';

const palette = paletteFor('light');

describe('OutputView', () => {
  it('renders with no 2D context (jsdom), with axes ticks and the two toggles', async () => {
    const user = userEvent.setup();
    const onShow = vi.fn();
    const onDisc = vi.fn();
    render(
      <OutputView
        source={staticSource({ info: fakeInfo(), snapshot: fakeSnapshot(new Array(13).fill(0)) })}
        palette={palette}
        showTestData={false}
        discretize={true}
        onShowTestData={onShow}
        onDiscretize={onDisc}
      />,
    );
    expect(screen.getByRole('img', { name: /Decision boundary/ })).toBeInTheDocument();
    expect(screen.getAllByText('−6').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('checkbox', { name: 'Discretize output' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Show test data' }));
    expect(onShow).toHaveBeenCalledWith(true);
    await user.click(screen.getByRole('checkbox', { name: 'Discretize output' }));
    expect(onDisc).toHaveBeenCalledWith(false);
  });

  it('shows the diverging scale for two classes and one swatch per class for more', () => {
    const common = {
      source: staticSource({ info: fakeInfo(), snapshot: null }),
      palette,
      showTestData: false,
      discretize: false,
      onShowTestData: () => undefined,
      onDiscretize: () => undefined,
    };
    const { rerender } = render(<OutputView {...common} classes={2} />);
    expect(screen.queryByRole('list', { name: 'Class colours' })).toBeNull();
    expect(screen.getByText('+1')).toBeInTheDocument();
    rerender(<OutputView {...common} classes={4} />);
    const items = within(screen.getByRole('list', { name: 'Class colours' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['Class 1', 'Class 2', 'Class 3', 'Class 4']);
  });

  it('reports plane clicks in data coordinates', () => {
    const onPlaneClick = vi.fn();
    render(
      <OutputView
        source={staticSource({ info: fakeInfo(), snapshot: null })}
        palette={palette}
        showTestData
        discretize={false}
        onShowTestData={() => undefined}
        onDiscretize={() => undefined}
        onPlaneClick={onPlaneClick}
      />,
    );
    const plane = screen.getByRole('img', { name: /Decision boundary/ });
    plane.getBoundingClientRect = () => ({
      left: 100,
      top: 50,
      width: 300,
      height: 300,
      right: 400,
      bottom: 350,
      x: 100,
      y: 50,
      toJSON: () => ({}),
    });
    fireEvent.pointerDown(plane, { clientX: 325, clientY: 125, shiftKey: true, button: 0 });
    expect(onPlaneClick).toHaveBeenCalledWith({ x: 3, y: 3, shiftKey: true, button: 0 });
  });
});

describe('LossChart', () => {
  const history = [
    { epoch: 1, batchLoss: 0.5, trainLoss: 0.5, testLoss: 0.6, trainAccuracy: 0.5, testAccuracy: 0.4 },
    { epoch: 2, batchLoss: 0.3, trainLoss: 0.3, testLoss: 0.35, trainAccuracy: 0.8, testAccuracy: 0.75 },
    { epoch: 3, batchLoss: 0.1, trainLoss: 0.1, testLoss: 0.12, trainAccuracy: 0.95, testAccuracy: 0.9 },
  ];

  const renderChart = () =>
    render(<LossChart history={history} showAccuracy width={300} height={150} colors={palette.chart} />);
  const path = (series: string) => document.querySelector(`path[data-series="${series}"]`)!.getAttribute('d')!;
  const tickLabels = (chart: HTMLElement) =>
    Array.from(chart.querySelectorAll('.chart-ticks text')).map((t) => t.textContent);

  it('summarises loss and accuracy for screen readers', () => {
    renderChart();
    expect(
      screen.getByRole('img', { name: 'Loss chart over 3 epochs: train loss 0.100, test loss 0.120' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Accuracy chart: train 95.0%, test 90.0%' })).toBeInTheDocument();
  });

  it('draws one line per series through every epoch, test lines dashed', () => {
    renderChart();
    for (const s of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) {
      expect(path(s)).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){2}$/);
    }
    const y = (d: string) =>
      d
        .split(/[ML]/)
        .filter(Boolean)
        .map((p) => Number(p.split(',')[1]));
    // Loss falls (y grows downwards), accuracy rises.
    const loss = y(path('trainLoss'));
    expect(loss[0]!).toBeLessThan(loss[2]!);
    const acc = y(path('trainAccuracy'));
    expect(acc[0]!).toBeGreaterThan(acc[2]!);
    expect(document.querySelector('path[data-series="testLoss"]')).toHaveAttribute('stroke-dasharray');
    expect(document.querySelector('path[data-series="trainLoss"]')).not.toHaveAttribute('stroke-dasharray');
  });

  it('switches the loss axis to whole decades on a log scale', async () => {
    const user = userEvent.setup();
    renderChart();
    const chart = screen.getByRole('img', { name: /^Loss chart/ });
    expect(tickLabels(chart)).toEqual(expect.arrayContaining(['0.2', '0.4', '0.6']));
    const before = path('trainLoss');
    const log = screen.getByRole('checkbox', { name: 'Log scale' });
    await user.click(log);
    expect(log).toBeChecked();
    expect(tickLabels(chart)).toEqual(expect.arrayContaining(['0.1', '1']));
    expect(tickLabels(chart)).not.toContain('0.2');
    expect(path('trainLoss')).not.toBe(before);
  });

  it('shows every value at the hovered epoch in both charts, and hides them when the pointer leaves', () => {
    renderChart();
    const svg = screen.getByRole('img', { name: /^Loss chart/ }).querySelector('svg')!;
    // The plot spans x 52..288 px for epochs 0..3 (jsdom puts the svg at the page's left edge).
    fireEvent.pointerMove(svg, { clientX: 52 + (2 / 3) * 236 });
    const readouts = document.querySelectorAll('.chart-readout');
    expect(readouts[0]).toBeVisible();
    expect(readouts[0]).toHaveTextContent('Epoch 2');
    expect(readouts[0]).toHaveTextContent('Train loss 0.3000');
    expect(readouts[0]).toHaveTextContent('Test loss 0.3500');
    expect(readouts[1]).toHaveTextContent('Epoch 2');
    expect(readouts[1]).toHaveTextContent('Train accuracy 80.0%');
    expect(readouts[1]).toHaveTextContent('Test accuracy 75.0%');
    expect(document.querySelectorAll('.chart-cursor circle')).toHaveLength(4);
    fireEvent.pointerLeave(svg);
    expect(readouts[0]).not.toBeVisible();
    expect(document.querySelectorAll('.chart-cursor')).toHaveLength(0);
  });

  it('steps through epochs with the keyboard on a focused chart', async () => {
    const user = userEvent.setup();
    renderChart();
    const chart = screen.getByRole('img', { name: /^Loss chart/ });
    const readout = document.querySelector('.chart-readout')!;
    await user.click(screen.getByRole('checkbox', { name: 'Log scale' }));
    await user.tab();
    expect(chart).toHaveFocus();
    expect(readout).toHaveTextContent('Epoch 3');
    await user.keyboard('{ArrowLeft}');
    expect(readout).toHaveTextContent('Epoch 2');
    await user.keyboard('{Home}');
    expect(readout).toHaveTextContent('Epoch 1');
    await user.keyboard('{ArrowLeft}');
    expect(readout).toHaveTextContent('Epoch 1');
    await user.keyboard('{End}');
    expect(readout).toHaveTextContent('Epoch 3');
    await user.keyboard('{Escape}');
    expect(readout).not.toBeVisible();
  });

  it('has no accuracy chart for regression', () => {
    render(<LossChart history={[]} showAccuracy={false} width={300} height={150} colors={palette.chart} />);
    expect(screen.getByRole('img', { name: 'Loss chart: no epochs trained yet' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Accuracy/ })).toBeNull();
  });
});

describe('ConfusionMatrix', () => {
  it('shows true × predicted counts and the share correct', () => {
    render(<ConfusionMatrix counts={new Int32Array([5, 1, 2, 7])} k={2} />);
    const table = screen.getByRole('table', { name: 'Test set: 80.0% correct' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['True ↓ / Predicted →OrangeBlue', 'Orange51', 'Blue27']);
  });

  it('says when it counts the training set because there is no test set', () => {
    render(<ConfusionMatrix counts={new Int32Array([1, 0, 0, 1])} k={2} set="train" />);
    expect(screen.getByRole('table', { name: 'Training set (there is no test set): 100.0% correct' })).toBeTruthy();
  });

  it('is K×K for multi-class', () => {
    render(<ConfusionMatrix counts={new Int32Array(9).fill(1)} k={3} />);
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Class 1', 'Class 2', 'Class 3']);
  });
});

describe('TopBar', () => {
  it('offers every speed on a log-scale slider, Max last, and the toolbar slot', () => {
    const onSpeed = vi.fn();
    render(
      <TopBar
        status="diverged"
        stats={<RunStats epoch={0} trainLoss={null} testLoss={Infinity} />}
        speed="max"
        theme="auto"
        onTogglePlay={() => undefined}
        onStep={() => undefined}
        onReset={() => undefined}
        onSpeed={onSpeed}
        onTheme={() => undefined}
        toolbar={<button type="button">Copy link</button>}
      />,
    );
    const speed = screen.getByRole('slider', { name: 'Speed' });
    expect(speed).toHaveAttribute('aria-valuetext', 'Max');
    expect(Number(speed.getAttribute('max'))).toBe(SPEEDS.length - 1);
    expect(speed).toHaveValue(String(SPEEDS.length - 1));
    fireEvent.change(speed, { target: { value: String(SPEEDS.length - 2) } });
    expect(onSpeed).toHaveBeenLastCalledWith(1000);
    fireEvent.change(speed, { target: { value: '0' } });
    expect(onSpeed).toHaveBeenLastCalledWith(1);
    expect(speed).toHaveAttribute('aria-valuetext', '1/s');
    expect(screen.getByText('1/s')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByTestId('train-loss')).toHaveTextContent('–');
    expect(screen.getByTestId('test-loss')).toHaveTextContent('∞');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByTestId('run-alert')).toHaveTextContent('Diverged: lower the learning rate, then Reset');
  });
});
