// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './harness.ts';
import { OutputView } from '../../src/ui/OutputView.tsx';
import { LossChart } from '../../src/ui/LossChart.tsx';
import { ConfusionMatrix } from '../../src/ui/ConfusionMatrix.tsx';
import { TopBar } from '../../src/ui/TopBar.tsx';
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

  it('summarises loss and accuracy for screen readers and toggles a log scale', async () => {
    const user = userEvent.setup();
    render(<LossChart history={history} showAccuracy width={300} height={150} colors={palette.chart} />);
    expect(
      screen.getByRole('img', { name: 'Loss chart over 3 epochs: train loss 0.100, test loss 0.120' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Accuracy chart: train 95.0%, test 90.0%' })).toBeInTheDocument();
    const log = screen.getByRole('checkbox', { name: 'Log scale' });
    await user.click(log);
    expect(log).toBeChecked();
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

  it('is K×K for multi-class', () => {
    render(<ConfusionMatrix counts={new Int32Array(9).fill(1)} k={3} />);
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Class 1', 'Class 2', 'Class 3']);
  });
});

describe('TopBar', () => {
  it('offers every speed and the toolbar slot', async () => {
    const user = userEvent.setup();
    const onSpeed = vi.fn();
    render(
      <TopBar
        status="diverged"
        epoch={0}
        trainLoss={null}
        testLoss={Infinity}
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
    expect(
      within(screen.getByLabelText('Speed'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Max', '100 epochs/s', '10 epochs/s', '1 epoch/s']);
    await user.selectOptions(screen.getByLabelText('Speed'), '1 epoch/s');
    expect(onSpeed).toHaveBeenCalledWith(1);
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByTestId('train-loss')).toHaveTextContent('–');
    expect(screen.getByTestId('test-loss')).toHaveTextContent('∞');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByTestId('run-alert')).toHaveTextContent('Diverged: lower the learning rate, then Reset');
  });
});

describe('chart thinning', () => {
  it('keeps at most max points, evenly spaced, always the last', async () => {
    const { thin } = await import('../../src/ui/LossChart.tsx');
    const pts = Array.from({ length: 1000 }, (_, i) => i);
    const t = thin(pts, 200);
    expect(t.length).toBeLessThanOrEqual(200);
    expect(t.at(-1)).toBe(999);
    expect(t[1]! - t[0]!).toBe(5);
    expect(thin([1, 2, 3], 200)).toEqual([1, 2, 3]);
  });
});

describe('chart axes', () => {
  const h = (epoch: number, trainLoss: number | null, testLoss: number | null) => ({
    epoch,
    batchLoss: null,
    trainLoss,
    testLoss,
    trainAccuracy: null,
    testAccuracy: null,
  });

  it('linear: from 0 to a round value at or above the largest loss', async () => {
    const { chartAxes } = await import('../../src/ui/LossChart.tsx');
    const a = chartAxes([h(1, 0.5, 0.62), h(250, 0.1, 0.2)], ['trainLoss', 'testLoss'], false);
    expect(a.x).toEqual({ domain: [0, 250], ticks: [0, 100, 200] });
    expect(a.y.domain[0]).toBe(0);
    expect(a.y.domain[1]).toBeGreaterThanOrEqual(0.62);
    expect(a.y.ticks.at(-1)).toBe(a.y.domain[1]);
  });

  it('log: whole decades around the positive losses, zeros ignored', async () => {
    const { chartAxes } = await import('../../src/ui/LossChart.tsx');
    const a = chartAxes([h(1, 0.5, 0), h(2, 0.003, null)], ['trainLoss', 'testLoss'], true);
    expect(a.y.domain).toEqual([0.001, 1]);
    expect(a.y.ticks).toEqual([0.001, 0.01, 0.1, 1]);
  });

  it('at most five epoch ticks, with short labels', async () => {
    const { chartAxes, formatEpochTick } = await import('../../src/ui/LossChart.tsx');
    expect(chartAxes([h(13307, 1, 1)], ['trainLoss'], false).x.ticks).toEqual([0, 5000, 10000]);
    expect([0, 2500, 10000, 125000, 1500000].map(formatEpochTick)).toEqual(['0', '2500', '10k', '125k', '1.5M']);
  });

  it('whole epochs only, a handful of loss ticks', async () => {
    const { chartAxes } = await import('../../src/ui/LossChart.tsx');
    const a = chartAxes([h(1, 0.7, 0.68)], ['trainLoss', 'testLoss'], false);
    expect(a.x.ticks).toEqual([0, 1]);
    expect(a.y.ticks.length).toBeLessThanOrEqual(6);
    expect(a.y.domain[1]).toBeGreaterThanOrEqual(0.7);
    const b = chartAxes([h(1, 0.492, 0.506)], ['trainLoss', 'testLoss'], false);
    expect(b.y.ticks.length).toBeLessThanOrEqual(6);
    expect(b.y.ticks.at(-1)).toBe(b.y.domain[1]);
    expect(b.y.domain[1]).toBeGreaterThanOrEqual(0.506);
  });

  it('an empty history still has axes', async () => {
    const { chartAxes } = await import('../../src/ui/LossChart.tsx');
    expect(chartAxes([], ['trainLoss'], false).y.domain).toEqual([0, 1]);
  });
});
