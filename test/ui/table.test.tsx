// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import './harness.ts';
import { buildRun } from '../../src/worker/build.ts';
import { ConfusionMatrix, confusionSetOf } from '../../src/ui/ConfusionMatrix.tsx';
import { outputRange } from '../../src/ui/labels.ts';
import { OutputView } from '../../src/ui/OutputView.tsx';
import { TableView } from '../../src/ui/TableView.tsx';
import { hasTable, tableRows } from '../../src/ui/tableRows.ts';
import { staticSource } from '../../src/ui/live.ts';
import { paletteFor } from '../../src/ui/theme.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { ARTICLE_XOR } from '../fixtures/article.ts';
import { fakeInfo, fakeSnapshot } from './fixtures.ts';

describe('tableRows', () => {
  it('gives the four XOR rows in truth-table order with 0/1 targets and the engine’s outputs', () => {
    const b = buildRun(1, { ...ARTICLE_XOR, hidden: [4], activation: 'sigmoid' }, { output: 4, hidden: 4 });
    for (let e = 0; e < 50; e++) b.trainer.epoch();
    expect(hasTable(b.info)).toBe(true);
    const rows = tableRows(b.info, b.net.params);
    expect(rows.map((r) => [r.x, r.y, r.target, r.set])).toEqual([
      [0, 0, 0, 'train'],
      [0, 1, 1, 'train'],
      [1, 0, 1, 'train'],
      [1, 1, 0, 'train'],
    ]);
    // The same numbers the trainer's own prediction gives at those points.
    const x = Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1);
    const want = new Float64Array(4);
    b.trainer.predict(x, 4, want);
    rows.forEach((r, i) => expect(r.output).toBeCloseTo(want[i]!, 12));
    expect(tableRows(b.info, null).every((r) => r.output === null)).toBe(true);
  });

  it('tanh targets are ±1; large datasets and multi-class get no table', () => {
    const b = buildRun(1, { ...ARTICLE_XOR, output: 'tanh' }, { output: 4, hidden: 4 });
    expect(tableRows(b.info, null).map((r) => r.target)).toEqual([-1, 1, 1, -1]);
    expect(hasTable(buildRun(2, DEFAULT_CONFIG, { output: 4, hidden: 4 }).info)).toBe(false);
    expect(hasTable(fakeInfo({ sizes: [2, 3, 3] }))).toBe(false);
  });
});

describe('TableView', () => {
  it('shows inputs, target and output to 4 decimals; the Set column only with test points', () => {
    const { rerender } = render(
      <TableView
        rows={[
          { x: 0, y: 1, target: 1, output: 0.5, set: 'train' },
          { x: 1, y: 1, target: 0, output: null, set: 'train' },
        ]}
      />,
    );
    expect(screen.getAllByTestId('table-output').map((c) => c.textContent)).toEqual(['0.5000', '–']);
    expect(screen.queryByRole('columnheader', { name: 'Set' })).toBeNull();
    rerender(<TableView rows={[{ x: -1, y: 0, target: -1, output: -0.25, set: 'test' }]} />);
    expect(screen.getByRole('columnheader', { name: 'Set' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: '−1 0 −1 −0.2500 Test' })).toBeInTheDocument();
  });
});

describe('legend and confusion matrix follow the settings', () => {
  it('the legend shows the output range: 0 … 1 for a sigmoid, −1 … +1 for tanh', () => {
    expect(outputRange('sigmoid')).toEqual({ low: '0', high: '1' });
    expect(outputRange('tanh')).toEqual({ low: '−1', high: '+1' });
    const palette = paletteFor('light');
    const props = {
      source: staticSource({ info: fakeInfo(), snapshot: fakeSnapshot(new Array(13).fill(0)) }),
      palette,
      showTestData: false,
      discretize: false,
      onShowTestData: () => undefined,
      onDiscretize: () => undefined,
    };
    const { container, rerender } = render(<OutputView {...props} outputActivation="sigmoid" />);
    const ends = () => [...container.querySelectorAll('.legend > span:not(.legend-bar)')].map((s) => s.textContent);
    expect(ends()).toEqual(['0', '1']);
    rerender(<OutputView {...props} outputActivation="tanh" />);
    expect(ends()).toEqual(['−1', '+1']);
  });

  it('the matrix says which set it counts: the snapshot’s word, else the training set when there is no test set', () => {
    const info = fakeInfo();
    const snap = fakeSnapshot([]);
    expect(confusionSetOf(snap, info)).toBe('test');
    const noTest = fakeInfo({ testPoints: new Float64Array(0), testLabels: new Float64Array(0) });
    expect(confusionSetOf(null, noTest)).toBe('train');
    expect(confusionSetOf(null, info)).toBe('test');
    expect(confusionSetOf({ ...snap, confusionSet: 'train' }, info)).toBe('train');
    render(<ConfusionMatrix counts={[2, 0, 0, 2]} k={2} set="train" />);
    expect(screen.getByText(/Training set \(there is no test set\): 100\.0% correct/)).toBeInTheDocument();
  });
});
