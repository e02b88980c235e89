/**
 * A recorded step (StepTrace, src/nn/trace.ts) + a phase + a focused unit and sample → the
 * equations of that phase with the engine's numbers, as TeX for Temml plus the key values as
 * plain facts (labelled numbers the panel lists and tests read). Pure: no DOM, no state. The only
 * arithmetic here is choosing which terms to write out (the 9 largest) and summing the rest for
 * "+ k more = …"; every result shown (z, a, δ, loss, gradients, moments, weights) is the trace's.
 *
 * Indices: layer l = 0..L−1 is the l-th weight layer (its units are hidden layer l+1, or the
 * output for l = L−1); inputs of layer l are a^(l−1) (the features x for l = 0).
 */
import type { StepTrace } from '../nn/trace.ts';
import { fact, fmt, p, sumTerms } from './format.ts';

export { fmt, fmtPlain, MAX_TERMS } from './format.ts';

export type PhaseKind = 'forward' | 'loss' | 'backward' | 'gradients' | 'update';
export interface Phase {
  kind: PhaseKind;
  layer?: number;
}
export interface Fact {
  /** Short name, e.g. "z", "a", "δ", "∂L/∂w". */
  label: string;
  value: number;
  /** The value as written (fmt). */
  shown: string;
}
export interface Explained {
  title: string;
  /** TeX lines, each typeset as one display equation. */
  tex: string[];
  facts: Fact[];
  /** Plain-language notes (dropout, softmax, regularization off, not clipped…). */
  notes: string[];
}
export interface Focus {
  layer: number;
  unit: number;
  /** The weight's input for gradients and update (null: the unit's largest gradient). */
  input: number | null;
  sample: number;
}

/** Every phase of a trace's step, in order: forward per layer, loss, backward output→first, gradients, update per layer. */
export function phasesOf(layers: number): Phase[] {
  const p: Phase[] = [];
  for (let l = 0; l < layers; l++) p.push({ kind: 'forward', layer: l });
  p.push({ kind: 'loss' });
  for (let l = layers - 1; l >= 0; l--) p.push({ kind: 'backward', layer: l });
  for (let l = 0; l < layers; l++) p.push({ kind: 'gradients', layer: l });
  for (let l = 0; l < layers; l++) p.push({ kind: 'update', layer: l });
  return p;
}

const KIND_NAMES: Record<PhaseKind, string> = {
  forward: 'Forward',
  loss: 'Loss',
  backward: 'Backward',
  gradients: 'Gradients',
  update: 'Update',
};

/** "Backward · layer 2 of 3 · phase 7 of 12" (layers counted from 1). */
export function phaseLabel(phase: Phase, layers: number): string {
  const all = phasesOf(layers);
  const at = all.findIndex((p) => p.kind === phase.kind && (p.layer ?? -1) === (phase.layer ?? -1));
  const where = phase.layer === undefined ? '' : ` · layer ${phase.layer + 1} of ${layers}`;
  return `${KIND_NAMES[phase.kind]}${where} · phase ${at + 1} of ${all.length}`;
}

const ACT_TEX: Record<string, string> = {
  tanh: '\\tanh',
  sigmoid: '\\sigma',
  relu: '\\operatorname{ReLU}',
  leakyRelu: '\\operatorname{LeakyReLU}',
  linear: '\\operatorname{id}',
  elu: '\\operatorname{ELU}',
  swish: '\\operatorname{swish}',
  softplus: '\\operatorname{softplus}',
  softmax: '\\operatorname{softmax}',
};
const actTex = (name: string) => ACT_TEX[name] ?? `\\operatorname{${name}}`;

interface Ctx {
  t: StepTrace;
  L: number;
  ins: number[];
  outs: number[];
  w: (src: Float64Array, l: number, j: number, k: number) => number;
  b: (src: Float64Array, l: number, j: number) => number;
  wOff: number[];
  bOff: number[];
}

function ctxOf(t: StepTrace): Ctx {
  const L = t.sizes.length - 1;
  const ins = t.sizes.slice(0, L);
  const outs = t.sizes.slice(1);
  const wOff: number[] = [];
  const bOff: number[] = [];
  let off = 0;
  for (let l = 0; l < L; l++) {
    wOff.push(off);
    bOff.push(off + ins[l]! * outs[l]!);
    off += ins[l]! * outs[l]! + outs[l]!;
  }
  return {
    t,
    L,
    ins,
    outs,
    wOff,
    bOff,
    w: (src, l, j, k) => src[wOff[l]! + j * ins[l]! + k]!,
    b: (src, l, j) => src[bOff[l]! + j]!,
  };
}

/** a^(l−1)_k of sample i: the features for l = 0. */
function inputOf(c: Ctx, l: number, i: number, k: number): number {
  return l === 0 ? c.t.x[i * c.ins[0]! + k]! : c.t.a[l - 1]![i * c.outs[l - 1]! + k]!;
}
const at = (c: Ctx, buf: Float64Array[], l: number, i: number, j: number) => buf[l]![i * c.outs[l]! + j]!;
const inName = (l: number, k: number) => (l === 0 ? `x_{${k + 1}}` : `a^{(${l})}_{${k + 1}}`);
const unitSup = (l: number) => `^{(${l + 1})}`;

function forward(c: Ctx, l: number, j: number, i: number): Explained {
  const t = c.t;
  const pb = t.paramsBefore;
  const terms = Array.from({ length: c.ins[l]! }, (_, k) => {
    const w = c.w(pb, l, j, k);
    const a = inputOf(c, l, i, k);
    return { tex: `${p(w)}\\cdot ${p(a)}`, value: w * a };
  });
  const z = at(c, t.z, l, i, j);
  const a = at(c, t.a, l, i, j);
  const b = c.b(pb, l, j);
  const act = t.activations[l]!;
  const s = unitSup(l);
  const tex = [
    `z${s}_{${j + 1}} = \\sum_k w${s}_{${j + 1}k}\\, ${l === 0 ? 'x_k' : `a^{(${l})}_k`} + b${s}_{${j + 1}}`,
    `z${s}_{${j + 1}} = ${sumTerms(terms)} + ${p(b)} = ${fmt(z)}`,
  ];
  const notes: string[] = [];
  if (act === 'softmax') {
    tex.push(`a_{${j + 1}} = \\frac{e^{z_{${j + 1}}}}{\\sum_m e^{z_m}} = ${fmt(a)}`);
    notes.push('Softmax: each output is e^z of its unit divided by the sum over all output units.');
  } else {
    tex.push(`a${s}_{${j + 1}} = ${actTex(act)}(z) = ${actTex(act)}(${fmt(z)}) = ${fmt(a)}`);
  }
  if (t.options.dropout > 0 && l < c.L - 1)
    notes.push(
      `Dropout ${t.options.dropout}: a kept unit's a is divided by ${fmt(1 - t.options.dropout)}, a dropped one is 0.`,
    );
  return {
    title: `Forward: ${l === c.L - 1 ? 'output' : `hidden layer ${l + 1}`}, unit ${j + 1}, sample ${i + 1}`,
    tex,
    facts: [fact('b', b), fact('z', z), fact('a', a)],
    notes,
  };
}

function loss(c: Ctx, j: number, i: number): Explained {
  const t = c.t;
  const k = c.outs[c.L - 1]!;
  const o = (u: number) => t.a[c.L - 1]![i * k + u]!;
  const y = (u: number) => t.y[i * k + u]!;
  const Li = t.lossPerSample[i]!;
  const tex: string[] = [];
  const name = t.options.loss;
  if (name === 'softmaxCe') {
    let cls = 0;
    for (let u = 1; u < k; u++) if (y(u) > y(cls)) cls = u;
    tex.push(`L = -\\sum_j y_j \\log o_j = -\\log o_{${cls + 1}} = -\\log ${fmt(o(cls))} = ${fmt(Li)}`);
  } else if (name === 'bce') {
    tex.push(`L = -\\left[y \\log o + (1-y)\\log(1-o)\\right]`);
    tex.push(`L = -\\left[${fmt(y(j))} \\log ${fmt(o(j))} + ${p(1 - y(j))}\\log ${p(1 - o(j))}\\right] = ${fmt(Li)}`);
  } else if (name === 'huber') {
    const d = Math.abs(o(j) - y(j));
    tex.push(
      `L = \\begin{cases} \\tfrac12 (o-y)^2 & |o-y| \\le 1 \\\\ |o-y| - \\tfrac12 & \\text{otherwise}\\end{cases}`,
    );
    tex.push(`|o-y| = |${fmt(o(j))} - ${p(y(j))}| = ${fmt(d)}, \\quad L = ${fmt(Li)}`);
  } else {
    tex.push(`L = \\tfrac12 \\sum_j (o_j - y_j)^2`);
    tex.push(`L = \\tfrac12 (${fmt(o(j))} - ${p(y(j))})^2${k > 1 ? ' + \\cdots' : ''} = ${fmt(Li)}`);
  }
  tex.push(`\\bar L = \\frac{1}{${t.m}} \\sum_{i=1}^{${t.m}} L_i = ${fmt(t.loss)}`);
  const notes =
    t.options.regularization === 'none'
      ? []
      : ['The L1/L2 penalty is not in this loss; its gradient is added in the Gradients phase.'];
  return {
    title: `Loss of sample ${i + 1}, and the batch mean`,
    tex,
    facts: [fact('o', o(j)), fact('y', y(j)), fact('L', Li), fact('mean L', t.loss)],
    notes,
  };
}

function backward(c: Ctx, l: number, j: number, i: number): Explained {
  const t = c.t;
  const s = unitSup(l);
  const d = at(c, t.delta, l, i, j);
  const f1 = at(c, t.dadz, l, i, j);
  const tex: string[] = [];
  const notes: string[] = [];
  const act = t.activations[l]!;
  if (l === c.L - 1) {
    const k = c.outs[l]!;
    const o = t.a[l]![i * k + j]!;
    const y = t.y[i * k + j]!;
    const fused =
      (t.options.loss === 'bce' && act === 'sigmoid') || (t.options.loss === 'softmaxCe' && act === 'softmax');
    if (fused)
      tex.push(`\\delta${s}_{${j + 1}} = \\frac{\\partial L}{\\partial z} = o - y = ${fmt(o)} - ${p(y)} = ${fmt(d)}`);
    else if (act === 'softmax') {
      tex.push(
        `\\delta_{${j + 1}} = o_{${j + 1}}\\Big(\\frac{\\partial L}{\\partial o_{${j + 1}}} - \\sum_m o_m \\frac{\\partial L}{\\partial o_m}\\Big) = ${fmt(d)}`,
      );
    } else {
      const dLdo =
        t.options.loss === 'huber'
          ? '\\operatorname{clip}(o-y,\\,-1,\\,1)'
          : t.options.loss === 'bce'
            ? '\\frac{o-y}{o(1-o)}'
            : '(o - y)';
      tex.push(`\\delta${s}_{${j + 1}} = \\frac{\\partial L}{\\partial o}\\, f'(z) = ${dLdo}\\cdot f'(z)`);
      tex.push(`o = ${fmt(o)},\\; y = ${fmt(y)},\\; f'(z) = ${fmt(f1)} \\;\\Rightarrow\\; \\delta = ${fmt(d)}`);
    }
  } else {
    const nOut = c.outs[l + 1]!;
    const terms = Array.from({ length: nOut }, (_, u) => {
      const w = c.w(t.paramsBefore, l + 1, u, j);
      const dn = at(c, t.delta, l + 1, i, u);
      return { tex: `${p(w)}\\cdot ${p(dn)}`, value: w * dn };
    });
    tex.push(
      `\\delta${s}_{${j + 1}} = f'(z${s}_{${j + 1}}) \\sum_k w^{(${l + 2})}_{k${j + 1}}\\, \\delta^{(${l + 2})}_k`,
    );
    tex.push(`\\delta${s}_{${j + 1}} = ${p(f1)} \\cdot \\big(${sumTerms(terms)}\\big) = ${fmt(d)}`);
    if (t.options.dropout > 0) notes.push("With dropout, f'(z) includes the unit's mask (0 when dropped).");
  }
  return {
    title: `Backward: ${l === c.L - 1 ? 'output' : `hidden layer ${l + 1}`}, unit ${j + 1}, sample ${i + 1}`,
    tex,
    facts: [fact("f'(z)", f1), fact('δ', d)],
    notes,
  };
}

/** The focused weight's input: the given one, or the unit's largest final gradient. */
function inputFor(c: Ctx, l: number, j: number, input: number | null): number {
  if (input !== null && input >= 0 && input < c.ins[l]!) return input;
  let best = 0;
  for (let k = 1; k < c.ins[l]!; k++)
    if (Math.abs(c.w(c.t.gradFinal, l, j, k)) > Math.abs(c.w(c.t.gradFinal, l, j, best))) best = k;
  return best;
}

function gradients(c: Ctx, l: number, j: number, k: number, i: number): Explained {
  const t = c.t;
  const o = t.options;
  const s = unitSup(l);
  const wn = `w${s}_{${j + 1}${k + 1}}`;
  const d = at(c, t.delta, l, i, j);
  const a = inputOf(c, l, i, k);
  const gw = c.w(t.gradData, l, j, k);
  const gb = c.b(t.gradData, l, j);
  const tex = [
    `\\frac{\\partial \\bar L}{\\partial ${wn}} = \\frac{1}{${t.m}}\\sum_i \\delta^{(i)}_{${j + 1}}\\, {${inName(l, k)}}^{(i)}`,
    `\\text{sample } ${i + 1}: \\; ${p(d)} \\cdot ${p(a)} = ${fmt(d * a)}, \\quad \\text{batch mean} = ${fmt(gw)}`,
    `\\frac{\\partial \\bar L}{\\partial b${s}_{${j + 1}}} = \\frac{1}{${t.m}}\\sum_i \\delta^{(i)}_{${j + 1}}: \\; \\text{sample } ${i + 1}: ${fmt(d)}, \\quad \\text{batch mean} = ${fmt(gb)}`,
  ];
  const facts = [fact('δ·a', d * a), fact('∂L/∂w', gw), fact('∂L/∂b', gb)];
  const notes: string[] = [];
  const wBefore = c.w(t.paramsBefore, l, j, k);
  const gReg = c.w(t.gradReg, l, j, k);
  if (o.regularization === 'l2' && o.regularizationRate > 0) {
    tex.push(
      `g = ${fmt(gw)} + \\lambda w = ${fmt(gw)} + ${fmt(o.regularizationRate)}\\cdot ${p(wBefore)} = ${fmt(gReg)}`,
    );
    facts.push(fact('g + L2', gReg));
  } else if (o.regularization === 'l1' && o.regularizationRate > 0) {
    tex.push(
      `g = ${fmt(gw)} + \\lambda\\,\\operatorname{sign}(w) = ${fmt(gw)} + ${fmt(o.regularizationRate)}\\cdot \\operatorname{sign}(${fmt(wBefore)}) = ${fmt(gReg)}`,
    );
    facts.push(fact('g + L1', gReg));
  } else notes.push('Regularization is off: no L1/L2 term.');
  const gFinal = c.w(t.gradFinal, l, j, k);
  if (o.clipNorm > 0) {
    if (t.clipFactor !== 1) {
      tex.push(
        `\\lVert g \\rVert = ${fmt(t.gradNorm)} > ${fmt(o.clipNorm)}: \\; g \\times ${fmt(t.clipFactor)} = ${fmt(gFinal)}`,
      );
      facts.push(fact('clip factor', t.clipFactor));
    } else notes.push(`Gradient norm ${fmt(t.gradNorm)} ≤ ${fmt(o.clipNorm)}: not clipped.`);
  }
  facts.push(fact('g', gFinal));
  return {
    title: `Gradients: weight ${wn.replace(/[{}^()]/g, '')} and bias, sample ${i + 1} of ${t.m}`,
    tex,
    facts,
    notes,
  };
}

function update(c: Ctx, l: number, j: number, k: number): Explained {
  const t = c.t;
  const o = t.options;
  const idx = c.wOff[l]! + j * c.ins[l]! + k;
  const g = t.gradFinal[idx]!;
  const before = t.paramsBefore[idx]!;
  const after = t.paramsAfter[idx]!;
  const eta = t.learningRate;
  const wn = `w${unitSup(l)}_{${j + 1}${k + 1}}`;
  const tex: string[] = [];
  const facts = [fact('w before', before), fact('g', g)];
  if (o.optimizer === 'sgd') {
    tex.push(`${wn} \\leftarrow w - \\eta\\, g = ${fmt(before)} - ${fmt(eta)}\\cdot ${p(g)} = ${fmt(after)}`);
  } else if (o.optimizer === 'momentum') {
    const v0 = t.mBefore[idx]!;
    const v1 = t.mAfter[idx]!;
    tex.push(`v \\leftarrow \\mu v + g = ${fmt(o.momentum)}\\cdot ${p(v0)} + ${p(g)} = ${fmt(v1)}`);
    tex.push(`${wn} \\leftarrow w - \\eta\\, v = ${fmt(before)} - ${fmt(eta)}\\cdot ${p(v1)} = ${fmt(after)}`);
    facts.push(fact('v', v1));
  } else {
    const n = t.tAfter;
    tex.push(
      `m \\leftarrow \\beta_1 m + (1-\\beta_1) g = ${fmt(o.beta1)}\\cdot ${p(t.mBefore[idx]!)} + ${fmt(1 - o.beta1)}\\cdot ${p(g)} = ${fmt(t.mAfter[idx]!)}`,
    );
    tex.push(
      `v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2 = ${fmt(o.beta2)}\\cdot ${p(t.vBefore[idx]!)} + ${fmt(1 - o.beta2)}\\cdot ${p(g)}^2 = ${fmt(t.vAfter[idx]!)}`,
    );
    tex.push(
      `\\hat m = \\frac{m}{1-\\beta_1^{${n}}} = ${fmt(t.mHat[idx]!)}, \\quad \\hat v = \\frac{v}{1-\\beta_2^{${n}}} = ${fmt(t.vHat[idx]!)}`,
    );
    tex.push(
      `\\Delta = \\eta \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon} = ${fmt(eta)}\\cdot\\frac{${fmt(t.mHat[idx]!)}}{\\sqrt{${fmt(t.vHat[idx]!)}} + ${fmt(o.eps)}} = ${fmt(t.step[idx]!)}`,
    );
    tex.push(`${wn} \\leftarrow w - \\Delta = ${fmt(before)} - ${p(t.step[idx]!)} = ${fmt(after)}`);
    facts.push(fact('m', t.mAfter[idx]!), fact('v', t.vAfter[idx]!), fact('m̂', t.mHat[idx]!), fact('v̂', t.vHat[idx]!));
    facts.push(fact('step', t.step[idx]!));
  }
  facts.push(fact('w after', after));
  const bi = c.bOff[l]! + j;
  tex.push(`b${unitSup(l)}_{${j + 1}}: \\; ${fmt(t.paramsBefore[bi]!)} \\rightarrow ${fmt(t.paramsAfter[bi]!)}`);
  return {
    title: `Update (${o.optimizer === 'sgd' ? 'SGD' : o.optimizer === 'adam' ? 'Adam' : 'momentum'}): weight ${k + 1} → unit ${j + 1}, learning rate ${fmt(eta)}`,
    tex,
    facts,
    notes: [],
  };
}

/** The phase's equations for the focused unit (clamped into the phase's layer) and sample. */
export function explain(t: StepTrace, phase: Phase, focus: Focus): Explained {
  const c = ctxOf(t);
  const l = phase.kind === 'loss' ? c.L - 1 : Math.min(Math.max(phase.layer ?? c.L - 1, 0), c.L - 1);
  const j = Math.min(Math.max(focus.layer === l ? focus.unit : 0, 0), c.outs[l]! - 1);
  const i = Math.min(Math.max(focus.sample, 0), t.m - 1);
  switch (phase.kind) {
    case 'forward':
      return forward(c, l, j, i);
    case 'loss':
      return loss(c, j, i);
    case 'backward':
      return backward(c, l, j, i);
    case 'gradients':
      return gradients(c, l, j, inputFor(c, l, j, focus.layer === l ? focus.input : null), i);
    case 'update':
      return update(c, l, j, inputFor(c, l, j, focus.layer === l ? focus.input : null));
  }
}

/** δ of every unit of layer l for sample i (the heat strip), straight from the trace. */
export function layerDeltas(t: StepTrace, l: number, i: number): number[] {
  const out = t.sizes[l + 1]!;
  return Array.from(t.delta[l]!.subarray(i * out, (i + 1) * out));
}

/** |w after − w before| per weight of layer l, in W's (out, in) row-major order (the diagram's link colours). */
export function layerChanges(t: StepTrace, l: number): number[] {
  const c = ctxOf(t);
  const n = c.ins[l]! * c.outs[l]!;
  return Array.from(t.step.subarray(c.wOff[l]!, c.wOff[l]! + n), Math.abs);
}
