// @vitest-environment jsdom
// Under the hood in the component tree: Explain step / Batch step send the worker's 'batchStep';
// a trace event opens the Step tab (a lazy chunk) on its first phase; Previous / Next and ← / →
// move through the phases; the facts are equations.ts's numbers of the trace; MathML is rendered.
import { beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { clearSent, commandsOf } from './harness.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { explain } from '../../src/explain/equations.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { createTrace } from '../../src/nn/trace.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer } from '../../src/nn/training.ts';
import { targetsFor, uniformArray } from '../nn/helpers.ts';

const { App } = await import('../../src/ui/App.tsx');
const { useStore, resetStoreForTests, receiveEvent } = await import('../../src/state/store.ts');
const { resetHoodForTests, useHood } = await import('../../src/state/hood.ts');

function stepTrace() {
  const net = createNetwork({ sizes: [2, 4, 2, 1], activations: ['tanh', 'tanh', 'tanh'] }, 'xavier', 1);
  const n = 20;
  const tr = new Trainer(
    net,
    { x: uniformArray(n * 2, 3), y: targetsFor('mse', n, 1, 4), n },
    { ...DEFAULT_TRAIN_OPTIONS },
    5,
  );
  const t = createTrace(net, 10);
  tr.batchStep(t);
  return t;
}

beforeEach(() => {
  resetStoreForTests(DEFAULT_CONFIG);
  resetHoodForTests();
  clearSent();
});

describe('Under the hood', () => {
  it('Explain step asks for a traced minibatch, Batch step for one without', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Explain step' }));
    await user.click(screen.getByRole('button', { name: 'Batch step' }));
    const cmds = commandsOf('batchStep');
    expect(cmds.map((c) => c.explain)).toEqual([true, false]);
    expect(cmds[0]!.runId).toBe(useStore.getState().runId);
    expect(await screen.findByRole('region', { name: 'Under the hood' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByText('Training the next minibatch…')).toBeInTheDocument();
  });

  it('shows the trace phase by phase with its numbers', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Explain step' }));
    const t = stepTrace();
    const { requestId, runId } = commandsOf('batchStep')[0]!;
    act(() => receiveEvent({ type: 'trace', runId, requestId, trace: t }));
    const phase = await screen.findByTestId('hood-phase', {}, { timeout: 20_000 });
    expect(phase).toHaveTextContent('Forward · layer 1 of 3 · phase 1 of 13');
    const region = screen.getByRole('region', { name: 'Under the hood' });
    expect(region.querySelector('math')).not.toBeNull();
    const fact = (label: string) => within(screen.getByTestId(`hood-fact-${label}`)).getByRole('definition');
    const want = explain(t, { kind: 'forward', layer: 0 }, { layer: 0, unit: 0, input: null, sample: 0 });
    expect(fact('z')).toHaveTextContent(want.facts.find((f) => f.label === 'z')!.shown);

    await user.click(within(region).getByRole('button', { name: 'Next' }));
    expect(phase).toHaveTextContent('Forward · layer 2 of 3 · phase 2 of 13');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(phase).toHaveTextContent('Loss · phase 4 of 13');
    const loss = explain(t, { kind: 'loss' }, { layer: 2, unit: 0, input: null, sample: 0 });
    expect(fact('L')).toHaveTextContent(loss.facts.find((f) => f.label === 'L')!.shown);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(phase).toHaveTextContent('Forward · layer 3 of 3 · phase 3 of 13');
    expect(within(region).getByRole('button', { name: 'Previous' })).toBeEnabled();

    // A unit of the heat strip focuses it (backward, hidden layer 1).
    for (let i = 0; i < 4; i++) fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(phase).toHaveTextContent('Backward · layer 1 of 3 · phase 7 of 13');
    await user.click(within(region).getByRole('button', { name: /^Unit 3: δ = / }));
    expect(useHood.getState().focus).toEqual({ layer: 0, unit: 2 });
    expect(fact('δ')).toHaveTextContent(String(Number(t.delta[0]![2]!.toPrecision(4))));

    await user.click(within(region).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Under the hood' })).toBeNull();
  });

  it('shows where the run sits inside the epoch in the top bar', () => {
    render(<App />);
    expect(screen.queryByTestId('batch')).toBeNull();
    const snap = useStore.getState().snapshot;
    act(() => useStore.setState({ snapshot: { ...(snap ?? ({} as never)), batch: { done: 3, of: 25 } } }));
    expect(screen.getByTestId('batch')).toHaveTextContent('3 of 25');
  });
});
