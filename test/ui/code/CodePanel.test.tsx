// @vitest-environment jsdom
/**
 * The Code panel as a person meets it: tabs, the program of the current settings, the lines of a
 * phase marked, the article's preset and the diff after adding a hidden layer.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { codeExperiment } from '../../../src/codegen/experiment.ts';
import { numpyProgram } from '../../../src/codegen/numpy.ts';
import { DEFAULT_CONFIG } from '../../../src/share/config.ts';

const { default: CodePanel } = await import('../../../src/ui/code/CodePanel.tsx');
const { useStore, resetStoreForTests } = await import('../../../src/state/store.ts');
const { useCode } = await import('../../../src/state/code.ts');

beforeEach(() => {
  resetStoreForTests();
  useCode.setState({ open: true, tab: 'numpy' });
  Element.prototype.scrollIntoView = () => undefined;
});

describe('CodePanel', () => {
  it('shows the program of the current settings and marks the lines of a phase', () => {
    const { rerender } = render(<CodePanel highlight={null} />);
    const region = screen.getByRole('region', { name: 'Code' });
    const code = within(region).getByRole('tabpanel');
    expect(code.textContent).toBe(numpyProgram(codeExperiment(useStore.getState().config)).text);
    expect(region.querySelectorAll('.is-phase')).toHaveLength(0);

    rerender(<CodePanel highlight="backward" />);
    const program = numpyProgram(codeExperiment(useStore.getState().config));
    const marked = [...region.querySelectorAll('.is-phase')].map((el) => el.textContent!.replace(/\n$/, ''));
    expect(marked).toEqual(program.phases.backward.map((n) => program.text.split('\n')[n - 1]));
    expect(marked.join('\n')).toContain('grads = backward(');
    expect(screen.getByTestId('code-phase').textContent).toContain('the backward pass');

    fireEvent.click(within(region).getByRole('tab', { name: 'TypeScript' }));
    expect(within(region).getByRole('tabpanel').textContent).toContain('function mulberry32(seed: number)');
  });

  it("follows the settings; the article's network, then the diff once it has a hidden layer", () => {
    render(<CodePanel highlight={null} />);
    const region = screen.getByRole('region', { name: 'Code' });
    act(() => useStore.getState().setConfig({ optimizer: 'adam' }));
    expect(within(region).getByRole('tabpanel').textContent).toContain('BETA1');

    fireEvent.click(within(region).getByRole('button', { name: "The article's network" }));
    expect(useStore.getState().config).toMatchObject({
      dataset: 'xorTable',
      hidden: [],
      learningRate: 1,
      theme: DEFAULT_CONFIG.theme,
    });
    expect(within(region).getByRole('tabpanel').textContent).toContain('l1 = sigmoid(z1)');
    expect(screen.queryByTestId('code-diff')).toBeNull();

    act(() => useStore.getState().setConfig({ hidden: [4] }));
    const diff = screen.getByTestId('code-diff');
    expect(diff.textContent).toContain("What changed since the article's network");
    expect(diff.textContent).toContain('z2 = l1 @ syn1 + b1');
  });
});
