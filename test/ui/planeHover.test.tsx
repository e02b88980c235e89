// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import './harness.ts';
import { NetworkDiagram } from '../../src/ui/NetworkDiagram.tsx';
import { OutputView } from '../../src/ui/OutputView.tsx';
import { staticSource } from '../../src/ui/live.ts';
import { paletteFor } from '../../src/ui/theme.ts';
import { layoutDiagram } from '../../src/viz/diagram.ts';
import { nearestCell } from '../../src/viz/readout.ts';
import { fakeInfo, fakeSnapshot, R } from './fixtures.ts';

const outputGrid = new Float32Array(R * R).map((_, i) => (i - 8) / 10);
const hiddenGrids = new Float32Array(3 * R * R).map((_, i) => -i / 100);
const source = staticSource({
  info: fakeInfo(),
  snapshot: fakeSnapshot(new Array(13).fill(0), { outputGrid, hiddenGrids }),
});
const layout = layoutDiagram([2, 3, 1], { width: 640, nodeSize: 36, gap: 11, padX: 60, padY: 12, minHeight: 200 });

function renderBoth() {
  render(
    <>
      <NetworkDiagram
        source={source}
        palette={paletteFor('light')}
        sizes={[2, 3, 1]}
        features={['x', 'y']}
        onSetWeight={vi.fn()}
      />
      <OutputView
        source={source}
        palette={paletteFor('light')}
        showTestData={false}
        discretize={false}
        onShowTestData={vi.fn()}
        onDiscretize={vi.fn()}
      />
    </>,
  );
  return {
    diagram: screen.getByTestId('network-diagram'),
    plane: screen.getByRole('img', { name: /Decision boundary/ }),
  };
}

describe('hovering a unit shows it on the output plane', () => {
  it('a hidden unit, an input feature, and the output again on leaving', () => {
    const { diagram } = renderBoth();
    const heat = screen.getByTestId('heatmap');
    expect(heat.dataset.showing).toBe('output');
    const unit = layout.nodes.find((n) => n.kind === 'hidden' && n.index === 1)!;
    fireEvent.pointerMove(diagram, { clientX: unit.x, clientY: unit.y });
    expect(heat.dataset.showing).toBe('Unit 2 of layer 1');
    expect(screen.getByTestId('plane-caption')).toHaveTextContent('Showing unit 2 of layer 1');
    const input = layout.nodes.find((n) => n.kind === 'input' && n.index === 1)!;
    fireEvent.pointerMove(diagram, { clientX: input.x, clientY: input.y });
    expect(screen.getByTestId('plane-caption')).toHaveTextContent('Showing input y');
    fireEvent.pointerLeave(diagram);
    expect(heat.dataset.showing).toBe('output');
    expect(screen.queryByTestId('plane-caption')).toBeNull();
  });

  it('a hidden unit focused by keyboard shows too', () => {
    renderBoth();
    act(() => screen.getByRole('button', { name: 'Unit 3 of layer 1: edit bias' }).focus());
    expect(screen.getByTestId('plane-caption')).toHaveTextContent('Showing unit 3 of layer 1');
    act(() => screen.getByRole('button', { name: 'Unit 3 of layer 1: edit bias' }).blur());
    expect(screen.queryByTestId('plane-caption')).toBeNull();
  });
});

describe('the value under the pointer', () => {
  it('hover reads the nearest grid cell; leaving hides it', () => {
    const { plane } = renderBoth();
    plane.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: 120,
      height: 120,
      right: 120,
      bottom: 120,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    // 120 px over 12 units: pixel (72, 54) is x 1.2, y 0.6.
    fireEvent.pointerMove(plane, { clientX: 72, clientY: 54 });
    const readout = screen.getByTestId('plane-readout');
    const v = outputGrid[nearestCell(fakeInfo().region, R, 1.2, 0.6)]!;
    expect(readout).toBeVisible();
    expect(readout).toHaveTextContent(`x 1.20, y 0.60 → ${v.toFixed(2).replace('-', '−')}`);
    fireEvent.pointerLeave(plane);
    expect(readout).not.toBeVisible();
  });

  it('keyboard: focus shows it at the centre, arrow keys move the cursor', () => {
    const { plane } = renderBoth();
    act(() => plane.focus());
    const readout = screen.getByTestId('plane-readout');
    expect(readout).toHaveTextContent(/^x 0\.00, y 0\.00 → /);
    fireEvent.keyDown(plane, { key: 'ArrowRight' });
    fireEvent.keyDown(plane, { key: 'ArrowUp' });
    expect(readout).toHaveTextContent(/^x 0\.50, y 0\.50 → /);
  });
});
