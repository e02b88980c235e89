/**
 * What a generated program needs from an experiment: the data as points and labels (train and
 * test), the layer sizes and activations, the initial weights of the run, every training setting
 * and the trainer's seed. Built the way the worker builds a run (src/worker/build.ts), so the
 * program starts from exactly the numbers the playground starts from.
 */
import type { NestedWeights } from '../nn/network.ts';
import type { TrainOptions } from '../nn/training.ts';
import type { FeatureName, HiddenActivation, OutputActivation, ProblemType } from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { buildRun, TRAINER_SALT } from '../worker/build.ts';

/** Points (n*2, x then y per point) and labels (n: class index or regression value). */
export interface CodeData {
  points: number[];
  labels: number[];
}

/** The training settings are the engine's own (TrainOptions), as the worker gives them to the trainer. */
export interface CodeExperiment extends TrainOptions {
  features: FeatureName[];
  /** [inputs, ...hidden, outputs]. */
  sizes: number[];
  hiddenActivation: HiddenActivation;
  outputActivation: OutputActivation;
  problem: ProblemType;
  /** K: output units of a softmax (classes); 1 otherwise. */
  outputs: number;
  /** The trainer's shuffle/dropout seed (seed ^ TRAINER_SALT), a uint32. */
  trainerSeed: number;
  /** Epochs the program trains. */
  epochs: number;
  train: CodeData;
  test: CodeData;
  /** Engine layout: weights[l][to][from], biases[l][to]. */
  initial: NestedWeights;
}

/** The article trains 10,000 epochs; any other experiment 1,000 unless asked (the program says how to change it). */
export function defaultEpochs(config: Pick<ExperimentConfig, 'dataset'>): number {
  return config.dataset === 'xorTable' ? 10_000 : 1_000;
}

/**
 * The experiment a config describes, built like the worker builds its run. `initial` overrides the
 * seeded initial weights (e.g. a run that started from weights set by hand).
 */
export function codeExperiment(
  config: ExperimentConfig,
  epochs = defaultEpochs(config),
  initial?: NestedWeights,
): CodeExperiment {
  const b = buildRun(0, config, { output: 2, hidden: 2 });
  const o = b.trainer.options;
  const net = b.net;
  const weights: NestedWeights = initial ?? {
    weights: net.layers.map((L) =>
      Array.from({ length: L.outSize }, (_, j) =>
        Array.from(net.params.subarray(L.wOffset + j * L.inSize, L.wOffset + (j + 1) * L.inSize)),
      ),
    ),
    biases: net.layers.map((L) => Array.from(net.params.subarray(L.bOffset, L.bOffset + L.outSize))),
  };
  return {
    features: [...b.info.features],
    sizes: [...b.info.sizes],
    hiddenActivation: config.activation,
    outputActivation: b.outputActivation,
    problem: b.problem,
    outputs: b.info.sizes[b.info.sizes.length - 1]!,
    ...o,
    trainerSeed: trainerSeedOf(config.seed),
    epochs,
    train: { points: Array.from(b.trainSet.points), labels: Array.from(b.trainSet.labels) },
    test: { points: Array.from(b.testSet.points), labels: Array.from(b.testSet.labels) },
    initial: weights,
  };
}

/** The worker's trainer seed (build.ts). */
function trainerSeedOf(seed: number): number {
  return (seed ^ TRAINER_SALT) >>> 0;
}

/** Dropout acts on hidden layers only: none without one. */
export function dropsOut(e: CodeExperiment): boolean {
  return e.dropout > 0 && e.sizes.length > 2;
}
