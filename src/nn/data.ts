/**
 * Datasets: seeded generators, train/test split, datasets from given points, training targets.
 * The code lives in src/nn/data/; this module is the one to import.
 */
export { generateDataset, type GenerateOptions, type GeneratedDatasetName } from './data/generators.ts';
export { classCount, datasetFromPoints, problemOf, splitDataset, targets, type Dataset } from './data/dataset.ts';
