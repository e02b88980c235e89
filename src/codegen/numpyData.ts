/**
 * The NumPy program's data blocks: the settings, the points (inline, or read from the CSV beside
 * the program), the features and targets, and the initial weights written as the article's syn_l
 * of shape (in, out).
 */
import { featureLabel } from '../nn/features.ts';
import type { FeatureName, OutputActivation } from '../nn/types.ts';
import { dropsOut, type CodeData, type CodeExperiment } from './experiment.ts';
import { CSV_NAME, pyNumber, shape, wrap, type Block } from './program.ts';

/** Each feature as NumPy computes it from the columns x and y. */
export const PY_FEATURE: Record<FeatureName, string> = {
  x: 'x',
  y: 'y',
  x2: 'x * x',
  y2: 'y * y',
  xy: 'x * y',
  sinX: 'np.sin(x)',
  sinY: 'np.sin(y)',
  cosX: 'np.cos(x)',
  cosY: 'np.cos(y)',
};

export function dataBlock(e: CodeExperiment, inline: boolean): Block {
  const lines: string[] = [];
  const arrays = (name: string, d: CodeData) => {
    const n = d.labels.length;
    lines.push(
      `# ${name === 'train' ? 'Training' : 'Test'} points (x, y): ${shape(n, 2)}, and their labels: ${shape(n)}`,
    );
    if (n === 0) {
      lines.push(`${name}_points = np.zeros((0, 2))`, `${name}_labels = np.zeros(0)`);
      return;
    }
    const pts = Array.from(
      { length: n },
      (_, i) => `[${pyNumber(d.points[2 * i]!)}, ${pyNumber(d.points[2 * i + 1]!)}]`,
    );
    lines.push(`${name}_points = np.array([`, ...wrap(pts, '    '), '])');
    lines.push(`${name}_labels = np.array([`, ...wrap(d.labels.map(pyNumber), '    '), '])');
  };
  if (inline) {
    arrays('train', e.train);
    arrays('test', e.test);
  } else {
    lines.push(
      `# The points are in ${CSV_NAME} beside this program: one row per point (set, x, y, label).`,
      'def load(which):',
      `    with open("${CSV_NAME}") as f:`,
      '        rows = [r for r in csv.DictReader(f) if r["set"] == which]',
      '    points = np.array([[float(r["x"]), float(r["y"])] for r in rows]).reshape(-1, 2)',
      '    return points, np.array([float(r["label"]) for r in rows])',
      '',
      'train_points, train_labels = load("train")',
      'test_points, test_labels = load("test")',
    );
  }
  return {
    title: 'The data',
    note: 'The points the playground trains on and tests on, each a position (x, y) and a label.',
    lines,
  };
}

function targetLine(out: OutputActivation, e: CodeExperiment): [string, string] {
  if (out === 'softmax')
    return [
      `np.eye(${e.outputs})[labels.astype(int)]`,
      `one row per point with a 1 in its class's column: (n, ${e.outputs})`,
    ];
  if (e.problem === 'regression') {
    return out === 'sigmoid'
      ? ['((labels + 1) / 2).reshape(-1, 1)', 'values moved into (0, 1) for a sigmoid']
      : ['labels.reshape(-1, 1)', 'the values themselves'];
  }
  if (out === 'tanh')
    return ['np.where(labels == 1, 1.0, -1.0).reshape(-1, 1)', 'class 1 → +1, class 0 → −1 (a tanh output)'];
  if (out === 'sigmoid')
    return ['np.where(labels == 1, 1.0, 0.0).reshape(-1, 1)', 'class 1 → 1, class 0 → 0 (a sigmoid output)'];
  return ['labels.reshape(-1, 1)', 'the class number itself'];
}

export function inputsBlock(e: CodeExperiment): Block {
  const f = e.features;
  const [target, why] = targetLine(e.outputActivation, e);
  const k = e.outputs;
  const uses = (v: 'x' | 'y') => f.some((n) => PY_FEATURE[n].includes(v));
  const unpack =
    uses('x') && uses('y') ? 'x, y = points[:, 0], points[:, 1]' : uses('x') ? 'x = points[:, 0]' : 'y = points[:, 1]';
  return {
    title: 'Inputs and targets',
    note: `The network sees ${f.length} input${f.length > 1 ? 's' : ''} per point (${f.map((n) => featureLabel(n)).join(', ')}) and learns to output its target.`,
    lines: [
      'def features(points):',
      `    """(n, 2) points -> (n, ${f.length}) inputs: ${f.map((n) => featureLabel(n)).join(', ')}"""`,
      `    ${unpack}`,
      `    return np.stack([${f.map((n) => PY_FEATURE[n]).join(', ')}], axis=1)`,
      '',
      'def targets(labels):',
      `    """(n,) labels -> (n, ${k}) targets: ${why}"""`,
      `    return ${target}`,
      '',
      `X_train, Y_train = features(train_points), targets(train_labels)  # (${e.train.labels.length}, ${f.length}), (${e.train.labels.length}, ${k})`,
      `X_test, Y_test = features(test_points), targets(test_labels)  # (${e.test.labels.length}, ${f.length}), (${e.test.labels.length}, ${k})`,
    ],
  };
}

export function weightsBlock(e: CodeExperiment): Block {
  const lines: string[] = [];
  e.initial.weights.forEach((W, l) => {
    const inS = e.sizes[l]!;
    const outS = e.sizes[l + 1]!;
    lines.push(
      `# syn${l}: ${shape(inS, outS)}, from the ${inS} input${inS > 1 ? 's' : ''} of layer ${l} to the ${outS} unit${outS > 1 ? 's' : ''} of layer ${l + 1}; b${l}: ${shape(outS)}`,
    );
    // The engine stores W (out, in); the article's syn is (in, out): write the transpose.
    const rows = Array.from({ length: inS }, (_, k) => `[${W.map((row) => pyNumber(row[k]!)).join(', ')}]`);
    lines.push(`syn${l} = np.array([`, ...rows.map((r) => `    ${r},`), '])');
    lines.push(`b${l} = np.array([${e.initial.biases[l]!.map(pyNumber).join(', ')}])`);
  });
  const names = e.initial.weights.flatMap((_, l) => [`syn${l}`, `b${l}`]);
  lines.push(
    '',
    '# Every parameter in one list: the update changes these arrays in place.',
    `params = [${names.join(', ')}]`,
  );
  return {
    title: 'The initial weights',
    note: 'The weights this run started from, so the program retraces its curve.',
    lines,
  };
}

export function settingsBlock(e: CodeExperiment): Block {
  const lines = [
    `EPOCHS = ${e.epochs}  # train longer or shorter by changing this`,
    `LEARNING_RATE = ${pyNumber(e.learningRate)}`,
    `BATCH_SIZE = ${Math.min(e.batchSize, Math.max(1, e.train.labels.length))}`,
    `SEED = ${e.trainerSeed}  # the shuffles${dropsOut(e) ? ' and dropout masks' : ''}`,
  ];
  if (e.optimizer === 'momentum') lines.push(`MOMENTUM = ${pyNumber(e.momentum)}`);
  if (e.optimizer === 'adam')
    lines.push(`BETA1, BETA2, EPS = ${pyNumber(e.beta1)}, ${pyNumber(e.beta2)}, ${pyNumber(e.eps)}`);
  if (e.regularization !== 'none' && e.regularizationRate !== 0)
    lines.push(`REG_RATE = ${pyNumber(e.regularizationRate)}`);
  if (dropsOut(e)) lines.push(`DROPOUT = ${pyNumber(e.dropout)}`);
  if (e.clipNorm > 0) lines.push(`CLIP_NORM = ${pyNumber(e.clipNorm)}`);
  return { title: 'Settings', note: 'The settings of this experiment.', lines };
}
