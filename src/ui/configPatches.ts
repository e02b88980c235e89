/**
 * Config changes that must move together (a dataset implies its problem type, a problem type
 * its loss). Pure: they return the patch for setConfig, so the store sees one consistent change.
 */
import { LIMITS, type DatasetName, type FeatureName, type ProblemType } from '../nn/types.ts';
import type { ExperimentConfig } from '../share/config.ts';
import { coherentConfig } from '../state/configRules.ts';
import { FEATURES } from '../nn/types.ts';

/** The keys that change when `patch` is applied with the store's coherence rules (coherentConfig). */
function coherentPatch(c: ExperimentConfig, patch: Partial<ExperimentConfig>): Partial<ExperimentConfig> {
  const next = coherentConfig({ ...c, ...patch }, patch);
  const changed = (Object.keys(next) as (keyof ExperimentConfig)[]).filter((k) => next[k] !== c[k]);
  return Object.fromEntries(changed.map((k) => [k, next[k]])) as Partial<ExperimentConfig>;
}

export function datasetPatch(c: ExperimentConfig, dataset: DatasetName): Partial<ExperimentConfig> {
  return { dataset, ...coherentPatch(c, { dataset }) };
}

export function problemPatch(c: ExperimentConfig, problem: ProblemType): Partial<ExperimentConfig> {
  return problem === c.problem ? {} : coherentPatch(c, { problem });
}

export type ShapeResult = { patch: Partial<ExperimentConfig> } | { limit: string };

export function toggleFeature(c: ExperimentConfig, f: FeatureName, on: boolean): ShapeResult {
  const set = new Set(c.features);
  if (on) set.add(f);
  else set.delete(f);
  if (set.size < LIMITS.inputs.min) return { limit: 'The network needs at least one input feature.' };
  if (set.size > LIMITS.inputs.max) return { limit: `At most ${LIMITS.inputs.max} input features.` };
  return { patch: { features: FEATURES.filter((x) => set.has(x)) } };
}

export function addLayer(c: ExperimentConfig): ShapeResult {
  if (c.hidden.length >= LIMITS.hiddenLayers.max)
    return { limit: `The network already has the most hidden layers allowed (${LIMITS.hiddenLayers.max}).` };
  const last = c.hidden.at(-1) ?? 2;
  return { patch: { hidden: [...c.hidden, Math.min(LIMITS.units.max, Math.max(2, last))] } };
}

export function removeLayer(c: ExperimentConfig): ShapeResult {
  if (c.hidden.length <= LIMITS.hiddenLayers.min) return { limit: 'There are no hidden layers to remove.' };
  return { patch: { hidden: c.hidden.slice(0, -1) } };
}

/** layer: 0-based hidden-layer index; shown to people as layer + 1. */
export function changeUnits(c: ExperimentConfig, layer: number, delta: 1 | -1): ShapeResult {
  const n = c.hidden[layer];
  if (n === undefined) return { limit: `There is no layer ${layer + 1}.` };
  const next = n + delta;
  if (next > LIMITS.units.max)
    return { limit: `Layer ${layer + 1} already has the most units allowed (${LIMITS.units.max}).` };
  if (next < LIMITS.units.min) return { limit: `Layer ${layer + 1} needs at least ${LIMITS.units.min} unit.` };
  const hidden = c.hidden.slice();
  hidden[layer] = next;
  return { patch: { hidden } };
}

/** Parse a typed learning rate; null with a message when it is not a number within the limits. */
export function parseLearningRate(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(',', '.');
  const v = t === '' ? NaN : Number(t);
  const { min, max } = LIMITS.learningRate;
  if (!Number.isFinite(v) || v < min || v > max)
    return { error: `Learning rate must be a number from ${min} to ${max}.` };
  return { value: v };
}
