// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { connectWorker, play, resetStoreForTests, useStore } from '../../src/state/store.ts';
import { hoodStore, resetHoodForTests } from '../../src/state/hood.ts';
import userEvent from '@testing-library/user-event';
import './harness.ts';
import { FeaturesPanel } from '../../src/ui/FeaturesPanel.tsx';
import { NetworkDiagram } from '../../src/ui/NetworkDiagram.tsx';
import { staticSource, type LiveSource } from '../../src/ui/live.ts';
import { paletteFor } from '../../src/ui/theme.ts';
import { layoutDiagram, linkPoint } from '../../src/viz/diagram.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';

// W0 (3×2), b0 (3), W1 (1×3), b1 (1)
const params = [0.5, -1.5, 2, 0.25, -0.75, 1, 0.1, 0.2, 0.3, 1.25, -2.5, 0.5, -0.4];
const source = staticSource({ info: fakeInfo(), snapshot: fakeSnapshot(params) });

// Same options the component uses at its default width of 640 px (jsdom has no ResizeObserver).
const layout = layoutDiagram([2, 3, 1], { width: 640, nodeSize: 36, gap: 11, padX: 60, padY: 12, minHeight: 200 });

function renderDiagram(onSetWeight = vi.fn(), from: LiveSource = source) {
  render(
    <NetworkDiagram
      source={from}
      palette={paletteFor('light')}
      sizes={[2, 3, 1]}
      features={['x', 'y']}
      onSetWeight={onSetWeight}
    />,
  );
  return { onSetWeight, box: screen.getByTestId('network-diagram') };
}

describe('NetworkDiagram', () => {
  beforeEach(() => resetHoodForTests());

  it('draws a node per unit over the two diagram canvases (links, nodes), and labels the inputs', () => {
    renderDiagram();
    expect(screen.getAllByTestId('node-input')).toHaveLength(2);
    expect(screen.getAllByTestId('node-hidden')).toHaveLength(3);
    expect(screen.getAllByTestId('node-output')).toHaveLength(1);
    expect(screen.getByTestId('network-diagram').querySelectorAll('canvas')).toHaveLength(2);
    expect(screen.getByText('x')).toBeInTheDocument();
    expect(screen.getByTitle('Unit 2 of layer 1')).toBeInTheDocument();
  });

  it('hovering a link shows its weight; hovering a node its bias', () => {
    const { box } = renderDiagram();
    const link = layout.links.find((k) => k.layer === 0 && k.to === 2 && k.from === 0)!;
    const p = linkPoint(link, 0.3); // off the middle, where links cross
    fireEvent.pointerMove(box, { clientX: p.x, clientY: p.y });
    // W0[2][0] = params[2*2 + 0]
    expect(screen.getByRole('tooltip')).toHaveTextContent('Weight −0.750');
    const out = layout.nodes.find((n) => n.kind === 'output')!;
    fireEvent.pointerMove(box, { clientX: out.x, clientY: out.y });
    expect(screen.getByRole('tooltip')).toHaveTextContent('Output · bias −0.400');
    fireEvent.pointerLeave(box);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('clicking a link opens an editor that sends the typed weight', async () => {
    const user = userEvent.setup();
    const { box, onSetWeight } = renderDiagram();
    const link = layout.links.find((k) => k.layer === 1 && k.to === 0 && k.from === 2)!;
    const p = linkPoint(link, 0.3);
    fireEvent.click(box, { clientX: p.x, clientY: p.y });
    const dialog = screen.getByRole('dialog', { name: 'Weight from unit 3 of layer 1 to the output' });
    const input = screen.getByLabelText('New weight');
    expect(input).toHaveValue('0.5');
    await user.clear(input);
    await user.type(input, 'abc{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Type a number');
    expect(onSetWeight).not.toHaveBeenCalled();
    await user.clear(input);
    await user.type(input, '-3.5{Enter}');
    expect(onSetWeight).toHaveBeenCalledWith(1, 0, 2, -3.5);
    expect(dialog).not.toBeInTheDocument();
  });

  it('while paused, clicking a hidden node shows its equation card; a second click edits its bias; Escape cancels', async () => {
    const user = userEvent.setup();
    const { box, onSetWeight } = renderDiagram();
    const n = layout.nodes.find((x) => x.kind === 'hidden' && x.index === 1)!;
    fireEvent.click(box, { clientX: n.x, clientY: n.y });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hoodStore.getState()).toMatchObject({ open: true, card: { layer: 0, unit: 1 }, cardOpened: true });
    fireEvent.click(box, { clientX: n.x, clientY: n.y });
    expect(screen.getByRole('dialog', { name: 'Bias of unit 2 of layer 1' })).toBeInTheDocument();
    expect(screen.getByLabelText('New bias')).toHaveValue('0.2');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onSetWeight).not.toHaveBeenCalled();
  });

  it('hidden and output units are buttons: the keyboard reaches the bias editor', async () => {
    const user = userEvent.setup();
    const { onSetWeight } = renderDiagram();
    expect(screen.getAllByRole('button', { name: /: edit bias$/ })).toHaveLength(4);
    screen.getByRole('button', { name: 'Output: edit bias' }).focus();
    // The first Enter shows the output's equation card, the second opens the bias editor.
    await user.keyboard('{Enter}');
    expect(hoodStore.getState().card).toEqual({ layer: 1, unit: 0 });
    await user.keyboard('{Enter}');
    const input = screen.getByLabelText('New bias');
    expect(input).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}0.75{Enter}');
    expect(onSetWeight).toHaveBeenCalledWith(1, 0, -1, 0.75);
    expect(screen.getByRole('button', { name: 'Output: edit bias' })).toHaveFocus();
  });

  it('names the input features as the Features panel does, in labels, titles and the weight editor', () => {
    const features = ['x2', 'sinY'] as const;
    render(
      <>
        <FeaturesPanel features={features} onToggle={vi.fn()} />
        <NetworkDiagram
          source={source}
          palette={paletteFor('light')}
          sizes={[2, 3, 1]}
          features={features}
          onSetWeight={vi.fn()}
        />
      </>,
    );
    const panel = within(screen.getByRole('group', { name: 'Input features' }));
    for (const name of ['x²', 'sin y']) {
      expect(panel.getByText(name)).toBeInTheDocument();
      expect(screen.getByTitle(`Input ${name}`)).toBeInTheDocument();
    }
    const box = screen.getByTestId('network-diagram');
    const link = layout.links.find((k) => k.layer === 0 && k.to === 0 && k.from === 1)!;
    const p = linkPoint(link, 0.3);
    fireEvent.click(box, { clientX: p.x, clientY: p.y });
    expect(screen.getByRole('dialog', { name: 'Weight from sin y to unit 1 of layer 1' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/X₁|X₂|sin\(/);
  });

  it('while the weight editor is open: no tooltip, training paused, the value kept fresh; resumes on close', async () => {
    resetStoreForTests();
    const commands: string[] = [];
    const off = connectWorker((c) => commands.push(c.type));
    play();
    let state = { info: fakeInfo(), snapshot: fakeSnapshot(params) };
    const listeners = new Set<() => void>();
    const live = {
      get: () => state,
      subscribe: (l: () => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const { box } = renderDiagram(vi.fn(), live);
    const link = layout.links.find((k) => k.layer === 1 && k.to === 0 && k.from === 2)!;
    const p = linkPoint(link, 0.3);
    fireEvent.pointerMove(box, { clientX: p.x, clientY: p.y });
    expect(screen.getByRole('tooltip')).toBeInTheDocument();
    fireEvent.click(box, { clientX: p.x, clientY: p.y });
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(useStore.getState().run.status).toBe('paused');
    expect(commands).toEqual(['play', 'pause']);
    // The step that was under way when the editor opened lands: the field follows it.
    const moved = [...params];
    moved[11] = 0.625;
    state = { info: state.info, snapshot: fakeSnapshot(moved) };
    act(() => listeners.forEach((l) => l()));
    expect(screen.getByLabelText('New weight')).toHaveValue('0.625');
    await userEvent.setup().keyboard('{Escape}');
    expect(useStore.getState().run.status).toBe('running');
    expect(commands).toEqual(['play', 'pause', 'play']);
    off();
  });
});
