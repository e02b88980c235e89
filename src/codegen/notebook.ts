/**
 * The NumPy program as a Jupyter notebook (nbformat 4.5): per step a markdown cell (its title,
 * a sentence and the equation) and a code cell, the loop last, then a cell that plots the loss
 * curves with matplotlib when it is installed. Its code cells, joined, are the NumPy program.
 */
import { blockCode, type Program } from './program.ts';

interface Cell {
  cell_type: 'markdown' | 'code';
  id: string;
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: never[];
}

const PLOT = [
  'try:',
  '    import matplotlib.pyplot as plt',
  '',
  '    epochs = [h[0] for h in history]',
  '    plt.plot(epochs, [h[1] for h in history], label="train loss")',
  '    plt.plot(epochs, [h[2] for h in history], label="test loss")',
  '    plt.xlabel("epoch")',
  '    plt.ylabel("loss")',
  '    plt.legend()',
  '    plt.show()',
  'except ImportError:',
  '    print("Install matplotlib to see the loss curves.")',
].join('\n');

/** Jupyter keeps a cell's text as lines, each but the last ending in "\n". */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

function markdown(id: number, text: string): Cell {
  return { cell_type: 'markdown', id: `cell-${id}`, metadata: {}, source: sourceLines(text) };
}

function code(id: number, text: string): Cell {
  return {
    cell_type: 'code',
    id: `cell-${id}`,
    metadata: {},
    execution_count: null,
    outputs: [],
    source: sourceLines(text),
  };
}

/** The notebook's JSON text. */
export function notebook(program: Program): string {
  if (program.language !== 'python') throw new Error('A notebook holds the NumPy program');
  const cells: Cell[] = [];
  program.blocks.forEach((b, i) => {
    cells.push(markdown(cells.length + 1, `${i === 0 ? '#' : '##'} ${b.title}\n\n${b.note}`));
    cells.push(code(cells.length + 1, blockCode(b)));
  });
  cells.push(markdown(cells.length + 1, '## The loss curves\n\nThe train and test loss after each recorded epoch.'));
  cells.push(code(cells.length + 1, PLOT));
  const nb = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}
