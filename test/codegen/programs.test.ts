/**
 * Any valid experiment gives programs that parse (python3's ast.parse, TypeScript's parser) and
 * run; the notebook is a valid nbformat 4 document whose code cells, joined, print the NumPy
 * program's losses; the diff from the article's network is the lines the fix needs.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ARTICLE_EXPERIMENT } from '../../src/codegen/article.ts';
import { changes } from '../../src/codegen/diff.ts';
import { codeExperiment } from '../../src/codegen/experiment.ts';
import { notebook } from '../../src/codegen/notebook.ts';
import { numpyProgram } from '../../src/codegen/numpy.ts';
import { INLINE_POINTS, type Program } from '../../src/codegen/program.ts';
import { typescriptProgram } from '../../src/codegen/typescript.ts';
import {
  DATASETS,
  FEATURES,
  HIDDEN_ACTIVATIONS,
  INITS,
  OPTIMIZERS,
  REGULARIZATIONS,
  SCHEDULES,
  type DatasetName,
} from '../../src/nn/types.ts';
import { problemOf } from '../../src/nn/data.ts';
import { DEFAULT_CONFIG, lossesFor, outputsFor, type ExperimentConfig } from '../../src/share/config.ts';
import { engineLosses, parseLosses } from './engineRun.ts';
import { runPython, runTypeScript } from './runPrograms.ts';

const GENERATED = DATASETS.filter((d): d is Exclude<DatasetName, 'custom'> => d !== 'custom');

const configArb: fc.Arbitrary<ExperimentConfig> = fc
  .record({
    dataset: fc.constantFrom(...GENERATED),
    features: fc.uniqueArray(fc.constantFrom(...FEATURES), { minLength: 1, maxLength: 9 }),
    hidden: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
    activation: fc.constantFrom(...HIDDEN_ACTIVATIONS),
    lossPick: fc.nat(),
    outputPick: fc.nat(),
    init: fc.constantFrom(...INITS),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    batchSize: fc.integer({ min: 1, max: 40 }),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    learningRate: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    regularization: fc.constantFrom(...REGULARIZATIONS),
    regularizationRate: fc.constantFrom(0, 0.001, 0.03),
    dropout: fc.constantFrom(0, 0.1, 0.5),
    schedule: fc.constantFrom(...SCHEDULES),
    clipNorm: fc.constantFrom(0, 0.5, 5),
    samples: fc.integer({ min: 8, max: 60 }),
    trainPercent: fc.integer({ min: 10, max: 100 }),
    classes: fc.integer({ min: 2, max: 6 }),
  })
  .map(({ lossPick, outputPick, ...r }) => {
    const problem = problemOf(r.dataset);
    const losses = lossesFor(problem);
    const loss = losses[lossPick % losses.length]!;
    const outputs = outputsFor(problem, loss);
    return { ...DEFAULT_CONFIG, ...r, problem, loss, output: outputs[outputPick % outputs.length]! };
  });

function tsSyntaxErrors(text: string): string[] {
  const out = ts.transpileModule(text, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** python3 ast.parse over every text in one process: the error of each, or "". */
function pythonSyntaxErrors(texts: string[]): string[] {
  const script = `
import ast, json, sys
out = []
for t in json.load(sys.stdin):
    try:
        ast.parse(t)
        out.append("")
    except SyntaxError as e:
        out.append(repr(e))
print(json.dumps(out))`;
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: JSON.stringify(texts), maxBuffer: 64 << 20 }).toString(),
  ) as string[];
}

describe('any valid experiment', () => {
  it('gives programs that parse and run, printing one line per recorded epoch', async () => {
    const configs = fc.sample(configArb, { numRuns: 16, seed: 13 });
    const epochs = 3;
    const py: Program[] = [];
    const tsp: Program[] = [];
    for (const c of configs) {
      const e = codeExperiment(c, epochs);
      py.push(numpyProgram(e));
      tsp.push(typescriptProgram(e));
    }
    expect(pythonSyntaxErrors(py.map((p) => p.text))).toEqual(py.map(() => ''));
    for (const p of tsp) expect(tsSyntaxErrors(p.text)).toEqual([]);
    const [pyOut, tsOut] = await Promise.all([runPython(py), runTypeScript(tsp)]);
    configs.forEach((c, i) => {
      const want = engineLosses(c, epochs).map((l) => l.epoch);
      expect(pyOut[i], JSON.stringify(c)).not.toMatch(/^ERROR/);
      expect(
        parseLosses(pyOut[i]!).map((l) => l.epoch),
        JSON.stringify(c),
      ).toEqual(want);
      expect(
        parseLosses(tsOut[i]!).map((l) => l.epoch),
        JSON.stringify(c),
      ).toEqual(want);
    });
  }, 180_000);

  it('emits only what it uses: tanh, squared error and SGD have no Adam, dropout or softmax', () => {
    const text = numpyProgram(codeExperiment(DEFAULT_CONFIG, 10)).text;
    expect(text).toContain('def tanh(');
    for (const absent of ['BETA1', 'dropout', 'softmax', 'regularize', 'clip(', 'learning_rate('])
      expect(text).not.toContain(absent);
    const adam = numpyProgram(codeExperiment({ ...DEFAULT_CONFIG, optimizer: 'adam', dropout: 0.2 }, 10)).text;
    expect(adam).toContain('BETA1');
    expect(adam).toContain('dropout_mask');
  });

  it('writes the data to a CSV beside the program beyond the inline limit', async () => {
    const e = codeExperiment({ ...DEFAULT_CONFIG, samples: 60 }, 2);
    const big = {
      ...e,
      train: { points: [...e.train.points, ...e.train.points], labels: [...e.train.labels, ...e.train.labels] },
    };
    while (big.train.labels.length + big.test.labels.length <= INLINE_POINTS) {
      big.train = {
        points: [...big.train.points, ...e.train.points],
        labels: [...big.train.labels, ...e.train.labels],
      };
    }
    const py = numpyProgram(big);
    const tsp = typescriptProgram(big);
    expect(py.csv).not.toBeNull();
    expect(py.text).toContain('data.csv');
    const [pyOut] = await runPython([py], 1);
    const [tsOut] = await runTypeScript([tsp]);
    expect(parseLosses(pyOut!).length).toBe(3);
    expect(parseLosses(tsOut!)).toEqual(parseLosses(tsOut!).map((l, i) => ({ ...l, epoch: i })));
    expect(parseLosses(tsOut!).length).toBe(3);
  }, 60_000);
});

describe('the notebook', () => {
  const program = numpyProgram(codeExperiment({ ...DEFAULT_CONFIG, samples: 80 }, 20));
  const nb = JSON.parse(notebook(program)) as Record<string, unknown> & { cells: Record<string, unknown>[] };

  it('has the nbformat 4 structure', () => {
    expect(Object.keys(nb).sort()).toEqual(['cells', 'metadata', 'nbformat', 'nbformat_minor']);
    expect(nb['nbformat']).toBe(4);
    expect(nb['nbformat_minor']).toBe(5);
    const ids = new Set<string>();
    for (const cell of nb.cells) {
      expect(['markdown', 'code']).toContain(cell['cell_type']);
      const keys =
        cell['cell_type'] === 'code'
          ? ['cell_type', 'execution_count', 'id', 'metadata', 'outputs', 'source']
          : ['cell_type', 'id', 'metadata', 'source'];
      expect(Object.keys(cell).sort()).toEqual(keys);
      expect(cell['id']).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      ids.add(cell['id'] as string);
      expect(Array.isArray(cell['source']) && (cell['source'] as unknown[]).every((s) => typeof s === 'string')).toBe(
        true,
      );
      if (cell['cell_type'] === 'code') {
        expect(cell['outputs']).toEqual([]);
        expect(cell['execution_count']).toBeNull();
      }
    }
    expect(ids.size).toBe(nb.cells.length);
    // A markdown cell with the step's equation before each function, the loop, then the plot.
    const md = nb.cells.filter((c) => c['cell_type'] === 'markdown').map((c) => (c['source'] as string[]).join(''));
    expect(md.some((t) => t.includes('$'))).toBe(true);
    const last = (nb.cells.at(-1)!['source'] as string[]).join('');
    expect(last).toContain('import matplotlib.pyplot as plt');
    expect(last).toContain('except ImportError');
  });

  it('its code cells, joined, print the same losses as the program', async () => {
    const joined = nb.cells
      .filter((c) => c['cell_type'] === 'code')
      .map((c) => (c['source'] as string[]).join(''))
      .join('\n\n');
    const [fromNotebook, fromProgram] = await runPython([{ ...program, text: joined }, program], 1);
    expect(fromNotebook).toContain('Install matplotlib');
    const a = parseLosses(fromNotebook!);
    expect(a.length).toBe(21);
    expect(a).toEqual(parseLosses(fromProgram!));
  }, 60_000);
});

describe("the article's network", () => {
  it('ends with every output at 0.5, and a hidden layer of 4 changes only the lines the fix needs', async () => {
    const article = numpyProgram(codeExperiment(ARTICLE_EXPERIMENT));
    const fixed = numpyProgram(codeExperiment({ ...ARTICLE_EXPERIMENT, hidden: [4] }));
    expect(article.text).toContain('l1 = sigmoid(z1)');
    expect(article.text).toContain('EPOCHS = 10000');
    const [a, f] = await runPython([article, fixed]);
    const outputs = (s: string) =>
      s
        .split('Output after training:')[1]!
        .match(/[\d.]+(?:e-?\d+)?/g)!
        .map(Number);
    expect(outputs(a!)).toEqual([0.5, 0.5, 0.5, 0.5]);
    const learned = outputs(f!);
    const want = codeExperiment(ARTICLE_EXPERIMENT).train.labels;
    learned.forEach((o, i) => expect(Math.abs(o - want[i]!)).toBeLessThan(0.1));
    const diff = changes(article.text, fixed.text);
    const added = diff.filter((l) => l.kind === 'added').map((l) => l.text.trim());
    for (const line of [
      'z2 = l1 @ syn1 + b1',
      'l2 = sigmoid(z2)',
      'l1_delta = (l2_delta @ syn1.T) * s1',
      'g_syn1 = l1.T @ l2_delta',
    ]) {
      expect(added).toContain(line);
    }
    // Nothing about the loss, the update or the random numbers changes.
    for (const l of diff)
      expect(l.text).not.toMatch(/def (loss_sum|update|output_delta|sigmoid)|Mulberry32|LEARNING_RATE/);
  }, 120_000);
});
