/**
 * NumPy templates, one per concept, each the engine's formula (src/nn) written out: the
 * activation and its slope, the loss and its delta, the optimizer, the regularizer, the
 * schedule, the clipping. Only what an experiment uses is emitted (numpy.ts picks).
 */
import type { ActivationName, LossName, OptimizerName, RegularizationName, ScheduleName } from '../nn/types.ts';
import type { Block } from './program.ts';

/** Python names of the activation functions. */
export const PY_ACT: Record<ActivationName, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leakyRelu: 'leaky_relu',
  elu: 'elu',
  swish: 'swish',
  softplus: 'softplus',
  linear: 'linear',
  softmax: 'softmax',
};

export const ACT_NOTE: Record<ActivationName, string> = {
  sigmoid: "Sigmoid squashes any number into (0, 1): $\\sigma(z) = 1/(1+e^{-z})$, slope $\\sigma'(z) = a(1-a)$.",
  tanh: 'Tanh squashes into (−1, 1): $a = \\tanh z$, slope $1 - a^2$.',
  relu: 'ReLU keeps positive sums and zeroes the rest: $a = \\max(z, 0)$, slope 1 for $z > 0$ else 0.',
  leakyRelu: 'Leaky ReLU lets a little through below zero: $a = z$ for $z > 0$ else $0.01z$.',
  elu: 'ELU: $a = z$ for $z > 0$ else $e^z - 1$; slope 1 or $e^z$.',
  swish: 'Swish: $a = z\\,\\sigma(z)$, slope $a + \\sigma(z)(1 - a)$.',
  softplus: 'Softplus, a smooth ReLU: $a = \\log(1 + e^z)$, slope $\\sigma(z)$.',
  linear: 'Linear: the sum passes unchanged, $a = z$, slope 1.',
  softmax: 'Softmax turns a row of sums into probabilities: $a_j = e^{z_j} / \\sum_k e^{z_k}$.',
};

const ACT_CODE: Record<ActivationName, string[]> = {
  sigmoid: [
    'def sigmoid(z):',
    '    return 1 / (1 + np.exp(-z))',
    '',
    'def sigmoid_slope(z, a):',
    '    return a * (1 - a)',
  ],
  tanh: ['def tanh(z):', '    return np.tanh(z)', '', 'def tanh_slope(z, a):', '    return 1 - a * a'],
  relu: [
    'def relu(z):',
    '    return np.where(z > 0, z, 0.0)',
    '',
    'def relu_slope(z, a):',
    '    return np.where(z > 0, 1.0, 0.0)',
  ],
  leakyRelu: [
    'def leaky_relu(z):',
    '    return np.where(z > 0, z, 0.01 * z)',
    '',
    'def leaky_relu_slope(z, a):',
    '    return np.where(z > 0, 1.0, 0.01)',
  ],
  elu: [
    'def elu(z):',
    '    return np.where(z > 0, z, np.exp(np.minimum(z, 0)) - 1)',
    '',
    'def elu_slope(z, a):',
    '    return np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))',
  ],
  swish: [
    'def swish(z):',
    '    return z * (1 / (1 + np.exp(-z)))',
    '',
    'def swish_slope(z, a):',
    '    s = 1 / (1 + np.exp(-z))',
    '    return a + s * (1 - a)',
  ],
  softplus: [
    'def softplus(z):',
    '    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))',
    '',
    'def softplus_slope(z, a):',
    '    return 1 / (1 + np.exp(-z))',
  ],
  linear: ['def linear(z):', '    return z', '', 'def linear_slope(z, a):', '    return np.ones_like(z)'],
  softmax: [
    'def softmax(z):',
    '    # Shift each row by its largest sum first: same result, no overflow.',
    '    e = np.exp(z - z.max(axis=1, keepdims=True))',
    '    return e * (1 / e.sum(axis=1, keepdims=True))',
  ],
};

/** The activation's function and slope; `slope` false drops the slope (an output the loss handles). */
export function pyActivation(name: ActivationName, slope: boolean): Block {
  let lines = ACT_CODE[name];
  if (!slope && name !== 'softmax') lines = lines.slice(0, lines.indexOf(''));
  return { title: `Activation: ${name}`, note: ACT_NOTE[name], lines };
}

/** Whether the loss is computed from the output's sums z and its delta is simply out − Y. */
export function fusedLoss(loss: LossName): boolean {
  return loss === 'bce' || loss === 'softmaxCe';
}

export function pyLoss(loss: LossName): Block[] {
  const sum: Record<LossName, Block> = {
    mse: {
      title: 'Loss: squared error',
      note: 'Half the squared miss, summed: $L = \\sum \\tfrac12 (o - y)^2$. Divide by the count for the mean.',
      phase: 'loss',
      lines: [
        'def loss_sum(out, Y):',
        '    """Summed loss of (m, k) outputs against (m, k) targets."""',
        '    d = out - Y',
        '    return np.sum(0.5 * d * d)',
      ],
    },
    huber: {
      title: 'Loss: Huber',
      note: 'Squared for small misses, straight for big ones: $h(d) = \\tfrac12 d^2$ if $|d| \\le 1$ else $|d| - \\tfrac12$.',
      phase: 'loss',
      lines: [
        'def loss_sum(out, Y):',
        '    """Summed loss of (m, k) outputs against (m, k) targets."""',
        '    d = np.abs(out - Y)',
        '    return np.sum(np.where(d <= 1, 0.5 * d * d, d - 0.5))',
      ],
    },
    bce: {
      title: 'Loss: cross-entropy',
      note: 'For a sigmoid output $o = \\sigma(z)$: $L = -(y \\log o + (1-y)\\log(1-o)) = \\log(1+e^z) - yz$, computed from $z$ so it never takes log 0.',
      phase: 'loss',
      lines: [
        'def loss_sum(z_out, Y):',
        '    """Summed loss of the (m, 1) output sums against (m, 1) targets."""',
        '    return np.sum(np.maximum(z_out, 0) + np.log1p(np.exp(-np.abs(z_out))) - Y * z_out)',
      ],
    },
    softmaxCe: {
      title: 'Loss: softmax cross-entropy',
      note: 'Minus the log of the probability given to the right class: $L = -\\sum_j y_j \\log o_j = \\log\\sum_k e^{z_k} - z_{\\text{class}}$.',
      phase: 'loss',
      lines: [
        'def loss_sum(z_out, Y):',
        '    """Summed loss of the (m, K) output sums against (m, K) one-hot targets."""',
        '    z_max = z_out.max(axis=1, keepdims=True)',
        '    log_sum = z_max + np.log(np.sum(np.exp(z_out - z_max), axis=1, keepdims=True))',
        '    return np.sum(Y * (log_sum - z_out))',
      ],
    },
  };
  const delta: Record<LossName, string[]> = {
    mse: ['def output_delta(out, slope, Y, m):', '    return (1 / m) * (out - Y) * slope'],
    huber: ['def output_delta(out, slope, Y, m):', '    return (1 / m) * np.clip(out - Y, -1, 1) * slope'],
    bce: ['def output_delta(out, Y, m):', '    return (1 / m) * (out - Y)'],
    softmaxCe: ['def output_delta(out, Y, m):', '    return (1 / m) * (out - Y)'],
  };
  const deltaNote = fusedLoss(loss)
    ? 'With this pairing of output and loss the slopes cancel: $\\partial L/\\partial z = o - y$ (times $1/m$ for the mean over the batch).'
    : "How the mean loss changes with each output sum: $\\partial L/\\partial z = \\frac1m\\,\\partial L/\\partial o \\cdot f'(z)$.";
  return [
    sum[loss],
    {
      title: 'The error at the output',
      note: deltaNote,
      phase: 'backward',
      lines: ['# dL/dz of the mean loss at the output layer: (m, k)', ...delta[loss]],
    },
  ];
}

export function pyRegularizer(reg: RegularizationName): Block | null {
  if (reg === 'none') return null;
  const l2 = reg === 'l2';
  return {
    title: l2 ? 'L2 regularization' : 'L1 regularization',
    note: l2
      ? 'A penalty $\\tfrac12 \\lambda \\sum w^2$ on the weights (not the biases) pulls them toward 0: each gradient gets $\\lambda w$.'
      : 'A penalty $\\lambda \\sum |w|$ on the weights (not the biases): each gradient gets $\\lambda\\,\\mathrm{sign}(w)$.',
    phase: 'backward',
    lines: [
      'def regularize(grads):',
      '    # params and grads alternate weights, biases: [0::2] are the weights',
      '    for w, g in zip(params[0::2], grads[0::2]):',
      `        g += REG_RATE * ${l2 ? 'w' : 'np.sign(w)'}`,
    ],
  };
}

export const PY_CLIP: Block = {
  title: 'Gradient clipping',
  note: 'If the gradient as one long vector is longer than the limit, scale it down: $g \\leftarrow g \\cdot c/(\\lVert g\\rVert + 10^{-6})$.',
  phase: 'backward',
  lines: [
    'def clip(grads):',
    '    norm = np.sqrt(sum(np.sum(g * g) for g in grads))',
    '    if norm > CLIP_NORM:',
    '        for g in grads:',
    '            g *= CLIP_NORM / (norm + 1e-6)',
  ],
};

export function pyOptimizer(opt: OptimizerName): Block {
  switch (opt) {
    case 'sgd':
      return {
        title: 'Update: gradient descent',
        note: 'Step every parameter against its gradient: $w \\leftarrow w - \\eta\\, g$.',
        phase: 'update',
        lines: ['def update(grads, lr):', '    for p, g in zip(params, grads):', '        p -= lr * g'],
      };
    case 'momentum':
      return {
        title: 'Update: momentum',
        note: 'A velocity remembers past gradients: $v \\leftarrow \\mu v + g$, $w \\leftarrow w - \\eta v$.',
        phase: 'update',
        lines: [
          'velocity = [np.zeros_like(p) for p in params]',
          '',
          'def update(grads, lr):',
          '    for p, v, g in zip(params, velocity, grads):',
          '        v[...] = MOMENTUM * v + g',
          '        p -= lr * v',
        ],
      };
    case 'adam':
      return {
        title: 'Update: Adam',
        note: 'Running means of $g$ and $g^2$, corrected for starting at 0: $w \\leftarrow w - \\eta\\,\\hat m/(\\sqrt{\\hat v} + \\epsilon)$.',
        phase: 'update',
        lines: [
          'moment1 = [np.zeros_like(p) for p in params]',
          'moment2 = [np.zeros_like(p) for p in params]',
          'steps = 0',
          '',
          'def update(grads, lr):',
          '    global steps',
          '    steps += 1',
          '    c1 = 1 / (1 - BETA1**steps)',
          '    c2 = 1 / (1 - BETA2**steps)',
          '    for p, m, v, g in zip(params, moment1, moment2, grads):',
          '        m[...] = BETA1 * m + (1 - BETA1) * g',
          '        v[...] = BETA2 * v + (1 - BETA2) * g * g',
          '        p -= (lr * (m * c1)) / (np.sqrt(v * c2) + EPS)',
        ],
      };
  }
}

export function pySchedule(s: ScheduleName): Block | null {
  const body: Record<Exclude<ScheduleName, 'constant'>, [string, string[]]> = {
    step: [
      'Halve the rate every 500 epochs: $\\eta_e = \\eta \\cdot 0.5^{\\lfloor e/500 \\rfloor}$.',
      ['    return LEARNING_RATE * 0.5 ** (epoch // 500)'],
    ],
    exponential: [
      'Shrink the rate by 0.1% each epoch: $\\eta_e = \\eta \\cdot 0.999^e$.',
      ['    return LEARNING_RATE * 0.999**epoch'],
    ],
    cosine: [
      'Ease the rate down to 1% over 1000 epochs along a cosine, then start again.',
      ['    c = 0.5 * (1 + math.cos(math.pi * (epoch % 1000) / 1000))', '    return LEARNING_RATE * (0.01 + 0.99 * c)'],
    ],
  };
  if (s === 'constant') return null;
  const [note, lines] = body[s];
  return {
    title: 'Learning-rate schedule',
    note,
    lines: ['def learning_rate(epoch):', '    """The rate for an epoch; epoch counts from 0."""', ...lines],
  };
}
