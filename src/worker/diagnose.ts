/**
 * Why a run went wrong, from what the worker saw: hidden units stuck at their limits (counted in
 * the same forward pass that evaluates the training set) and the likely cause of a divergence
 * (recent losses, the largest pre-activation seen, a weight set by hand), with a fix to offer.
 */
import type { Workspace } from '../nn/pass.ts';
import type { ActivationName, HiddenActivation, OptimizerName } from '../nn/types.ts';
import { LIMITS } from '../nn/types.ts';
import type { Divergence, Saturation } from './protocol.ts';

/** |z| beyond which a squashing unit's slope is nearly 0 (tanh'(4) ≈ 0.0013, sigmoid'(6) ≈ 0.0025). */
const SATURATION_Z: Partial<Record<ActivationName, number>> = { tanh: 4, sigmoid: 6 };
/**
 * The run counts as stuck when at least this share of (hidden unit, training sample) pairs are
 * saturated, or this share of the ReLU units are dead. Measured: learning rate 10 or 3 with tanh on
 * Circle freezes at 0.72-0.80; healthy runs stay below 0.15 (the default for 2,000 epochs: 0.04,
 * 6×8 tanh on Spiral: 0.11).
 */
const STUCK_SHARE = 0.5;

/**
 * Counts, over one evaluation pass of the training set, how many samples leave each hidden unit
 * stuck: |z| beyond SATURATION_Z (tanh, sigmoid) or z ≤ 0 (ReLU: a dead unit passes no gradient).
 * Also the largest |z| of any hidden unit, a clue when a run diverges.
 */
export class UnitProbe {
  /** Largest |z| of a hidden unit over the last pass. */
  maxAbsZ = 0;
  private readonly counts: Int32Array;
  private readonly hiddenSizes: number[];
  private readonly limit: number | null;
  private readonly dead: boolean;
  private samples = 0;

  constructor(hiddenSizes: readonly number[], activation: ActivationName) {
    this.hiddenSizes = [...hiddenSizes];
    this.counts = new Int32Array(hiddenSizes.reduce((a, n) => a + n, 0));
    this.limit = SATURATION_Z[activation] ?? null;
    this.dead = activation === 'relu';
  }

  begin(): void {
    this.counts.fill(0);
    this.samples = 0;
    this.maxAbsZ = 0;
  }

  /** A chunk of m samples just evaluated (Trainer.evaluate's visitor). */
  readonly visit = (ws: Workspace, _start: number, m: number): void => {
    const counts = this.counts;
    const limit = this.limit;
    let unit = 0;
    let maxAbs = this.maxAbsZ;
    for (let l = 0; l < this.hiddenSizes.length; l++) {
      const u = this.hiddenSizes[l]!;
      const z = ws.z[l]!;
      for (let s = 0, row = 0; s < m; s++, row += u) {
        for (let j = 0; j < u; j++) {
          const v = z[row + j]!;
          const a = v < 0 ? -v : v;
          if (a > maxAbs) maxAbs = a;
          if (limit !== null ? a > limit : this.dead && v <= 0) counts[unit + j]! += 1;
        }
      }
      unit += u;
    }
    this.maxAbsZ = maxAbs;
    this.samples += m;
  };

  /** The verdict of the pass: null when most units still learn (or the activation cannot get stuck). */
  verdict(): Saturation | null {
    const units = this.counts.length;
    const n = this.samples;
    if (units === 0 || n === 0 || (this.limit === null && !this.dead)) return null;
    let stuck = 0;
    for (let j = 0; j < units; j++) stuck += this.dead ? (this.counts[j] === n ? 1 : 0) : this.counts[j]! / n;
    const fraction = stuck / units;
    return fraction >= STUCK_SHARE ? { kind: this.dead ? 'dead' : 'saturated', fraction } : null;
  }
}

/** A learning rate about 10× lower, on the 1-3-10 steps of the page's list (0.03 → 0.003, 0.05 → 0.003). */
export function lowerRate(rate: number): number {
  const target = rate / 10;
  if (!(target > LIMITS.learningRate.min)) return LIMITS.learningRate.min;
  const k = Math.floor(Math.log10(target) + 1e-9);
  const mantissa = target / 10 ** k;
  return Number(((mantissa >= 3 - 1e-9 ? 3 : 1) * 10 ** k).toPrecision(1));
}

/** |z| beyond this with an activation that has no upper limit: the values inside the network exploded. */
export const EXPLODING_Z = 1e4;
/** A weight set by hand this large, this recently, is the likely culprit. */
export const HUGE_WEIGHT = 10;
export const RECENT_EPOCHS = 50;
/** The loss "grew fast" when its last finite value is this many times the lowest of the recent ones. */
const GROWTH = 2;

const UNBOUNDED: ReadonlySet<HiddenActivation> = new Set(['relu', 'leakyRelu', 'elu', 'swish', 'softplus', 'linear']);

export interface DivergenceClues {
  /** What became non-finite, and when: "the loss became NaN at epoch 312". */
  what: string;
  epoch: number;
  learningRate: number;
  optimizer: OptimizerName;
  activation: HiddenActivation;
  /** Batch losses of the last epochs before this one, oldest first (non-finite ones left out). */
  recentLosses: readonly number[];
  /** Largest |z| of a hidden unit on the training set at the last evaluation. */
  maxAbsZ: number;
  /** The last weight set by hand, if any. */
  handSet: { value: number; epoch: number } | null;
}

const OPTIMIZER_NAMES: Record<OptimizerName, string> = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' };

function fmt(v: number): string {
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(3)));
}

/** The likely cause, a fix to offer, and the sentence that says so. */
export function diagnoseDivergence(c: DivergenceClues): { divergence: Divergence; message: string } {
  const what = c.what.charAt(0).toUpperCase() + c.what.slice(1) + '.';
  const hand = c.handSet;
  if (hand && Math.abs(hand.value) >= HUGE_WEIGHT && c.epoch - hand.epoch <= RECENT_EPOCHS) {
    return {
      divergence: { what: c.what, cause: 'handSetWeight' },
      message: `${what} The weight you set by hand to ${fmt(hand.value)} at epoch ${hand.epoch} is too large. Press Reset, or set it smaller.`,
    };
  }
  const rate = lowerRate(c.learningRate);
  const fix = { learningRate: rate };
  if (UNBOUNDED.has(c.activation) && c.maxAbsZ >= EXPLODING_Z) {
    return {
      divergence: { what: c.what, cause: 'activations', fix },
      message: `${what} The values inside the network grew huge (up to ${fmt(c.maxAbsZ)}): ${c.activation} units have no upper limit. Lower the learning rate to ${rate}, then press Reset.`,
    };
  }
  const losses = c.recentLosses;
  const last = losses.at(-1);
  const low = Math.min(...losses);
  const grew = last !== undefined && losses.length >= 2 && last > GROWTH * low;
  const seen = grew ? ` The loss grew fast over the last epochs (${fmt(low)} → ${fmt(last)}).` : '';
  return {
    divergence: { what: c.what, cause: 'learningRate', fix },
    message: `${what}${seen} The learning rate ${c.learningRate} is too high for ${OPTIMIZER_NAMES[c.optimizer]} with the ${c.activation} activation. Lower it to ${rate}, then press Reset.`,
  };
}

/** The first non-finite parameter, as text ("NaN", "Infinity"). */
export function nonFiniteParam(p: Float64Array): string {
  for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i]!)) return String(p[i]);
  return 'non-finite';
}
