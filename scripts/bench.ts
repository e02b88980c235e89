// Benchmarks. `npm run bench` prints a table; `npm run bench -- --json` one JSON object per line
// ({"name", "label", the figure, "target", "pass"}). `--only NAME[,NAME]` runs a subset (a NAME may
// leave out its `engine-` prefix: `--only default,large`). `npm run bench -- --soak [minutes]` runs
// the long in-app soak instead (scripts/bench-soak.ts).
// Targets are judged on the wall clock; the CPU-time figures beside them show the code's own
// cost when other processes share the 2 cores (wall figures then drop, CPU figures much less).
//
// Each figure is labelled for what it measures: "engine" (Node, the engine alone, this file) or
// "in app" (the built app in Chromium: worker, snapshots and drawing; scripts/bench-browser.ts).
//   engine-default     TF Playground's defaults: circle, 500 points, half for training (250), batch 10,
//                      2-4-2-1 tanh (tanh output), mse, lr 0.03, SGD          → epochs/s, target ≥ 10,000
//   engine-large       spiral, 500 points (250 train), batch 10, six hidden layers of 8 tanh → ≥ 1,200 epochs/s
//   engine-grid-large  the grids of one streamed snapshot of the large net: all 48 hidden units and the output
//                      on the 50×50 thumbnails' grid, the output interpolated to 100×100 → ≤ 8 ms; beside it
//                      `exactMs`, the exact 100×100 output of a paused snapshot (taken within a time budget
//                      while streaming, src/worker/snapshot.ts)
//   engine-worker-large  the worker's loop (src/worker/runLoop.ts) in Node on the large net at full speed,
//                      snapshots and grids included: epochs/s with the output at 100×100 (thumbnails 50×50),
//                      and `epochsPerSecondAt50` with everything at 50×50 as before → within 10 % of it
//
// Hook for more figures: add a Bench to BENCHES below (or import this module and call runBenches
// with your own list); each returns a BenchResult and is printed the same way.
import { pathToFileURL } from 'node:url';
import { browserBenches } from './bench-browser.ts';
import { rechartsBench } from './bench-recharts.ts';
import { runSoak, soakMinutes } from './bench-soak.ts';
import { generateDataset, splitDataset, targets } from '../src/nn/data.ts';
import { computeFeatures } from '../src/nn/features.ts';
import { predictGrid } from '../src/nn/grid.ts';
import { upsample } from '../src/worker/snapshot.ts';
import { TrainerHost } from '../src/worker/host.ts';
import { DEFAULT_CONFIG } from '../src/share/config.ts';
import { createNetwork, hiddenUnitCount, type Network } from '../src/nn/network.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data } from '../src/nn/training.ts';
import { DOMAIN, type FeatureName, type HiddenActivation } from '../src/nn/types.ts';

export interface BenchResult {
  name: string;
  /** What the figure measures: the engine alone in Node, or the built app in Chromium. */
  label: 'engine' | 'in app';
  /** The figure, e.g. { epochsPerSecond: 12345 } or { ms: 3.2 }. */
  figure: Record<string, number>;
  /** Human-readable target, e.g. ">= 10000 epochs/s". */
  target: string;
  pass: boolean;
}

export interface Bench {
  name: string;
  run(): BenchResult | Promise<BenchResult>;
}

const FEATURES: FeatureName[] = ['x', 'y'];

/** The worker's recipe for a classification run: dataset → split → features → tanh targets. */
function setup(
  dataset: 'circle' | 'spiral',
  hidden: number[],
  activation: HiddenActivation,
): { net: Network; train: Data } {
  const ds = generateDataset(dataset, { samples: 500, noise: 0, seed: 1 });
  const { train } = splitDataset(ds, 50, 1);
  const sizes = [FEATURES.length, ...hidden, 1];
  const net = createNetwork({ sizes, activations: [...hidden.map(() => activation), 'tanh'] }, 'uniform', 1);
  const data: Data = { x: computeFeatures(train.points, FEATURES), y: targets(train, 'tanh'), n: train.n };
  return { net, train: data };
}

/** Process CPU time in ms (user + system): on a shared machine it shows what the code costs when it runs. */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/**
 * Epochs per second over about `seconds` of training after a warm-up (so the JIT has settled):
 * by the wall clock (the target), and per second of this process's CPU time.
 */
function epochRates(trainer: Trainer, seconds: number): { wall: number; cpu: number } {
  const warmEnd = performance.now() + 300;
  while (performance.now() < warmEnd) trainer.epoch();
  let epochs = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let i = 0; i < 100; i++) trainer.epoch();
    epochs += 100;
    t = performance.now();
  }
  return { wall: (epochs * 1000) / (t - t0), cpu: (epochs * 1000) / (cpuMs() - c0) };
}

function trainingBench(name: string, dataset: 'circle' | 'spiral', hidden: number[], target: number): BenchResult {
  const { net, train } = setup(dataset, hidden, 'tanh');
  const trainer = new Trainer(net, train, { ...DEFAULT_TRAIN_OPTIONS, batchSize: 10, learningRate: 0.03 }, 1);
  const r = epochRates(trainer, 2);
  return {
    name,
    label: 'engine',
    figure: { epochsPerSecond: Math.round(r.wall), epochsPerCpuSecond: Math.round(r.cpu) },
    target: `>= ${target} epochs/s`,
    pass: r.wall >= target,
  };
}

/** Median wall ms and mean CPU ms of `calls` runs of fn after a warm-up. */
function timeCalls(fn: () => void, calls: number): { median: number; min: number; cpu: number } {
  for (let i = 0; i < 30; i++) fn();
  const times: number[] = [];
  const c0 = cpuMs();
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const cpu = (cpuMs() - c0) / calls;
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1]!, min: times[0]!, cpu };
}

function gridBench(): BenchResult {
  const { net, train } = setup('spiral', [8, 8, 8, 8, 8, 8], 'tanh');
  new Trainer(net, train, DEFAULT_TRAIN_OPTIONS, 1).epoch(); // realistic, non-initial weights
  const r = 100;
  const s = 50;
  const small = new Float32Array(s * s);
  const out = new Float32Array(r * r);
  const hidden = new Float32Array(hiddenUnitCount(net) * s * s);
  const region = { xMin: -DOMAIN, xMax: DOMAIN, yMin: -DOMAIN, yMax: DOMAIN };
  const streamed = timeCalls(() => {
    predictGrid(net, FEATURES, region, s, small, hidden);
    upsample(small, s, out, r, 1);
  }, 100);
  const exact = timeCalls(() => predictGrid(net, FEATURES, region, r, out), 50);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    name: 'engine-grid-large',
    label: 'engine',
    figure: {
      ms: round(streamed.median),
      minMs: round(streamed.min),
      cpuMs: round(streamed.cpu),
      exactMs: round(exact.median),
      exactCpuMs: round(exact.cpu),
    },
    target: '<= 8 ms',
    pass: streamed.median <= 8,
  };
}

/** Epochs per second of the worker's loop playing at full speed for `seconds`, driven by a plain task queue. */
function workerRate(output: number, hidden: number, seconds: number): { wall: number; cpu: number } {
  const tasks: (() => void)[] = [];
  const host = new TrainerHost({
    now: () => performance.now(),
    schedule: (fn) => {
      tasks.push(fn);
      return () => undefined;
    },
    post: () => undefined,
  });
  const config = { ...DEFAULT_CONFIG, dataset: 'spiral' as const, hidden: [8, 8, 8, 8, 8, 8] };
  host.handle({ type: 'init', runId: 1, config, gridResolution: output, hiddenGridResolution: hidden });
  host.handle({ type: 'play', runId: 1 });
  const warmEnd = performance.now() + 300;
  while (performance.now() < warmEnd) tasks.shift()?.();
  const e0 = host.current!.epoch;
  const t0 = performance.now();
  const c0 = cpuMs();
  while (performance.now() - t0 < seconds * 1000) tasks.shift()?.();
  const epochs = host.current!.epoch - e0;
  return { wall: (epochs * 1000) / (performance.now() - t0), cpu: (epochs * 1000) / (cpuMs() - c0) };
}

function workerBench(): BenchResult {
  const at50 = workerRate(50, 50, 3);
  const now = workerRate(100, 50, 3);
  return {
    name: 'engine-worker-large',
    label: 'engine',
    figure: {
      epochsPerSecond: Math.round(now.wall),
      epochsPerCpuSecond: Math.round(now.cpu),
      epochsPerSecondAt50: Math.round(at50.wall),
      epochsPerCpuSecondAt50: Math.round(at50.cpu),
    },
    target: '>= 90 % of the rate at 50',
    pass: now.wall >= 0.9 * at50.wall,
  };
}

/** Runs `f` once; later calls get the same promise (so the in-app benches compare with the printed engine figure). */
function once<T>(f: () => T): () => Promise<Awaited<T>> {
  let p: Promise<Awaited<T>> | null = null;
  return () => (p ??= Promise.resolve().then(f) as Promise<Awaited<T>>);
}

const engineDefault = once(() => trainingBench('engine-default', 'circle', [4, 2], 10_000));
const engineLarge = once(() => trainingBench('engine-large', 'spiral', [8, 8, 8, 8, 8, 8], 1_200));

export const BENCHES: Bench[] = [
  { name: 'engine-default', run: engineDefault },
  { name: 'engine-large', run: engineLarge },
  { name: 'engine-grid-large', run: gridBench },
  { name: 'engine-worker-large', run: workerBench },
  // In-app figures (scripts/bench-browser.ts): fps, long tasks, worker epochs/s vs the engine's,
  // the largest network, and epochs/s after clicking Play.
  ...browserBenches({ default: engineDefault, large: engineLarge }),
  // First draw of the Recharts views (the finder's plot, the history overlay): scripts/bench-recharts.ts.
  rechartsBench(),
];

export function formatTable(rows: BenchResult[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.label,
    Object.entries(r.figure)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
    r.target,
    r.pass ? 'ok' : 'MISSED',
  ]);
  const head = ['bench', 'measures', 'figure', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export async function runBenches(benches: Bench[], argv: string[]): Promise<BenchResult[]> {
  const json = argv.includes('--json');
  const onlyArg = argv[argv.indexOf('--only') + 1];
  const only = argv.includes('--only') && onlyArg !== undefined ? new Set(onlyArg.split(',')) : null;
  const rows: BenchResult[] = [];
  for (const bench of benches) {
    if (only !== null && !only.has(bench.name) && !only.has(bench.name.replace(/^engine-/, ''))) continue;
    const r = await bench.run();
    rows.push(r);
    if (json)
      console.log(JSON.stringify({ name: r.name, label: r.label, ...r.figure, target: r.target, pass: r.pass }));
  }
  if (!json) console.log(formatTable(rows));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const soak = soakMinutes(argv);
  if (soak === null) await runBenches(BENCHES, argv);
  else process.exitCode = (await runSoak(soak)) ? 0 : 1;
}
