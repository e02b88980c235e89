// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clearSent, commandsOf, lifecycle, sent } from './harness.ts';
import { LIMITS } from '../../src/nn/types.ts';
import { DEFAULT_CONFIG, SPEEDS } from '../../src/share/config.ts';
import { BATCH_STOPS } from '../../src/ui/labels.ts';

const { App } = await import('../../src/ui/App.tsx');
const { useStore, resetStoreForTests, receiveEvent } = await import('../../src/state/store.ts');

const cfg = () => useStore.getState().config;

function setup() {
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, ...view };
}

beforeEach(() => {
  resetStoreForTests(DEFAULT_CONFIG);
  clearSent();
});

describe('App: top bar', () => {
  it('renders its title, starts a run in the worker and terminates it on unmount', () => {
    const { unmount } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Neural Network Playground' })).toBeInTheDocument();
    expect(commandsOf('init')).toHaveLength(1);
    const before = lifecycle.terminated;
    unmount();
    expect(lifecycle.terminated).toBe(before + 1);
  });

  it('one Play/Pause toggle whose name follows the state', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(useStore.getState().run.status).toBe('running');
    expect(commandsOf('play')).toHaveLength(1);
    const pause = screen.getByRole('button', { name: 'Pause' });
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    await user.click(pause);
    expect(useStore.getState().run.status).toBe('paused');
    expect(commandsOf('pause')).toHaveLength(1);
  });

  it('Step and Reset send their commands; Reset starts a new run', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(commandsOf('step')).toEqual([expect.objectContaining({ epochs: 1 })]);
    const before = useStore.getState().runId;
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(useStore.getState().runId).toBeGreaterThan(before);
  });

  it('shows the epoch and the train and test loss from the store', async () => {
    setup();
    act(() => {
      useStore.setState((s) => ({ run: { ...s.run, epoch: 1234, trainLoss: 0.1234, testLoss: 0.0456 } }));
    });
    await waitFor(() => expect(screen.getByTestId('epoch')).toHaveTextContent('001,234'));
    expect(screen.getByTestId('train-loss')).toHaveTextContent('0.123');
    expect(screen.getByTestId('test-loss')).toHaveTextContent('0.046');
  });

  it('the speed slider and the theme select change the config', async () => {
    const { user } = setup();
    const speed = screen.getByRole('slider', { name: 'Speed' });
    expect(speed).toHaveAttribute('aria-valuetext', '30/s');
    // jsdom has no range keyboard: the keys are tested in a real browser (test/e2e/settings.spec.ts).
    fireEvent.change(speed, { target: { value: String(SPEEDS.indexOf(10)) } });
    expect(cfg().speed).toBe(10);
    expect(commandsOf('setSpeed').at(-1)).toMatchObject({ speed: 10 });
    fireEvent.change(speed, { target: { value: String(SPEEDS.length - 1) } });
    expect(cfg().speed).toBe('max');
    await user.selectOptions(screen.getByLabelText('Theme'), 'Projector');
    expect(cfg().theme).toBe('projector');
    expect(document.documentElement.dataset.theme).toBe('projector');
    await user.selectOptions(screen.getByLabelText('Theme'), 'Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

describe('App: data and features', () => {
  it('every generated dataset is offered, custom only once points exist', () => {
    setup();
    const group = screen.getByRole('radiogroup', { name: 'Dataset' });
    const names = within(group)
      .getAllByRole('radio')
      .map((r) => r.closest('label')?.textContent);
    expect(names).toHaveLength(13);
    expect(names).not.toContain('Your points');
    act(() => {
      useStore.setState((s) => ({ config: { ...s.config, points: [{ x: 1, y: 1, label: 1 }] } }));
    });
    expect(within(group).getByRole('radio', { name: 'Your points' })).toBeInTheDocument();
  });

  it('picking a dataset sets it, and its problem type with it', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'XOR' }));
    expect(cfg().dataset).toBe('xor');
    expect(screen.getByRole('radio', { name: 'XOR' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Plane' }));
    expect(cfg()).toMatchObject({ dataset: 'regPlane', problem: 'regression' });
    expect(screen.getByLabelText('Problem type')).toHaveValue('regression');
  });

  it('Noise, Ratio of training data and Batch size commit after the slider rests', async () => {
    setup();
    fireEvent.change(screen.getByLabelText('Noise'), { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText('Ratio of training data'), { target: { value: '70' } });
    const batch = screen.getByLabelText('Batch size');
    fireEvent.change(batch, { target: { value: String(BATCH_STOPS.indexOf(20)) } });
    await waitFor(() => expect(cfg()).toMatchObject({ noise: 25, trainPercent: 70, batchSize: 20 }));
    expect(commandsOf('setHyperparameters').at(-1)).toMatchObject({ hyperparameters: { batchSize: 20 } });
  });

  it('Regenerate draws a new data seed', async () => {
    const { user } = setup();
    const seed = cfg().dataSeed;
    await user.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(cfg().dataSeed).toBe(seed + 1);
  });

  it('Classes appears for multi-class and changes the class count', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText('Classes')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Problem type'), 'Multi-class');
    expect(cfg()).toMatchObject({ problem: 'multiclass', dataset: 'blobs', loss: 'softmaxCe' });
    fireEvent.change(screen.getByLabelText('Classes'), { target: { value: '5' } });
    await waitFor(() => expect(cfg().classes).toBe(5));
  });

  it('feature toggles add and remove inputs; the last one cannot go', async () => {
    const { user } = setup();
    for (const label of ['x', 'y', 'x²', 'y²', 'xy', 'sin x', 'sin y', 'cos x', 'cos y'])
      expect(screen.getByRole('checkbox', { name: label })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'x²' }));
    expect(cfg().features).toEqual(['x', 'y', 'x2']);
    await user.click(screen.getByRole('checkbox', { name: 'x' }));
    await user.click(screen.getByRole('checkbox', { name: 'x²' }));
    expect(cfg().features).toEqual(['y']);
    await user.click(screen.getByRole('checkbox', { name: 'y' }));
    expect(cfg().features).toEqual(['y']);
    expect(screen.getByText('The network needs at least one input feature.')).toBeInTheDocument();
  });
});

describe('App: network shape', () => {
  it('Add layer / Remove layer change the hidden layers and the diagram', async () => {
    const { user } = setup();
    const diagram = screen.getByTestId('network-diagram');
    expect(diagram).toHaveAttribute('data-sizes', '2,4,2,1');
    await user.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(cfg().hidden).toEqual([4, 2, 2]);
    expect(diagram).toHaveAttribute('data-sizes', '2,4,2,2,1');
    expect(screen.getAllByTestId('node-hidden')).toHaveLength(8);
    await user.click(screen.getByRole('button', { name: 'Remove layer' }));
    await user.click(screen.getByRole('button', { name: 'Remove layer' }));
    expect(cfg().hidden).toEqual([4]);
    expect(screen.getByTestId('layer-count')).toHaveTextContent('1 hidden layer');
  });

  it('per-layer + and − change units, with a message and an announcement at the limit', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add unit to layer 2' }));
    expect(cfg().hidden).toEqual([4, 3]);
    await user.click(screen.getByRole('button', { name: 'Remove unit from layer 1' }));
    expect(cfg().hidden).toEqual([3, 3]);
    act(() => {
      useStore.setState((s) => ({ config: { ...s.config, hidden: [LIMITS.units.max, 1] } }));
    });
    const add = screen.getByRole('button', { name: 'Add unit to layer 1' });
    expect(add).toHaveClass('at-limit');
    await user.click(add);
    expect(cfg().hidden).toEqual([LIMITS.units.max, 1]);
    const msg = `Layer 1 already has the most units allowed (${LIMITS.units.max}).`;
    expect(screen.getByTestId('limit-message')).toHaveTextContent(msg);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(msg));
    await user.click(screen.getByRole('button', { name: 'Remove unit from layer 2' }));
    expect(screen.getByTestId('limit-message')).toHaveTextContent('Layer 2 needs at least 1 unit.');
  });

  it('stops adding layers at the limit', async () => {
    const { user } = setup();
    act(() => {
      useStore.setState((s) => ({ config: { ...s.config, hidden: Array<number>(LIMITS.hiddenLayers.max).fill(2) } }));
    });
    await user.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(cfg().hidden).toHaveLength(LIMITS.hiddenLayers.max);
    expect(screen.getByTestId('limit-message')).toHaveTextContent(/most hidden layers allowed/);
  });
});

describe('App: hyperparameters', () => {
  it('learning rate from the list applies live (no new run)', async () => {
    const { user } = setup();
    const runId = useStore.getState().runId;
    await user.selectOptions(screen.getByLabelText('Learning rate'), '0.1');
    expect(cfg().learningRate).toBe(0.1);
    expect(useStore.getState().runId).toBe(runId);
    expect(commandsOf('setHyperparameters').at(-1)).toMatchObject({ hyperparameters: { learningRate: 0.1 } });
    const options = within(screen.getByLabelText('Learning rate'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options[0]).toBe('0.00001');
    expect(options).toContain('10');
  });

  it('a typed learning rate is validated with a clear message', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('Learning rate'), 'Other…');
    const input = screen.getByLabelText('Type a learning rate');
    await user.clear(input);
    await user.type(input, 'fast{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Learning rate must be a number from 0.000001 to 10.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(cfg().learningRate).toBe(0.03);
    await user.clear(input);
    await user.type(input, '20{Enter}');
    expect(cfg().learningRate).toBe(0.03);
    await user.clear(input);
    await user.type(input, '0.05{Enter}');
    expect(cfg().learningRate).toBe(0.05);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Learning rate')).toHaveDisplayValue('0.05 (typed)');
  });

  it('activation, optimizer, regularization and its rate', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('Activation'), 'ReLU');
    await user.selectOptions(screen.getByLabelText('Optimizer'), 'Adam');
    await user.selectOptions(screen.getByLabelText('Regularization'), 'L2');
    await user.selectOptions(screen.getByLabelText('Regularization rate'), '0.003');
    expect(cfg()).toMatchObject({
      activation: 'relu',
      optimizer: 'adam',
      regularization: 'l2',
      regularizationRate: 0.003,
    });
    expect(
      within(screen.getByLabelText('Optimizer'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['SGD', 'Momentum', 'Adam']);
    expect(
      within(screen.getByLabelText('Regularization'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['None', 'L1', 'L2']);
  });

  it('Loss is offered only where there is a choice', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('Loss'), 'Cross-entropy');
    expect(cfg().loss).toBe('bce');
    await user.selectOptions(screen.getByLabelText('Problem type'), 'Regression');
    expect(cfg().loss).toBe('mse');
    expect(
      within(screen.getByLabelText('Loss'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Squared error', 'Huber']);
    await user.selectOptions(screen.getByLabelText('Problem type'), 'Multi-class');
    expect(screen.queryByLabelText('Loss')).toBeNull();
  });
});

describe('App: view toggles, keyboard, live region', () => {
  it('Show test data and Discretize output change the view config only', async () => {
    const { user } = setup();
    const runId = useStore.getState().runId;
    await user.click(screen.getByRole('checkbox', { name: 'Show test data' }));
    await user.click(screen.getByRole('checkbox', { name: 'Discretize output' }));
    expect(cfg()).toMatchObject({ showTestData: true, discretize: true });
    expect(useStore.getState().runId).toBe(runId);
  });

  it('Space plays and pauses, S steps, R resets; not while typing', async () => {
    const { user } = setup();
    await user.keyboard(' ');
    expect(useStore.getState().run.status).toBe('running');
    await user.keyboard(' ');
    expect(useStore.getState().run.status).toBe('paused');
    await user.keyboard('s');
    expect(commandsOf('step')).toHaveLength(1);
    const runId = useStore.getState().runId;
    await user.keyboard('r');
    expect(useStore.getState().runId).toBeGreaterThan(runId);
    await user.selectOptions(screen.getByLabelText('Learning rate'), 'Other…');
    const input = screen.getByLabelText('Type a learning rate');
    const n = sent.length;
    await user.type(input, 'rs ');
    expect(sent.length).toBe(n);
    expect(input).toHaveValue('0.03rs ');
  });

  it('announces playing, paused and divergence in the live region', async () => {
    const { user } = setup();
    const status = screen.getByRole('status');
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(status).toHaveTextContent('Playing'));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(status).toHaveTextContent(/Paused at epoch/));
    act(() => {
      receiveEvent({
        type: 'status',
        runId: useStore.getState().runId,
        status: 'diverged',
        epoch: 7,
        message: 'The loss became NaN at epoch 7.',
      });
    });
    await waitFor(() => expect(status).toHaveTextContent('Training diverged: The loss became NaN at epoch 7.'));
    // The notice offers Reset too; the toolbar's Reset keeps the notice.
    const notices = screen.getByRole('list', { name: 'Notices' });
    expect(within(notices).getByRole('button', { name: 'Reset' })).toBeInTheDocument();
    const toolbarReset = screen.getAllByRole('button', { name: 'Reset' }).find((b) => !notices.contains(b))!;
    await user.click(toolbarReset);
    await waitFor(() => expect(status).toHaveTextContent('Ready at epoch 0'));
    expect(screen.getByText('The loss became NaN at epoch 7.')).toBeInTheDocument();
  });
});
