/**
 * The experiment as a TypeScript program with no dependencies (`npx tsx run.ts`, or `node run.ts`
 * on Node 22 and later). Same steps and names as the NumPy program (numpy.ts), written with plain
 * loops so that every sum runs in the engine's order: it prints the playground's losses bit for
 * bit. Weights are kept as the engine keeps them, W[j][k] from input k to unit j.
 */
import type { FeatureName } from '../nn/types.ts';
import { dropsOut, type CodeData, type CodeExperiment } from './experiment.ts';
import { PY_FEATURE } from './numpyData.ts';
import { ACT_NOTE, fusedLoss, PY_CLIP, pyLoss, pyOptimizer, pyRegularizer, pySchedule } from './numpyConcepts.ts';
import {
  assemble,
  CSV_NAME,
  dataCsv,
  INLINE_POINTS,
  jsNumber,
  shape,
  tag,
  wrap,
  type Block,
  type CodeLine,
  type Program,
} from './program.ts';
import { TS_ACT, tsActivation, tsClip, tsLoss, tsOptimizer, tsRegularizer, tsSchedule } from './tsConcepts.ts';

/** Each feature in TypeScript: the NumPy expression with Math in place of np. */
const tsFeature = (f: FeatureName) => PY_FEATURE[f].replace('np.', 'Math.');

function dataBlock(e: CodeExperiment, inline: boolean): Block {
  const lines: string[] = [];
  const arrays = (name: string, d: CodeData) => {
    const n = d.labels.length;
    lines.push(
      `// ${name === 'train' ? 'Training' : 'Test'} points (x, y): ${shape(n, 2)}, and their labels: ${shape(n)}`,
    );
    const pts = Array.from(
      { length: n },
      (_, i) => `[${jsNumber(d.points[2 * i]!)}, ${jsNumber(d.points[2 * i + 1]!)}]`,
    );
    lines.push(`const ${name}Points: Matrix = [`, ...wrap(pts, '  '), '];');
    lines.push(`const ${name}Labels: number[] = [`, ...wrap(d.labels.map(jsNumber), '  '), '];');
  };
  if (inline) {
    arrays('train', e.train);
    arrays('test', e.test);
  } else {
    lines.push(
      `// The points are in ${CSV_NAME} beside this program: one row per point (set, x, y, label).`,
      `const rows = readFileSync('${CSV_NAME}', 'utf8').trim().split('\\n').slice(1).map((r) => r.split(','));`,
      "const trainRows = rows.filter((r) => r[0] === 'train');",
      "const testRows = rows.filter((r) => r[0] === 'test');",
      'const trainPoints: Matrix = trainRows.map((r) => [Number(r[1]), Number(r[2])]);',
      'const trainLabels: number[] = trainRows.map((r) => Number(r[3]));',
      'const testPoints: Matrix = testRows.map((r) => [Number(r[1]), Number(r[2])]);',
      'const testLabels: number[] = testRows.map((r) => Number(r[3]));',
    );
  }
  return { title: 'The data', note: 'The points the playground trains on and tests on.', lines };
}

function inputsBlock(e: CodeExperiment): Block {
  const out = e.outputActivation;
  const k = e.outputs;
  let target: string;
  if (out === 'softmax') target = `Array.from({ length: ${k} }, (_, j) => (j === v ? 1 : 0))`;
  else if (e.problem === 'regression') target = out === 'sigmoid' ? '[(v + 1) / 2]' : '[v]';
  else if (out === 'tanh') target = '[v === 1 ? 1 : -1]';
  else if (out === 'sigmoid') target = '[v === 1 ? 1 : 0]';
  else target = '[v]';
  const nTr = e.train.labels.length;
  const nTe = e.test.labels.length;
  const f = e.features;
  return {
    title: 'Inputs and targets',
    note: 'The inputs the network sees and the outputs it learns.',
    lines: [
      `// (n, 2) points -> (n, ${f.length}) inputs`,
      'function features(points: Matrix): Matrix {',
      `  return points.map(([x, y]) => [${f.map((n) => tsFeature(n)).join(', ')}]);`,
      '}',
      '',
      `// (n,) labels -> (n, ${k}) targets`,
      'function targets(labels: number[]): Matrix {',
      `  return labels.map((v) => ${target});`,
      '}',
      '',
      `const Xtrain = features(trainPoints); // (${nTr}, ${f.length})`,
      `const Ytrain = targets(trainLabels); // (${nTr}, ${k})`,
      `const Xtest = features(testPoints); // (${nTe}, ${f.length})`,
      `const Ytest = targets(testLabels); // (${nTe}, ${k})`,
    ],
  };
}

function weightsBlock(e: CodeExperiment): Block {
  const lines: string[] = [];
  e.initial.weights.forEach((W, l) => {
    const inS = e.sizes[l]!;
    const outS = e.sizes[l + 1]!;
    lines.push(
      `// W${l}: ${shape(outS, inS)}, W${l}[j][k] from input k to unit j of layer ${l + 1}; b${l}: ${shape(outS)}`,
    );
    lines.push(`const W${l}: Matrix = [`, ...W.map((row) => `  [${row.map(jsNumber).join(', ')}],`), '];');
    lines.push(`const b${l}: number[] = [${e.initial.biases[l]!.map(jsNumber).join(', ')}];`);
  });
  const names = e.initial.weights.flatMap((_, l) => [`W${l}`, `[b${l}]`]);
  lines.push(
    '',
    '// Every parameter as a matrix (a bias is one row): the update changes them in place.',
    `const params: Matrix[] = [${names.join(', ')}];`,
  );
  return { title: 'The initial weights', note: 'The weights this run started from.', lines };
}

function outputs(e: CodeExperiment): string[] {
  const L = e.sizes.length - 1;
  const names: string[] = [];
  for (let l = 1; l < L; l++) names.push(`l${l}`, `s${l}`);
  names.push(`l${L}`, fusedLoss(e.loss) ? `z${L}` : `s${L}`);
  return names;
}

const HELPERS = [
  "// z[i][j] = b[j] + Σ_k W[j][k]·a[i][k]: each unit's weighted sum, added up in order k = 0, 1, …",
  'function dense(a: Matrix, W: Matrix, b: number[]): Matrix {',
  '  return a.map((row) =>',
  '    W.map((w, j) => {',
  '      let z = b[j];',
  '      for (let k = 0; k < row.length; k++) z += w[k] * row[k];',
  '      return z;',
  '    }),',
  '  );',
  '}',
  '',
  'function apply(Z: Matrix, f: (z: number) => number): Matrix {',
  '  return Z.map((row) => row.map(f));',
  '}',
  '',
  'function slopes(Z: Matrix, A: Matrix, f: (z: number, a: number) => number): Matrix {',
  '  return Z.map((row, i) => row.map((z, j) => f(z, A[i][j])));',
  '}',
];

function forwardBlock(e: CodeExperiment): Block {
  const L = e.sizes.length - 1;
  const lines = [
    `// l0: (m, ${e.sizes[0]}) inputs. Returns each layer's outputs and the slopes backward needs.`,
    'function forward(l0: Matrix, train = false): Matrix[] {',
  ];
  for (let l = 1; l <= L; l++) {
    const act = l < L ? e.hiddenActivation : e.outputActivation;
    const f = TS_ACT[act];
    lines.push(
      `  // Layer ${l}: (m, ${e.sizes[l - 1]}) -> (m, ${e.sizes[l]})`,
      `  const z${l} = dense(l${l - 1}, W${l - 1}, b${l - 1});`,
    );
    lines.push(act === 'softmax' ? `  const l${l} = softmax(z${l});` : `  const l${l} = apply(z${l}, ${f});`);
    if (l < L || !fusedLoss(e.loss)) lines.push(`  const s${l} = slopes(z${l}, l${l}, ${f}Slope);`);
    if (l < L && dropsOut(e)) {
      lines.push(
        '  if (train) {',
        `    // Dropout: one draw per unit per point, in order; kept units are scaled up by 1/(1 - p)`,
        `    for (let i = 0; i < l${l}.length; i++) {`,
        `      for (let j = 0; j < l${l}[i].length; j++) {`,
        '        const keep = rng() < DROPOUT ? 0 : 1 / (1 - DROPOUT);',
        `        l${l}[i][j] = l${l}[i][j] * keep;`,
        `        s${l}[i][j] = s${l}[i][j] * keep;`,
        '      }',
        '    }',
        '  }',
      );
    }
  }
  lines.push(`  return [${outputs(e).join(', ')}];`, '}');
  return { title: 'Forward', note: 'Weighted sums, then the activation, layer by layer.', phase: 'forward', lines };
}

function backwardBlock(e: CodeExperiment): Block {
  const L = e.sizes.length - 1;
  const outs = outputs(e);
  const lines = [
    "// g[j][k] = Σ_i delta[i][j]·a[i][k]: a weight's gradient, summed over the points in order",
    'function weightGrad(a: Matrix, delta: Matrix): Matrix {',
    '  const g = delta[0].map(() => a[0].map(() => 0));',
    '  for (let i = 0; i < a.length; i++)',
    '    for (let j = 0; j < g.length; j++) for (let k = 0; k < g[j].length; k++) g[j][k] += delta[i][j] * a[i][k];',
    '  return g;',
    '}',
    '',
    'function biasGrad(delta: Matrix): number[] {',
    '  const g = delta[0].map(() => 0);',
    '  for (const row of delta) for (let j = 0; j < g.length; j++) g[j] += row[j];',
    '  return g;',
    '}',
    '',
    '// The error sent back through W and times the slope: (Σ_j W[j][k]·delta[i][j]) · s[i][k]',
    'function backThrough(delta: Matrix, W: Matrix, s: Matrix): Matrix {',
    '  return s.map((row, i) =>',
    '    row.map((slope, k) => {',
    '      let d = 0;',
    '      for (let j = 0; j < W.length; j++) d += W[j][k] * delta[i][j];',
    '      return d * slope;',
    '    }),',
    '  );',
    '}',
    '',
    `function backward(l0: Matrix, ${outs.map((n) => `${n}: Matrix`).join(', ')}, Y: Matrix): Matrix[] {`,
    '  const m = l0.length;',
    `  const d${L} = outputDelta(l${L}, ${fusedLoss(e.loss) ? '' : `s${L}, `}Y, m); // (m, ${e.sizes[L]})`,
  ];
  for (let l = L - 1; l >= 1; l--) {
    lines.push(`  const d${l} = backThrough(d${l + 1}, W${l}, s${l}); // (m, ${e.sizes[l]})`);
  }
  const grads = Array.from({ length: L }, (_, l) => [`weightGrad(l${l}, d${l + 1})`, `[biasGrad(d${l + 1})]`]).flat();
  lines.push('  return [', ...grads.map((g) => `    ${g},`), '  ];', '}');
  return { title: 'Backward', note: pyBackwardNote, phase: 'backward', lines };
}

const pyBackwardNote = 'The chain rule from the output back: errors sent back through the weights, times the slopes.';

function rngBlock(): Block {
  return {
    title: 'Random numbers',
    note: "The playground's generator (mulberry32).",
    lines: [
      '// Uniform numbers in [0, 1) from a 32-bit seed, exactly as the playground draws them (mulberry32).',
      'function mulberry32(seed: number): () => number {',
      '  let s = seed >>> 0;',
      '  return () => {',
      '    s = (s + 0x6d2b79f5) >>> 0;',
      '    let t = s;',
      '    t = Math.imul(t ^ (t >>> 15), t | 1);',
      '    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);',
      '    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;',
      '  };',
      '}',
      '',
      'const rng = mulberry32(SEED);',
    ],
  };
}

function loopBlocks(e: CodeExperiment): Block[] {
  const outs = outputs(e);
  const L = e.sizes.length - 1;
  const lossArg = fusedLoss(e.loss) ? `z${L}` : `l${L}`;
  const reg = e.regularization !== 'none' && e.regularizationRate !== 0;
  const lr = e.schedule === 'constant' ? 'LEARNING_RATE' : 'learningRate(epoch - 1)';
  const train: CodeLine[] = [
    'const order = Xtrain.map((_, i) => i);',
    '',
    '// One pass over the training set in shuffled minibatches; false if the loss blew up.',
    'function trainEpoch(lr: number): boolean {',
    "  // Shuffle (Fisher–Yates), continuing from the last epoch's order.",
    '  for (let i = order.length - 1; i > 0; i--) {',
    '    const j = Math.floor(rng() * (i + 1));',
    '    [order[i], order[j]] = [order[j], order[i]];',
    '  }',
    '  for (let start = 0; start < order.length; start += BATCH_SIZE) {',
    '    const batch = order.slice(start, start + BATCH_SIZE);',
    `    const l0 = batch.map((i) => Xtrain[i]); // (m, ${e.sizes[0]})`,
    `    const Y = batch.map((i) => Ytrain[i]); // (m, ${e.outputs})`,
    ...tag('forward', `    const [${outs.join(', ')}] = forward(l0, true);`),
    ...tag('loss', `    const batchLoss = lossSum(${lossArg}, Y);`),
    '    if (!Number.isFinite(batchLoss)) return false;',
    ...tag('backward', `    const grads = backward(l0, ${outs.join(', ')}, Y);`),
    ...(reg ? tag('backward', '    regularize(grads);') : []),
    ...(e.clipNorm > 0 ? tag('backward', '    clip(grads);') : []),
    ...tag('update', '    update(grads, lr);'),
    '  }',
    '  return true;',
    '}',
  ];
  const evaluate = [
    '// The mean loss over a set, without dropout, in chunks of 256 points as the playground adds it up.',
    'function meanLoss(X: Matrix, Y: Matrix): number {',
    '  if (X.length === 0) return NaN;',
    '  let sum = 0;',
    '  for (let start = 0; start < X.length; start += 256) {',
    `    const [${outs.join(', ')}] = forward(X.slice(start, start + 256));`,
    `    sum += lossSum(${lossArg}, Y.slice(start, start + 256));`,
    '  }',
    '  return sum / X.length;',
    '}',
    '',
    "// The epochs the playground's chart records: every one up to 511, then ever more sparsely.",
    'function evaluated(epoch: number): boolean {',
    '  return epoch < 512 || epoch % 2 ** Math.floor(Math.log2(epoch / 256)) === 0;',
    '}',
    '',
    "const show = (x: number) => (Number.isNaN(x) ? 'nan' : String(x));",
    '',
    'function report(epoch: number): void {',
    '  console.log(`epoch ${epoch} train_loss ${show(meanLoss(Xtrain, Ytrain))} test_loss ${show(meanLoss(Xtest, Ytest))}`);',
    '}',
  ];
  const main = [
    'report(0);',
    'for (let epoch = 1; epoch <= EPOCHS; epoch++) {',
    `  if (!trainEpoch(${lr})) {`,
    '    console.log(`The loss is no longer a number at epoch ${epoch}: the training diverged.`);',
    '    break;',
    '  }',
    '  if (evaluated(epoch)) report(epoch);',
    '}',
  ];
  if (e.train.labels.length <= 16) {
    main.push('', "console.log('Output after training:');", `console.log(forward(Xtrain)[${2 * L - 2}]);`);
  }
  return [
    { title: 'One epoch', note: 'Shuffle, then for each minibatch: forward, loss, backward, update.', lines: train },
    { title: 'Measuring the loss', note: 'The mean loss over a whole set.', lines: evaluate },
    { title: 'Train', note: 'The main loop.', lines: main },
  ];
}

/** The TypeScript program of an experiment. */
export function typescriptProgram(e: CodeExperiment): Program {
  const inline = e.train.labels.length + e.test.labels.length <= INLINE_POINTS;
  const L = e.sizes.length - 1;
  const settings = [
    `const EPOCHS = ${e.epochs}; // train longer or shorter by changing this`,
    `const LEARNING_RATE = ${jsNumber(e.learningRate)};`,
    `const BATCH_SIZE = ${Math.min(e.batchSize, Math.max(1, e.train.labels.length))};`,
    `const SEED = ${e.trainerSeed}; // the shuffles${dropsOut(e) ? ' and dropout masks' : ''}`,
  ];
  if (e.optimizer === 'momentum') settings.push(`const MOMENTUM = ${jsNumber(e.momentum)};`);
  if (e.optimizer === 'adam')
    settings.push(
      `const BETA1 = ${jsNumber(e.beta1)};`,
      `const BETA2 = ${jsNumber(e.beta2)};`,
      `const EPS = ${jsNumber(e.eps)};`,
    );
  const reg = e.regularization !== 'none' && e.regularizationRate !== 0;
  if (reg) settings.push(`const REG_RATE = ${jsNumber(e.regularizationRate)};`);
  if (dropsOut(e)) settings.push(`const DROPOUT = ${jsNumber(e.dropout)};`);
  if (e.clipNorm > 0) settings.push(`const CLIP_NORM = ${jsNumber(e.clipNorm)};`);
  const header: Block = {
    title: 'A neural network in TypeScript',
    note: 'This program trains the network of the playground experiment.',
    lines: [
      '// The playground experiment as a TypeScript program: run it with `npx tsx run.ts`',
      '// (or `node run.ts` on Node 22 and later). It needs nothing else.',
      ...(inline ? [] : ["import { readFileSync } from 'node:fs';"]),
      '',
      'type Matrix = number[][];',
      '',
      ...settings,
    ],
  };
  const acts = new Set([...(L > 1 ? [e.hiddenActivation] : []), e.outputActivation]);
  const needsSlope = (a: string) =>
    (L > 1 && a === e.hiddenActivation) || (a === e.outputActivation && !fusedLoss(e.loss));
  const [lossBlock, deltaBlock] = pyLoss(e.loss);
  const blocks: (Block | null)[] = [
    header,
    dataBlock(e, inline),
    inputsBlock(e),
    weightsBlock(e),
    rngBlock(),
    { title: 'Layer helpers', note: 'Weighted sums and elementwise functions.', lines: HELPERS },
    ...[...acts].map((a) => tsActivation(a, needsSlope(a), ACT_NOTE[a])),
    forwardBlock(e),
    ...tsLoss(e.loss, lossBlock!.note, deltaBlock!.note),
    backwardBlock(e),
    reg ? tsRegularizer(e.regularization, pyRegularizer(e.regularization)!.note) : null,
    e.clipNorm > 0 ? tsClip(PY_CLIP.note) : null,
    tsOptimizer(e.optimizer, pyOptimizer(e.optimizer).note),
    tsSchedule(e.schedule, pySchedule(e.schedule)?.note ?? ''),
    ...loopBlocks(e),
  ];
  return assemble(
    'typescript',
    blocks.filter((b): b is Block => b !== null),
    inline ? null : dataCsv(e.train, e.test),
  );
}
