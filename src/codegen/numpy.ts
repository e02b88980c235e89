/**
 * The experiment as a NumPy program that reads like the article: the data, the features, the
 * initial weights, the activation and its slope, forward, the loss, backward, the update, and the
 * main loop last. Weights are written as the article does, syn_l of shape (in, out), so a layer is
 * `l1 = f(l0 @ syn0 + b0)`. It prints `epoch <n> train_loss <x> test_loss <y>` (repr) on the
 * epochs the playground's chart records (src/worker/protocol.ts evaluationStride).
 */
import { dropsOut, type CodeExperiment } from './experiment.ts';
import { dataBlock, inputsBlock, settingsBlock, weightsBlock } from './numpyData.ts';
import {
  fusedLoss,
  PY_ACT,
  PY_CLIP,
  pyActivation,
  pyLoss,
  pyOptimizer,
  pyRegularizer,
  pySchedule,
} from './numpyConcepts.ts';
import { assemble, dataCsv, INLINE_POINTS, shape, tag, type Block, type CodeLine, type Program } from './program.ts';

/** Layer names: l0 is the input, l1..lL the layers; syn{l-1}, b{l-1} feed layer l. */
const L_ = (l: number) => `l${l}`;

/** Names forward returns for the last layer: its output and its slope, or its sums z for a loss computed from z. */
function forwardOutputs(e: CodeExperiment): string[] {
  const L = e.sizes.length - 1;
  const names: string[] = [];
  for (let l = 1; l < L; l++) names.push(L_(l), `s${l}`);
  names.push(L_(L), fusedLoss(e.loss) ? `z${L}` : `s${L}`);
  return names;
}

function forwardBlock(e: CodeExperiment): Block {
  const L = e.sizes.length - 1;
  const lines: string[] = [
    'def forward(l0, train=False):',
    `    """l0: (m, ${e.sizes[0]}) inputs. Returns each layer's outputs and the slopes backward needs."""`,
  ];
  for (let l = 1; l <= L; l++) {
    const act = l < L ? e.hiddenActivation : e.outputActivation;
    const inS = e.sizes[l - 1]!;
    const outS = e.sizes[l]!;
    const f = PY_ACT[act];
    lines.push(`    # Layer ${l}: (m, ${inS}) @ ${shape(inS, outS)} + ${shape(outS)} -> (m, ${outS})`);
    lines.push(`    z${l} = ${L_(l - 1)} @ syn${l - 1} + b${l - 1}`);
    lines.push(`    ${L_(l)} = ${f}(z${l})`);
    if (l < L || !fusedLoss(e.loss)) lines.push(`    s${l} = ${f}_slope(z${l}, ${L_(l)})`);
    if (l < L && dropsOut(e)) {
      lines.push(
        '    if train:',
        `        # Dropout: each unit kept with probability 1 - ${e.dropout}, the kept ones scaled up; (m, ${outS})`,
        `        mask = dropout_mask(${L_(l)}.shape)`,
        `        ${L_(l)}, s${l} = ${L_(l)} * mask, s${l} * mask`,
      );
    }
  }
  lines.push(`    return ${forwardOutputs(e).join(', ')}`);
  return {
    title: 'Forward',
    note: 'Each layer takes a weighted sum of the layer before plus a bias, $z = a\\,W + b$, and applies its activation, $a = f(z)$.',
    phase: 'forward',
    lines,
  };
}

function backwardBlock(e: CodeExperiment): Block {
  const L = e.sizes.length - 1;
  const fused = fusedLoss(e.loss);
  const outs = forwardOutputs(e);
  const lines: string[] = [
    `def backward(l0, ${outs.join(', ')}, Y):`,
    '    """The gradient of the mean batch loss for every parameter, from the output back."""',
    '    m = len(l0)',
    `    ${L_(L)}_delta = output_delta(${L_(L)}, ${fused ? '' : `s${L}, `}Y, m)  # (m, ${e.sizes[L]})`,
  ];
  for (let l = L; l >= 1; l--) {
    const inS = e.sizes[l - 1]!;
    const outS = e.sizes[l]!;
    lines.push(
      `    # Layer ${l}'s weights: ${shape(inS, 'm')} @ (m, ${outS}) -> ${shape(inS, outS)}; biases: ${shape(outS)}`,
    );
    lines.push(`    g_syn${l - 1} = ${L_(l - 1)}.T @ ${L_(l)}_delta`, `    g_b${l - 1} = ${L_(l)}_delta.sum(axis=0)`);
    if (l > 1) {
      lines.push(
        `    # Back through syn${l - 1} and layer ${l - 1}'s slope: (m, ${outS}) @ ${shape(outS, inS)} -> (m, ${inS})`,
        `    ${L_(l - 1)}_delta = (${L_(l)}_delta @ syn${l - 1}.T) * s${l - 1}`,
      );
    }
  }
  const grads = Array.from({ length: L }, (_, l) => [`g_syn${l}`, `g_b${l}`]).flat();
  lines.push(`    return [${grads.join(', ')}]`);
  return {
    title: 'Backward',
    note: "The chain rule from the output back: a layer's error is the next layer's error sent back through the weights, times its slope, $\\delta_l = (\\delta_{l+1} W_{l+1}^T) \\odot f'(z_l)$; a weight's gradient is its input times the error, $\\partial L/\\partial W = a^T \\delta$.",
    phase: 'backward',
    lines,
  };
}

function rngBlock(): Block {
  return {
    title: 'Random numbers',
    note: "The playground's generator (mulberry32), so the shuffles and dropout masks are the same as in the playground.",
    lines: [
      'class Mulberry32:',
      '    """Uniform numbers in [0, 1) from a 32-bit seed, exactly as the playground draws them."""',
      '',
      '    def __init__(self, seed):',
      '        self.s = seed & 0xFFFFFFFF',
      '',
      '    def next(self):',
      '        M = 0xFFFFFFFF',
      '        self.s = (self.s + 0x6D2B79F5) & M',
      '        t = self.s',
      '        t = ((t ^ (t >> 15)) * (t | 1)) & M',
      '        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & M',
      '        return (t ^ (t >> 14)) / 4294967296',
      '',
      `rng = Mulberry32(SEED)`,
    ],
  };
}

function trainBlock(e: CodeExperiment): Block {
  const L = e.sizes.length - 1;
  const outs = forwardOutputs(e);
  const lossArg = fusedLoss(e.loss) ? `z${L}` : L_(L);
  const reg = e.regularization !== 'none' && e.regularizationRate !== 0;
  const lines: CodeLine[] = [
    'order = list(range(len(X_train)))',
    '',
    'def train_epoch(lr):',
    '    """One pass over the training set in shuffled minibatches; False if the loss blew up."""',
    "    # Shuffle (Fisher–Yates), continuing from the last epoch's order.",
    '    for i in range(len(order) - 1, 0, -1):',
    '        j = int(rng.next() * (i + 1))',
    '        order[i], order[j] = order[j], order[i]',
    '    for start in range(0, len(order), BATCH_SIZE):',
    '        batch = order[start : start + BATCH_SIZE]',
    `        l0, Y = X_train[batch], Y_train[batch]  # (m, ${e.sizes[0]}), (m, ${e.outputs})`,
    ...tag('forward', `        ${outs.join(', ')} = forward(l0, train=True)`),
    ...tag('loss', `        batch_loss = loss_sum(${lossArg}, Y)`),
    '        if not np.isfinite(batch_loss):',
    '            return False',
    ...tag('backward', `        grads = backward(l0, ${outs.join(', ')}, Y)`),
    ...(reg ? tag('backward', '        regularize(grads)') : []),
    ...(e.clipNorm > 0 ? tag('backward', '        clip(grads)') : []),
    ...tag('update', '        update(grads, lr)'),
    '    return True',
  ];
  return {
    title: 'One epoch',
    note: 'Shuffle, then for each minibatch: forward, loss, backward, update.',
    lines,
  };
}

function evaluateBlock(e: CodeExperiment): Block {
  const L = e.sizes.length - 1;
  const outs = forwardOutputs(e);
  const lossArg = fusedLoss(e.loss) ? `z${L}` : L_(L);
  return {
    title: 'Measuring the loss',
    note: 'The mean loss over a whole set, without dropout and without changing anything.',
    lines: [
      'def mean_loss(X, Y):',
      '    if len(X) == 0:',
      '        return float("nan")',
      `    ${outs.join(', ')} = forward(X)`,
      `    return float(loss_sum(${lossArg}, Y) / len(X))`,
      '',
      'def evaluated(epoch):',
      '    """The epochs the playground\'s chart records: every one up to 511, then ever more sparsely."""',
      '    return epoch < 512 or epoch % (1 << ((epoch // 256).bit_length() - 1)) == 0',
      '',
      'history = []',
      '',
      'def report(epoch):',
      '    train_loss, test_loss = mean_loss(X_train, Y_train), mean_loss(X_test, Y_test)',
      '    history.append((epoch, train_loss, test_loss))',
      '    print(f"epoch {epoch} train_loss {train_loss!r} test_loss {test_loss!r}")',
    ],
  };
}

function mainBlock(e: CodeExperiment): Block {
  const lr = e.schedule === 'constant' ? 'LEARNING_RATE' : 'learning_rate(epoch - 1)';
  const L = e.sizes.length - 1;
  const lines = [
    'report(0)',
    'for epoch in range(1, EPOCHS + 1):',
    `    if not train_epoch(${lr}):`,
    '        print(f"The loss is no longer a number at epoch {epoch}: the training diverged.")',
    '        break',
    '    if evaluated(epoch):',
    '        report(epoch)',
  ];
  if (e.train.labels.length <= 16) {
    const outs = forwardOutputs(e);
    lines.push('', 'print("Output after training:")', `${outs.join(', ')} = forward(X_train)`, `print(${L_(L)})`);
  }
  return {
    title: 'Train',
    note: 'The main loop: train epoch after epoch, and print the losses the chart shows.',
    lines,
  };
}

function dropoutBlock(): Block {
  return {
    title: 'Dropout',
    note: 'While training, each hidden unit is switched off with probability $p$ and the others scaled by $1/(1-p)$, one draw per unit per point.',
    phase: 'forward',
    lines: [
      'def dropout_mask(shape):',
      '    draws = np.array([rng.next() for _ in range(shape[0] * shape[1])]).reshape(shape)',
      '    return np.where(draws < DROPOUT, 0.0, 1 / (1 - DROPOUT))',
    ],
  };
}

/** The NumPy program of an experiment. */
export function numpyProgram(e: CodeExperiment): Program {
  const inline = e.train.labels.length + e.test.labels.length <= INLINE_POINTS;
  const usesMath = e.schedule === 'cosine';
  const header: Block = {
    title: 'A neural network in NumPy',
    note: 'This program trains the network of the playground experiment and prints the losses its chart shows.',
    lines: [
      '"""The playground experiment as a NumPy program: run it with python3 (needs NumPy)."""',
      ...(inline ? [] : ['import csv']),
      ...(usesMath ? ['import math'] : []),
      'import numpy as np',
      '',
      '# exp() of a very large number is inf and 1/(1 + inf) is 0, which is the answer we want.',
      'np.seterr(over="ignore")',
    ],
  };
  const L = e.sizes.length - 1;
  const acts = new Set([...(L > 1 ? [e.hiddenActivation] : []), e.outputActivation]);
  const needsSlope = (a: string) =>
    (L > 1 && a === e.hiddenActivation) || (a === e.outputActivation && !fusedLoss(e.loss));
  const actBlocks = [...acts].map((a) => pyActivation(a, needsSlope(a)));
  const reg = e.regularizationRate !== 0 ? pyRegularizer(e.regularization) : null;
  const blocks: (Block | null)[] = [
    header,
    settingsBlock(e),
    dataBlock(e, inline),
    inputsBlock(e),
    weightsBlock(e),
    rngBlock(),
    ...actBlocks,
    dropsOut(e) ? dropoutBlock() : null,
    forwardBlock(e),
    ...pyLoss(e.loss),
    backwardBlock(e),
    reg,
    e.clipNorm > 0 ? PY_CLIP : null,
    pyOptimizer(e.optimizer),
    pySchedule(e.schedule),
    trainBlock(e),
    evaluateBlock(e),
    mainBlock(e),
  ];
  return assemble(
    'python',
    blocks.filter((b): b is Block => b !== null),
    inline ? null : dataCsv(e.train, e.test),
  );
}
