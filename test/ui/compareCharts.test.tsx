// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './harness.ts';
import { CompareCharts } from '../../src/ui/compare/CompareCharts.tsx';
import { paletteFor } from '../../src/ui/theme.ts';

const point = (epoch: number, loss: number, accuracy: number) => ({
  epoch,
  batchLoss: loss,
  trainLoss: loss,
  testLoss: loss + 0.05,
  trainAccuracy: accuracy,
  testAccuracy: accuracy - 0.05,
});
const a = [point(1, 0.5, 0.5), point(2, 0.3, 0.8), point(3, 0.1, 0.95)];
const b = [point(1, 0.6, 0.4), point(2, 0.4, 0.7)];

function renderCharts() {
  render(<CompareCharts a={a} b={b} showAccuracy colors={paletteFor('light').chart} fontSize={12} height={150} />);
}

describe('CompareCharts (the shared chart frame with two runs)', () => {
  it('draws A solid and B dashed, four lines a chart, with a legend', () => {
    renderCharts();
    const loss = screen.getByTestId('compare-chart-loss');
    expect(loss.querySelectorAll('path[data-series]')).toHaveLength(4);
    expect(loss.querySelector('path[data-series="A-trainLoss"]')).not.toHaveAttribute('stroke-dasharray');
    expect(loss.querySelector('path[data-series="B-trainLoss"]')).toHaveAttribute('stroke-dasharray');
    expect(loss).toHaveAccessibleName('Loss chart, A and B: A train 0.1000, test 0.1500; B train 0.4000, test 0.4500');
    const legend = loss.closest('.chart-cell')!.querySelector('.chart-legend') as HTMLElement;
    expect(
      within(legend)
        .getAllByRole('listitem', { hidden: true })
        .map((li) => li.textContent),
    ).toEqual(['A train', 'A test', 'B train', 'B test']);
  });

  it('reads both runs at one epoch with the keys, in both charts', async () => {
    const user = userEvent.setup();
    renderCharts();
    const readout = screen.getByTestId('compare-readout-loss');
    const accuracy = screen.getByTestId('compare-readout-accuracy');
    expect(readout).not.toBeVisible();
    await user.tab();
    expect(screen.getByTestId('compare-chart-loss')).toHaveFocus();
    // Focus shows the longer run's last epoch; B has none there and reads its nearest (epoch 2).
    expect(readout).toHaveTextContent('Epoch 3');
    expect(readout).toHaveTextContent('A: train 0.1000, test 0.1500');
    expect(readout).toHaveTextContent('B: train 0.4000, test 0.4500');
    await user.keyboard('{Home}');
    expect(readout).toHaveTextContent('Epoch 1');
    expect(readout).toHaveTextContent('B: train 0.6000, test 0.6500');
    expect(accuracy).toHaveTextContent('A: train 50.0%, test 45.0%');
    await user.keyboard('{ArrowRight}');
    expect(readout).toHaveTextContent('Epoch 2');
    await user.keyboard('{Escape}');
    expect(readout).not.toBeVisible();
  });
});
