/**
 * Config → engine objects: the data (generated or drawn), its train/test split, the input
 * features, the network and its trainer, plus what a run sends once (RunInfo).
 *
 * Seeds: `dataSeed` drives generation and the split; `seed` the initial weights, and a seed
 * derived from it (seed ^ TRAINER_SALT) the trainer's shuffle/dropout stream.
 */
import { datasetFromPoints, generateDataset, splitDataset, targets, type Dataset } from '../nn/data.ts';
import { computeFeatures } from '../nn/features.ts';
import { gridPoints } from '../nn/grid.ts';
import { createNetwork, paramIndex, setWeights, type Network } from '../nn/network.ts';
import { DEFAULT_TRAIN_OPTIONS, Trainer, type Data, type TrainOptions } from '../nn/training.ts';
import {
  regionOf,
  type ActivationName,
  type FeatureName,
  type LossName,
  type OutputActivation,
  type ProblemType,
  LIMITS,
} from '../nn/types.ts';
import { tfpgRun } from './buildTfpg.ts';
import { networkSizes, outputFor, type ExperimentConfig } from '../share/config.ts';
import { HYPERPARAMETER_KEYS } from './protocol.ts';
import type { Hyperparameters, LayerLayout, RestoreState, RunInfo, RunId } from './protocol.ts';

export const TRAINER_SALT = 0x9e3779b9;
/** The output heatmap's grid (R); the thumbnails' grid (S) stays small, as they are drawn at about 40 px. */
export const DEFAULT_GRID_RESOLUTION = 100;
export const DEFAULT_HIDDEN_GRID_RESOLUTION = 50;

/** Output and thumbnail grid resolutions (RunInfo.gridResolution, hiddenGridResolution). */
export interface GridSizes {
  output: number;
  hidden: number;
}

export interface Built {
  net: Network;
  trainer: Trainer;
  train: Data;
  test: Data;
  trainSet: Dataset;
  testSet: Dataset;
  problem: ProblemType;
  /** K: 2 for classification, classes for multiclass, 1 for regression. */
  classes: number;
  outputActivation: OutputActivation;
  info: RunInfo;
}

/** Resolutions asked for by the page, clamped to LIMITS; the thumbnails' never above the output's. */
export function gridSizes(output: number | undefined, hidden: number | undefined): GridSizes {
  const { min, max } = LIMITS.gridResolution;
  const clamp = (r: number | undefined, fallback: number) =>
    r !== undefined && Number.isFinite(r) ? Math.min(max, Math.max(min, Math.round(r))) : fallback;
  const o = clamp(output, DEFAULT_GRID_RESOLUTION);
  return { output: o, hidden: Math.min(o, clamp(hidden, DEFAULT_HIDDEN_GRID_RESOLUTION)) };
}

/** The flat index of W[layer][to][from] (`from: -1`: the bias b[layer][to]); throws when there is none or value is not finite. */
export function weightIndex(net: Network, layer: number, to: number, from: number, value: number): number {
  const l = net.layers[layer];
  if (!l || !Number.isInteger(to) || to < 0 || to >= l.outSize || !Number.isFinite(value)) {
    throw new RangeError(`No weight at layer ${layer}, unit ${to}, input ${from}, or ${value} is not a finite number.`);
  }
  if (from === -1) return l.bOffset + to;
  if (Number.isInteger(from) && from >= 0 && from < l.inSize) return paramIndex(net, layer, to, from);
  throw new RangeError(`No weight at layer ${layer}, unit ${to}, input ${from}.`);
}

/** Only the Hyperparameters keys of h that are set. */
export function pickHyperparameters(h: Partial<Hyperparameters>): Partial<Hyperparameters> {
  const clean: Partial<Hyperparameters> = {};
  for (const key of HYPERPARAMETER_KEYS) if (h[key] !== undefined) (clean as Record<string, unknown>)[key] = h[key];
  return clean;
}

export function hyperparametersOf(config: ExperimentConfig): Hyperparameters {
  return {
    learningRate: config.learningRate,
    batchSize: config.batchSize,
    optimizer: config.optimizer,
    momentum: config.momentum,
    regularization: config.regularization,
    regularizationRate: config.regularizationRate,
    dropout: config.dropout,
    schedule: config.schedule,
    clipNorm: config.clipNorm,
  };
}

function loadDataset(config: ExperimentConfig): Dataset {
  if (config.dataset === 'custom') return datasetFromPoints(config.points, config.problem, config.classes);
  return generateDataset(config.dataset, {
    samples: config.samples,
    noise: config.noise,
    seed: config.dataSeed,
    classes: config.classes,
  });
}

/** The data, network and trainer of a run: ours, or TF Playground's exact ones (buildTfpg.ts). */
export interface RunParts {
  trainSet: Dataset;
  testSet: Dataset;
  classes: number;
  features: FeatureName[];
  sizes: number[];
  activations: ActivationName[];
  out: { activation: OutputActivation; loss: LossName };
  net: Network;
  train: Data;
  test: Data;
  trainer: Trainer;
}

function ourRun(config: ExperimentConfig): RunParts {
  const dataset = loadDataset(config);
  const problem = dataset.problem;
  const { train: trainSet, test: testSet } = splitDataset(dataset, config.trainPercent, config.dataSeed);
  const out = outputFor(problem, config.loss, config.output);
  const features = [...config.features];
  const sizes = networkSizes({ features, hidden: config.hidden, problem, classes: dataset.classes });
  const activations = [...config.hidden.map(() => config.activation), out.activation];
  const net = createNetwork({ sizes, activations }, config.init, config.seed);
  const train: Data = {
    x: computeFeatures(trainSet.points, features),
    y: targets(trainSet, out.activation),
    n: trainSet.n,
  };
  const test: Data = {
    x: computeFeatures(testSet.points, features),
    y: targets(testSet, out.activation),
    n: testSet.n,
  };
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...hyperparametersOf(config), loss: out.loss };
  const trainer = new Trainer(net, train, options, (config.seed ^ TRAINER_SALT) >>> 0);
  const classes = dataset.classes;
  return { trainSet, testSet, classes, features, sizes, activations, out, net, train, test, trainer };
}

export function buildRun(
  runId: RunId,
  config: ExperimentConfig,
  grids: GridSizes = { output: DEFAULT_GRID_RESOLUTION, hidden: DEFAULT_HIDDEN_GRID_RESOLUTION },
  restore?: RestoreState,
): Built {
  const parts = config.engineMode === 'tfpg' ? tfpgRun(config) : ourRun(config);
  const { trainSet, testSet, features, sizes, activations, out, net, train, test, trainer } = parts;
  const problem = trainSet.problem;
  if (restore) setWeights(net, restore.weights, restore.biases);
  if (restore) {
    trainer.epochCount = restore.epoch;
    // A state that does not fit (other data, other shape) is left out: the run continues from the
    // weights with a fresh shuffle and optimizer, as it would without one.
    if (restore.trainer) {
      try {
        trainer.restoreState(restore.trainer);
      } catch {
        /* fresh trainer state */
      }
    }
  }

  const layers: LayerLayout[] = net.layers.map((l, i) => ({
    inSize: l.inSize,
    outSize: l.outSize,
    wOffset: l.wOffset,
    bOffset: l.bOffset,
    activation: activations[i]!,
  }));
  const r = grids.hidden;
  const region = { ...regionOf(config.dataset) };
  const f = features.length;
  const sampleMajor = computeFeatures(gridPoints(region, r), features);
  const inputGrids = new Float32Array(f * r * r);
  for (let j = 0; j < f; j++) {
    for (let i = 0; i < r * r; i++) inputGrids[j * r * r + i] = sampleMajor[i * f + j]!;
  }
  const info: RunInfo = {
    runId,
    sizes,
    layers,
    paramCount: net.params.length,
    features,
    problem,
    classes: problem === 'regression' ? 1 : parts.classes,
    outputActivation: out.activation,
    loss: out.loss,
    region,
    gridResolution: grids.output,
    hiddenGridResolution: grids.hidden,
    inputGrids,
    trainPoints: trainSet.points.slice(),
    trainLabels: trainSet.labels.slice(),
    testPoints: testSet.points.slice(),
    testLabels: testSet.labels.slice(),
  };
  return {
    net,
    trainer,
    train,
    test,
    trainSet,
    testSet,
    problem,
    classes: info.classes,
    outputActivation: out.activation,
    info,
  };
}
