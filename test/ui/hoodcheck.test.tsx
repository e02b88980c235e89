// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clearSent, commandsOf, sent } from './harness.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';
import { gradCheck } from '../../src/nn/gradcheck.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { connectWorker, receiveEvent, store } from '../../src/state/store.ts';
import { setBreak, useGradCheck } from '../../src/state/gradcheck.ts';
import { addGradFlow } from '../../src/state/gradflow.ts';
import { BreakBanner } from '../../src/ui/hood/BreakBanner.tsx';
import { GradFlowCharts } from '../../src/ui/hood/GradFlowChart.tsx';
import { GradientCheckView } from '../../src/ui/hood/GradientCheckView.tsx';
import { TransformedSpaceView } from '../../src/ui/hood/TransformedSpaceView.tsx';
import { paletteFor } from '../../src/ui/theme.ts';

// Recharts measures its box; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

function checkResult(breakKind: 'none' | 'flip-sign') {
  const net = createNetwork({ sizes: [2, 3, 1], activations: ['tanh', 'tanh'] }, 'xavier', 1);
  const batch = { x: Float64Array.from([1, 2, -1, 0.5, 0.3, -2]), y: Float64Array.from([1, -1, 1]), n: 3 };
  return gradCheck(net, batch, { loss: 'mse', regularization: 'none', regularizationRate: 0, breakKind });
}

// No bridge here: the page's commands go straight into the harness's list.
connectWorker((c) => {
  sent.push(c);
});

beforeEach(() => {
  clearSent();
  store.setState({ runId: 1, runInfo: fakeInfo() });
  act(() => setBreak('none'));
  clearSent();
});

describe('GradientCheckView', () => {
  it('asks the worker for a check and shows its verdict, maximum and layers', async () => {
    const user = userEvent.setup();
    render(<GradientCheckView />);
    await user.click(screen.getByRole('button', { name: 'Check gradients' }));
    const [cmd] = commandsOf('gradCheck');
    expect(cmd).toMatchObject({ runId: 1 });
    expect(screen.getByRole('button', { name: 'Check gradients' })).toBeDisabled();
    act(() => receiveEvent({ type: 'gradCheck', runId: 1, requestId: cmd!.requestId, result: checkResult('none') }));
    expect(screen.getByTestId('gradcheck-verdict')).toHaveTextContent(
      /^Backprop agrees with the numerical gradient to 1e-\d+\.$/,
    );
    expect(Number(screen.getByTestId('gradcheck-max').textContent)).toBeLessThan(1e-6);
    const table = screen.getByRole('table', { name: 'Largest relative error by layer' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(
      screen.getByText(/Checked all 13 weights and biases on a minibatch of 3 points, with dropout off/),
    ).toBeInTheDocument();
  });

  it('ignores an answer to an older request', async () => {
    const user = userEvent.setup();
    render(<GradientCheckView />);
    await user.click(screen.getByRole('button', { name: 'Check gradients' }));
    const [old] = commandsOf('gradCheck');
    await user.click(screen.getByRole('button', { name: 'Check gradients' })).catch(() => undefined);
    act(() =>
      receiveEvent({ type: 'gradCheck', runId: 1, requestId: old!.requestId - 1, result: checkResult('flip-sign') }),
    );
    expect(screen.queryByTestId('gradcheck-verdict')).toBeNull();
  });

  it('Break backprop sends the break and shows the banner; Fix it mends it', async () => {
    const user = userEvent.setup();
    render(
      <>
        <GradientCheckView />
        <BreakBanner />
      </>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Break backprop'), 'no-bias');
    expect(commandsOf('setBreak')).toEqual([{ type: 'setBreak', runId: 1, kind: 'no-bias' }]);
    expect(screen.getByRole('alert')).toHaveTextContent('Backprop is broken on purpose (drop the bias gradient) ·');
    await user.click(screen.getByRole('button', { name: 'Fix it' }));
    expect(commandsOf('setBreak').at(-1)).toEqual({ type: 'setBreak', runId: 1, kind: 'none' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Break backprop')).toHaveValue('none');
  });

  it('a break on is sent again to a new run, and the old result is dropped', () => {
    act(() => setBreak('flip-sign'));
    act(() => useGradCheck.setState({ result: checkResult('flip-sign'), status: 'done' }));
    store.setState({ runId: 2 });
    act(() => receiveEvent({ type: 'runInfo', info: fakeInfo({ runId: 2 }) }));
    expect(commandsOf('setBreak').at(-1)).toEqual({ type: 'setBreak', runId: 2, kind: 'flip-sign' });
    expect(useGradCheck.getState().result).toBeNull();
  });
});

describe('GradFlowCharts', () => {
  it('draws one chart per layer with its latest gradient size', () => {
    const palette = paletteFor('light');
    render(<GradFlowCharts palette={palette} />);
    expect(screen.getByText(/Train a few epochs/)).toBeInTheDocument();
    const norms = Float64Array.from([0.5, 2, 0.25, 4]);
    act(() =>
      addGradFlow(
        fakeSnapshot([], {
          runId: 1,
          status: 'paused',
          gradFlow: { epochs: Float64Array.from([1, 2]), norms, layers: 2 },
        }),
      ),
    );
    const charts = screen.getAllByTestId('gradflow-chart');
    expect(charts).toHaveLength(2);
    expect(charts[0]).toHaveTextContent('Hidden layer 1');
    expect(charts[0]).toHaveTextContent('‖g‖ 0.25');
    expect(charts[1]).toHaveTextContent('Output layer');
    expect(charts[1]).toHaveTextContent('‖g‖ 4.0');
    expect(charts[0]!.querySelector('path')!.getAttribute('d')).toMatch(/^M/);
  });
});

describe('TransformedSpaceView', () => {
  it('asks the worker for the space of the chosen layer and units', async () => {
    store.setState({ runId: 3, runInfo: fakeInfo({ runId: 3 }) });
    render(<TransformedSpaceView />);
    expect(commandsOf('requestSpace').at(-1)).toMatchObject({ runId: 3, layer: 0, unitA: 0, unitB: 1 });
    expect(screen.getByLabelText('Layer')).toHaveDisplayValue('Hidden layer 1 (3 units)');
    expect(
      screen.getByRole('img', { name: /unit 1 \(across\) and unit 2 \(up\) of hidden layer 1/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Behind: what the output says/)).toBeInTheDocument();
  });
});
