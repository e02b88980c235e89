/**
 * "Find a learning rate": the learning-rate range test (src/nn/lrRange.ts) run in the worker on a
 * copy of the network from the run's initial weights, with its own Trainer, data order and RNG:
 * the run itself (its weights, trainer state, history) is never touched.
 *
 * Each step is one minibatch (the run's batch size, at most MAX_ROWS samples so the test stays
 * well under a second on the largest network): the Trainer is built over a one-minibatch Data whose
 * rows are refilled before each step, so one trainer "epoch" is one update at that step's rate.
 * Optimizer, loss, regularization and dropout are the run's; the schedule is off (constant).
 */
import { createNetwork } from '../nn/network.ts';
import { createRng } from '../nn/rng.ts';
import { Trainer, type Data } from '../nn/training.ts';
import { exploded, LossSmoother, RANGE_STEPS, rangeRate, suggestRate } from '../nn/lrRange.ts';
import type { Built } from './build.ts';
import type { LrRangeResult } from './protocol.ts';

const MAX_ROWS = 256;
const SALT = 0x5bd1e995;

export function runRangeTest(b: Built, seed: number, start: Float64Array, steps = RANGE_STEPS): LrRangeResult {
  const { info, train } = b;
  const n = train.n;
  const empty: LrRangeResult = { rates: [], losses: [], smoothed: [], suggestion: null, exploded: false };
  if (n === 0) return empty;
  const spec = { sizes: info.sizes.slice(), activations: info.layers.map((l) => l.activation) };
  const net = createNetwork(spec, 'xavier', 1);
  net.params.set(start);
  const d = info.sizes[0]!;
  const k = info.sizes[info.sizes.length - 1]!;
  const rows = Math.max(1, Math.min(b.trainer.options.batchSize, n, MAX_ROWS));
  const mb: Data = { x: new Float64Array(rows * d), y: new Float64Array(rows * k), n: rows };
  const trainer = new Trainer(
    net,
    mb,
    { ...b.trainer.options, batchSize: rows, schedule: 'constant', learningRate: rangeRate(0, steps) },
    (seed ^ SALT) >>> 0,
  );
  const rng = createRng((seed ^ (SALT >>> 1)) >>> 0);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let pos = n;
  const fill = () => {
    for (let r = 0; r < rows; r++) {
      if (pos >= n) {
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(rng.next() * (i + 1));
          const t = order[i]!;
          order[i] = order[j]!;
          order[j] = t;
        }
        pos = 0;
      }
      const s = order[pos++]!;
      for (let c = 0; c < d; c++) mb.x[r * d + c] = train.x[s * d + c]!;
      for (let c = 0; c < k; c++) mb.y[r * k + c] = train.y[s * k + c]!;
    }
  };
  const out: LrRangeResult = { ...empty, rates: [], losses: [], smoothed: [] };
  const smoother = new LossSmoother();
  let best = Infinity;
  for (let i = 0; i < steps; i++) {
    const rate = rangeRate(i, steps);
    fill();
    trainer.setOptions({ learningRate: rate });
    const r = trainer.epoch();
    const loss = r.loss;
    const s = smoother.next(loss);
    out.rates.push(rate);
    out.losses.push(loss);
    out.smoothed.push(s);
    if (exploded(s, best) || !r.finite) {
      out.exploded = true;
      break;
    }
    best = Math.min(best, s);
  }
  out.suggestion = suggestRate(out.rates, out.smoothed);
  return out;
}
