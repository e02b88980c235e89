// @vitest-environment jsdom
import '../harness.ts';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/share/config.ts';
import { resetStoreForTests, useStore } from '../../../src/state/store.ts';
import { DrawTools, firstDrawNotice, usePlaneClick, type DrawTool } from '../../../src/ui/share/DrawTools.tsx';
import { CLASS_COLORS, hexToRgb } from '../../../src/viz/colors.ts';

function Harness() {
  const [tool, setTool] = useState<DrawTool>(null);
  return <DrawTools tool={tool} onTool={setTool} />;
}

const css = (hex: string) => `rgb(${hexToRgb(hex).join(', ')})`;
const summarySwatch = () => document.querySelector<HTMLElement>('summary .swatch');

beforeEach(() => resetStoreForTests(DEFAULT_CONFIG));

describe('Draw data colour dot', () => {
  it('follows the class chosen, not the first one (binary)', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('radio', { name: 'Blue (positive)' }));
    expect(summarySwatch()?.style.backgroundColor).toBe(css(CLASS_COLORS[1]!));
    fireEvent.click(screen.getByRole('radio', { name: 'Orange (negative)' }));
    expect(summarySwatch()?.style.backgroundColor).toBe(css(CLASS_COLORS[0]!));
    fireEvent.click(screen.getByRole('radio', { name: 'Blue (positive)' }));
    expect(summarySwatch()?.style.backgroundColor).toBe(css(CLASS_COLORS[1]!));
  });

  it('follows the class chosen (multi-class)', () => {
    resetStoreForTests({ ...DEFAULT_CONFIG, dataset: 'blobs', problem: 'multiclass', loss: 'softmaxCe', classes: 4 });
    render(<Harness />);
    for (const k of [2, 0, 3]) {
      fireEvent.click(screen.getByRole('radio', { name: `Class ${k + 1}` }));
      expect(summarySwatch()?.style.backgroundColor).toBe(css(CLASS_COLORS[k]!));
    }
  });
});

describe('first point drawn on a generated dataset', () => {
  function Plane({ onReady }: { onReady: (f: ReturnType<typeof usePlaneClick>) => void }) {
    onReady(usePlaneClick(1));
    return null;
  }

  it('says that the dataset’s points were copied and the test points are shown', () => {
    let click: ReturnType<typeof usePlaneClick>;
    render(<Plane onReady={(f) => (click = f)} />);
    act(() => click!({ x: 1, y: 1, shiftKey: false, button: 0 }));
    const s = useStore.getState();
    expect(s.config.dataset).toBe('custom');
    expect(s.config.showTestData).toBe(true);
    expect(s.notices.map((n) => n.text)).toEqual([firstDrawNotice('Circle', 0, false)]);
    // A second point says nothing new.
    act(() => click!({ x: 2, y: 1, shiftKey: false, button: 0 }));
    expect(useStore.getState().notices).toHaveLength(1);
  });

  it('words the notice as a learner reads it', () => {
    expect(firstDrawNotice('Circle', 500, false)).toBe(
      'Drawing on the Circle data: its 500 points were copied so you can edit them. Test points are shown.',
    );
    expect(firstDrawNotice('XOR', 200, true)).toBe(
      'Drawing on the XOR data: its 200 points were copied so you can edit them.',
    );
  });
});
