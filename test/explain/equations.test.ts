// equations.ts: a recorded step (the real Trainer's trace) → each phase's equations with numbers.
import { describe, expect, it } from 'vitest';
import {
  explain,
  fmtPlain as fmt,
  fmt as fmtTex,
  layerChanges,
  MAX_TERMS,
  phaseLabel,
  phasesOf,
} from '../../src/explain/equations.ts';
import { pointTrace } from '../../src/explain/pointTrace.ts';
import { createNetwork } from '../../src/nn/network.ts';
import { createTrace, type StepTrace } from '../../src/nn/trace.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type TrainOptions } from '../../src/nn/training.ts';
import type { ActivationName, LossName } from '../../src/nn/types.ts';
import { targetsFor, uniformArray } from '../nn/helpers.ts';

function traced(sizes: number[], acts: ActivationName[], loss: LossName, o: Partial<TrainOptions> = {}): StepTrace {
  const n = 12;
  const k = sizes[sizes.length - 1]!;
  const net = createNetwork({ sizes, activations: acts }, 'xavier', 5);
  const tr = new Trainer(
    net,
    { x: uniformArray(n * sizes[0]!, 1), y: targetsFor(loss, n, k, 2), n },
    { ...DEFAULT_TRAIN_OPTIONS, loss, batchSize: 4, ...o },
    3,
  );
  const t = createTrace(net, 4);
  tr.batchStep(t);
  return t;
}
const shown = (e: { facts: { label: string; shown: string }[] }, label: string) =>
  e.facts.find((f) => f.label === label)?.shown;

describe('phases', () => {
  it('go forward layer by layer, loss, backward from the output, gradients, update', () => {
    const ph = phasesOf(3);
    expect(ph.length).toBe(13);
    expect(ph.slice(0, 5).map((p) => `${p.kind}${p.layer ?? ''}`)).toEqual([
      'forward0',
      'forward1',
      'forward2',
      'loss',
      'backward2',
    ]);
    expect(phaseLabel({ kind: 'backward', layer: 1 }, 3)).toBe('Backward · layer 2 of 3 · phase 6 of 13');
    expect(phaseLabel({ kind: 'loss' }, 3)).toBe('Loss · phase 4 of 13');
  });
  it('writes numbers to 4 significant digits, tiny and huge ones as powers of ten', () => {
    expect(fmt(0.123456)).toBe('0.1235');
    expect(fmt(-2)).toBe('-2');
    expect(fmtTex(1.5e-7)).toBe('1.5\\times 10^{-7}');
    expect(fmt(1.5e-7)).toBe('1.5e-7');
  });
});

describe('the equations of a traced step carry the engine numbers', () => {
  const t = traced([2, 3, 1], ['tanh', 'tanh'], 'mse');
  it('forward: every term, z and a = tanh(z) from the trace', () => {
    const e = explain(t, { kind: 'forward', layer: 0 }, { layer: 0, unit: 1, input: null, sample: 2 });
    expect(shown(e, 'z')).toBe(fmt(t.z[0]![2 * 3 + 1]!));
    expect(shown(e, 'a')).toBe(fmt(t.a[0]![2 * 3 + 1]!));
    expect(e.tex[1]).toContain(`${fmtTex(t.paramsBefore[1 * 2 + 0]!)}`);
    expect(e.tex[2]).toContain('\\tanh');
  });
  it('loss: output, target, the sample loss and the batch mean', () => {
    const e = explain(t, { kind: 'loss' }, { layer: 1, unit: 0, input: null, sample: 1 });
    expect(shown(e, 'L')).toBe(fmt(t.lossPerSample[1]!));
    expect(shown(e, 'mean L')).toBe(fmt(t.loss));
    expect(shown(e, 'y')).toBe(fmt(t.y[1]!));
  });
  it("backward: hidden δ = f'(z)·Σ w·δ, with the trace's δ", () => {
    const e = explain(t, { kind: 'backward', layer: 0 }, { layer: 0, unit: 2, input: null, sample: 0 });
    expect(shown(e, 'δ')).toBe(fmt(t.delta[0]![2]!));
    expect(e.tex[0]).toContain("f'(z");
  });
  it('gradients: the sample term, the batch mean, and the bias', () => {
    const e = explain(t, { kind: 'gradients', layer: 1 }, { layer: 1, unit: 0, input: 2, sample: 3 });
    expect(shown(e, '∂L/∂w')).toBe(fmt(t.gradData[3 * 2 + 3 + 2]!));
    expect(shown(e, '∂L/∂b')).toBe(fmt(t.gradData[9 + 3]!));
    expect(e.notes.join()).toMatch(/Regularization is off/);
  });
  it('update with SGD: before and after', () => {
    const e = explain(t, { kind: 'update', layer: 0 }, { layer: 0, unit: 0, input: 1, sample: 0 });
    expect(shown(e, 'w before')).toBe(fmt(t.paramsBefore[1]!));
    expect(shown(e, 'w after')).toBe(fmt(t.paramsAfter[1]!));
    expect(layerChanges(t, 0)[1]).toBe(Math.abs(t.paramsBefore[1]! - t.paramsAfter[1]!));
  });
});

describe('every loss, optimizer and regularizer', () => {
  it('softmax cross-entropy names the target class; Adam shows m, v, m̂, v̂ and the step', () => {
    const t = traced([2, 4, 3], ['relu', 'softmax'], 'softmaxCe', {
      optimizer: 'adam',
      regularization: 'l2',
      regularizationRate: 0.01,
      clipNorm: 0.01,
    });
    const l = explain(t, { kind: 'loss' }, { layer: 1, unit: 0, input: null, sample: 0 });
    expect(l.tex[0]).toMatch(/-\\log o_\{\d\}/);
    const b = explain(t, { kind: 'backward', layer: 1 }, { layer: 1, unit: 2, input: null, sample: 0 });
    expect(b.tex[0]).toContain('o - y');
    const g = explain(t, { kind: 'gradients', layer: 0 }, { layer: 0, unit: 1, input: 0, sample: 0 });
    expect(g.tex.join()).toContain('\\lambda w');
    expect(shown(g, 'clip factor')).toBe(fmt(t.clipFactor));
    const u = explain(t, { kind: 'update', layer: 0 }, { layer: 0, unit: 1, input: 0, sample: 0 });
    expect(u.facts.map((f) => f.label)).toEqual(['w before', 'g', 'm', 'v', 'm̂', 'v̂', 'step', 'w after']);
    expect(shown(u, 'm̂')).toBe(fmt(t.mHat[2]!));
  });
  it('Huber, BCE, momentum and L1', () => {
    const h = traced([2, 2, 1], ['sigmoid', 'linear'], 'huber', {
      optimizer: 'momentum',
      regularization: 'l1',
      regularizationRate: 0.001,
    });
    expect(explain(h, { kind: 'loss' }, { layer: 1, unit: 0, input: null, sample: 0 }).tex[0]).toContain('cases');
    expect(explain(h, { kind: 'backward', layer: 1 }, { layer: 1, unit: 0, input: null, sample: 0 }).tex[0]).toContain(
      'clip',
    );
    expect(explain(h, { kind: 'update', layer: 1 }, { layer: 1, unit: 0, input: 0, sample: 0 }).tex[0]).toContain(
      '\\mu v',
    );
    expect(
      explain(h, { kind: 'gradients', layer: 1 }, { layer: 1, unit: 0, input: 0, sample: 0 }).tex.join(),
    ).toContain('sign');
    const b = traced([2, 2, 1], ['tanh', 'sigmoid'], 'bce');
    expect(explain(b, { kind: 'loss' }, { layer: 1, unit: 0, input: null, sample: 0 }).tex[0]).toContain('\\log');
  });
  it('a unit with more than 9 inputs shows the 9 largest terms and "+ k more"', () => {
    const t = traced([2, 16, 1], ['tanh', 'tanh'], 'mse');
    const e = explain(t, { kind: 'forward', layer: 1 }, { layer: 1, unit: 0, input: null, sample: 0 });
    expect(e.tex[1]).toContain(`${16 - MAX_TERMS}\\text{ more}`);
    expect(e.tex[1]!.split('\\cdot ').length - 1).toBe(MAX_TERMS);
  });
});

describe('the equation of a point', () => {
  it("runs the point through the engine's forward pass on given weights", () => {
    const net = createNetwork({ sizes: [2, 3, 1], activations: ['tanh', 'tanh'] }, 'xavier', 9);
    const t = pointTrace(
      { sizes: [2, 3, 1], activations: ['tanh', 'tanh'], features: ['x', 'y'] },
      net.params,
      0.5,
      -1,
    );
    const want = Math.tanh(net.params[0]! * 0.5 + net.params[1]! * -1 + net.params[6]!);
    expect(t.a[0]![0]).toBeCloseTo(want, 14);
    const e = explain(t, { kind: 'forward', layer: 0 }, { layer: 0, unit: 0, input: null, sample: 0 });
    expect(shown(e, 'a')).toBe(fmt(want));
  });
});
