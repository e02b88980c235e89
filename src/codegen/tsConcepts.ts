/**
 * TypeScript templates, one per concept. Unlike NumPy these must match the engine (src/nn) to the
 * last bit, so each follows the engine's arithmetic in the same order: sums from the first term
 * to the last, products grouped the same way, tanh by the engine's own table (activations.ts).
 */
import type { ActivationName, LossName, OptimizerName, RegularizationName, ScheduleName } from '../nn/types.ts';
import { fusedLoss } from './numpyConcepts.ts';
import type { Block } from './program.ts';

export const TS_ACT: Record<ActivationName, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leakyRelu: 'leakyRelu',
  elu: 'elu',
  swish: 'swish',
  softplus: 'softplus',
  linear: 'linear',
  softmax: 'softmax',
};

const ACT: Record<Exclude<ActivationName, 'softmax' | 'tanh'>, [string, string]> = {
  sigmoid: ['1 / (1 + Math.exp(-z))', 'a * (1 - a)'],
  relu: ['z > 0 ? z : 0', 'z > 0 ? 1 : 0'],
  leakyRelu: ['z > 0 ? z : 0.01 * z', 'z > 0 ? 1 : 0.01'],
  elu: ['z > 0 ? z : Math.exp(z) - 1', 'z > 0 ? 1 : Math.exp(z)'],
  swish: ['z * (1 / (1 + Math.exp(-z)))', 'a + (1 / (1 + Math.exp(-z))) * (1 - a)'],
  softplus: ['z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))', '1 / (1 + Math.exp(-z))'],
  linear: ['z', '1'],
};

const TANH = [
  '// tanh as the playground computes it (faster than Math.tanh, and the same to the last bit as',
  '// the playground): tanh|x| = d / (2 − d), d = 1 − e^−2|x|, from a table of e^(−i/64) and a short series.',
  'const EXP_NEG = Array.from({ length: 2561 }, (_, i) => Math.exp(-i / 64));',
  'const ONE_MINUS_EXP_NEG = Array.from({ length: 2561 }, (_, i) => -Math.expm1(-i / 64));',
  '',
  'function tanh(x: number): number {',
  '  const u = Math.min(2 * (x < 0 ? -x : x), 40 - 0.01);',
  '  const i = (u * 64) | 0;',
  '  const r = u - i * (1 / 64);',
  '  const r2 = r * r;',
  '  const q = r - r2 * (1 / 2 - r * (1 / 6)) - r2 * r2 * (1 / 24 - r * (1 / 120) + r2 * (1 / 720 - r * (1 / 5040)));',
  '  const d = ONE_MINUS_EXP_NEG[i] + EXP_NEG[i] * q;',
  '  const t = d / (2 - d);',
  '  return x < 0 ? -t : t;',
  '}',
  '',
  'function tanhSlope(z: number, a: number): number {',
  '  return 1 - a * a;',
  '}',
];

const SOFTMAX = [
  "// Softmax of each row, shifted by the row's largest sum first (same result, no overflow).",
  'function softmax(Z: Matrix): Matrix {',
  '  return Z.map((z) => {',
  '    let max = -Infinity;',
  '    for (const v of z) if (v > max) max = v;',
  '    const e = z.map((v) => Math.exp(v - max));',
  '    let sum = 0;',
  '    for (const v of e) sum += v;',
  '    const inv = 1 / sum;',
  '    return e.map((v) => v * inv);',
  '  });',
  '}',
];

/** The activation (per number; softmax per row) and, when `slope`, its slope f'(z) from z and a. */
export function tsActivation(name: ActivationName, slope: boolean, note: string): Block {
  const title = `Activation: ${name}`;
  if (name === 'softmax') return { title, note, lines: SOFTMAX };
  if (name === 'tanh')
    return {
      title,
      note,
      lines: slope ? TANH : TANH.slice(0, TANH.indexOf('function tanhSlope(z: number, a: number): number {') - 1),
    };
  const [f, d] = ACT[name];
  const fn = TS_ACT[name];
  const lines = [`function ${fn}(z: number): number {`, `  return ${f};`, '}'];
  if (slope) lines.push('', `function ${fn}Slope(z: number, a: number): number {`, `  return ${d};`, '}');
  return { title, note, lines };
}

export function tsLoss(loss: LossName, sumNote: string, deltaNote: string): Block[] {
  const body: Record<LossName, string[]> = {
    mse: [
      '    for (let j = 0; j < out[i].length; j++) {',
      '      const d = out[i][j] - Y[i][j];',
      '      sum += 0.5 * d * d;',
      '    }',
    ],
    huber: [
      '    for (let j = 0; j < out[i].length; j++) {',
      '      const d = Math.abs(out[i][j] - Y[i][j]);',
      '      sum += d <= 1 ? 0.5 * d * d : d - 0.5;',
      '    }',
    ],
    bce: [
      '    // −(y log σ(z) + (1−y) log(1−σ(z))) = log(1 + e^z) − y·z, from z so it never takes log 0',
      '    const z = zOut[i][0];',
      '    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));',
      '    sum += softplus - Y[i][0] * z;',
    ],
    softmaxCe: [
      '    // −log(the probability of the right class) = log Σ e^z − z_class',
      '    const z = zOut[i];',
      '    let max = -Infinity;',
      '    for (const v of z) if (v > max) max = v;',
      '    let s = 0;',
      '    for (const v of z) s += Math.exp(v - max);',
      '    const logSum = max + Math.log(s);',
      '    for (let j = 0; j < z.length; j++) if (Y[i][j] !== 0) sum += Y[i][j] * (logSum - z[j]);',
    ],
  };
  const fused = fusedLoss(loss);
  const arg = fused ? 'zOut' : 'out';
  const miss: Record<LossName, string> = {
    mse: 'out[i][j] - Y[i][j]',
    huber: 'Math.max(-1, Math.min(1, out[i][j] - Y[i][j]))',
    bce: 'out[i][j] - Y[i][j]',
    softmaxCe: 'out[i][j] - Y[i][j]',
  };
  return [
    {
      title: 'Loss',
      note: sumNote,
      phase: 'loss',
      lines: [
        `function lossSum(${arg}: Matrix, Y: Matrix): number {`,
        '  let sum = 0;',
        `  for (let i = 0; i < ${arg}.length; i++) {`,
        ...body[loss],
        '  }',
        '  return sum;',
        '}',
      ],
    },
    {
      title: 'The error at the output',
      note: deltaNote,
      phase: 'backward',
      lines: [
        '// dL/dz of the mean loss at the output layer: (m, k)',
        `function outputDelta(out: Matrix, ${fused ? '' : 'slope: Matrix, '}Y: Matrix, m: number): Matrix {`,
        `  return out.map((row, i) => row.map((_, j) => (1 / m) * (${miss[loss]})${fused ? '' : ' * slope[i][j]'}));`,
        '}',
      ],
    },
  ];
}

export function tsRegularizer(reg: RegularizationName, note: string): Block | null {
  if (reg === 'none') return null;
  const add = reg === 'l2' ? 'REG_RATE * w[j]' : '(w[j] > 0 ? REG_RATE : w[j] < 0 ? -REG_RATE : 0)';
  return {
    title: reg === 'l2' ? 'L2 regularization' : 'L1 regularization',
    note,
    phase: 'backward',
    lines: [
      'function regularize(grads: Matrix[]): void {',
      '  // params and grads alternate weights, biases: the even ones are the weights',
      '  for (let p = 0; p < params.length; p += 2) {',
      '    params[p].forEach((w, row) => {',
      `      for (let j = 0; j < w.length; j++) grads[p][row][j] = grads[p][row][j] + ${add};`,
      '    });',
      '  }',
      '}',
    ],
  };
}

export function tsClip(note: string): Block {
  return {
    title: 'Gradient clipping',
    note,
    phase: 'backward',
    lines: [
      'function clip(grads: Matrix[]): void {',
      '  let s = 0;',
      '  for (const g of grads) for (const row of g) for (const v of row) s += v * v;',
      '  const norm = Math.sqrt(s);',
      '  if (norm > CLIP_NORM) {',
      '    const c = CLIP_NORM / (norm + 1e-6);',
      '    for (const g of grads) for (const row of g) for (let j = 0; j < row.length; j++) row[j] = row[j] * c;',
      '  }',
      '}',
    ],
  };
}

export function tsOptimizer(opt: OptimizerName, note: string): Block {
  const each = (body: string[]) => [
    '  params.forEach((p, n) =>',
    '    p.forEach((row, r) => {',
    '      for (let j = 0; j < row.length; j++) {',
    '        const g = grads[n][r][j];',
    ...body.map((l) => `        ${l}`),
    '      }',
    '    }),',
    '  );',
  ];
  const zeros = (name: string) => `const ${name} = params.map((p) => p.map((row) => row.map(() => 0)));`;
  let lines: string[];
  switch (opt) {
    case 'sgd':
      lines = ['function update(grads: Matrix[], lr: number): void {', ...each(['row[j] = row[j] - lr * g;']), '}'];
      break;
    case 'momentum':
      lines = [
        zeros('velocity'),
        '',
        'function update(grads: Matrix[], lr: number): void {',
        ...each(['const v = MOMENTUM * velocity[n][r][j] + g;', 'velocity[n][r][j] = v;', 'row[j] = row[j] - lr * v;']),
        '}',
      ];
      break;
    case 'adam':
      lines = [
        zeros('moment1'),
        zeros('moment2'),
        'let steps = 0;',
        '',
        'function update(grads: Matrix[], lr: number): void {',
        '  steps += 1;',
        '  const c1 = 1 / (1 - Math.pow(BETA1, steps));',
        '  const c2 = 1 / (1 - Math.pow(BETA2, steps));',
        ...each([
          'const m = BETA1 * moment1[n][r][j] + (1 - BETA1) * g;',
          'const v = BETA2 * moment2[n][r][j] + (1 - BETA2) * g * g;',
          'moment1[n][r][j] = m;',
          'moment2[n][r][j] = v;',
          'row[j] = row[j] - (lr * (m * c1)) / (Math.sqrt(v * c2) + EPS);',
        ]),
        '}',
      ];
      break;
  }
  return { title: 'Update', note, phase: 'update', lines };
}

export function tsSchedule(s: ScheduleName, note: string): Block | null {
  const body: Record<Exclude<ScheduleName, 'constant'>, string[]> = {
    step: ['  return LEARNING_RATE * Math.pow(0.5, Math.floor(epoch / 500));'],
    exponential: ['  return LEARNING_RATE * Math.pow(0.999, epoch);'],
    cosine: [
      '  const c = 0.5 * (1 + Math.cos((Math.PI * (epoch % 1000)) / 1000));',
      '  return LEARNING_RATE * (0.01 + 0.99 * c);',
    ],
  };
  if (s === 'constant') return null;
  return {
    title: 'Learning-rate schedule',
    note,
    lines: [
      '// The rate for an epoch; epoch counts from 0.',
      'function learningRate(epoch: number): number {',
      ...body[s],
      '}',
    ],
  };
}
