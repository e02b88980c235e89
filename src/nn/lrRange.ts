/**
 * The learning-rate range test's arithmetic (Smith 2017, "Cyclical Learning Rates", §3.3; the
 * smoothing and the "steepest" suggestion as fast.ai's lr_find): the rate of minibatch i grows
 * exponentially from MIN_RATE to MAX_RATE over `steps` minibatches; the loss is smoothed by an
 * exponential moving average with bias correction; the test stops when the smoothed loss exceeds
 * EXPLODE × its lowest value (or is not a number). The suggested rate is where the smoothed loss
 * falls fastest against log(rate), before its lowest point. Pure functions: the worker runs the
 * minibatches (src/worker/lrFinder.ts).
 */

export const MIN_RATE = 1e-5;
export const MAX_RATE = 10;
export const RANGE_STEPS = 300;
export const SMOOTHING = 0.98;
export const EXPLODE = 4;
/** The first minibatches (a tenth of the test) are left out of the suggestion: the smoothed loss has seen too few to mean much. */
export const SKIP_START = 30;

/** Rate of minibatch i of `steps` (i = 0 → MIN_RATE, i = steps − 1 → MAX_RATE). */
export function rangeRate(i: number, steps = RANGE_STEPS, lo = MIN_RATE, hi = MAX_RATE): number {
  return lo * (hi / lo) ** (i / Math.max(1, steps - 1));
}

/** Exponential moving average with bias correction (the first values are not pulled towards 0). */
export class LossSmoother {
  private readonly beta: number;
  private avg = 0;
  private count = 0;
  constructor(beta = SMOOTHING) {
    this.beta = beta;
  }
  next(loss: number): number {
    this.avg = this.beta * this.avg + (1 - this.beta) * loss;
    this.count++;
    return this.avg / (1 - this.beta ** this.count);
  }
}

export function smoothLosses(losses: readonly number[], beta = SMOOTHING): number[] {
  const s = new LossSmoother(beta);
  return losses.map((l) => s.next(l));
}

/** Whether the test should stop after smoothed loss `s`, given the lowest so far. */
export function exploded(s: number, best: number): boolean {
  return !Number.isFinite(s) || (Number.isFinite(best) && s > EXPLODE * best);
}

/**
 * The suggested rate: where the smoothed loss falls fastest per decade of rate (the most negative
 * central difference against log10(rate)), among the points from SKIP_START up to the lowest
 * smoothed loss after them; null when the loss never falls there.
 */
export function suggestRate(rates: readonly number[], smoothed: readonly number[]): number | null {
  const n = Math.min(rates.length, smoothed.length);
  const skip = n > 4 * SKIP_START ? SKIP_START : 0;
  let lowest = -1;
  for (let i = skip; i < n; i++)
    if (Number.isFinite(smoothed[i]!) && (lowest < 0 || smoothed[i]! < smoothed[lowest]!)) lowest = i;
  if (lowest < skip + 2) return null;
  let best = -1;
  let steepest = 0;
  for (let i = skip + 1; i < lowest; i++) {
    const dx = Math.log10(rates[i + 1]!) - Math.log10(rates[i - 1]!);
    const slope = (smoothed[i + 1]! - smoothed[i - 1]!) / dx;
    if (slope < steepest) {
      steepest = slope;
      best = i;
    }
  }
  return best > 0 ? rates[best]! : null;
}

/** The offered value nearest `rate` on a log scale (the learning-rate control's list). */
export function nearestOffered(rate: number, offered: readonly number[]): number {
  let best = offered[0]!;
  for (const r of offered) if (Math.abs(Math.log10(r / rate)) < Math.abs(Math.log10(best / rate))) best = r;
  return best;
}
