/**
 * A comparison of two runs in a link and in a file: run A is the link's (or file's) experiment as
 * always; run B rides along in one versioned field, so older links and files are unchanged and a
 * playground without Compare ignores it.
 *
 * Link: `&compare=<lz-string of JSON>`, the JSON being
 *   { "v": 1, "editing": "A" | "B", "b": { ...B's settings that differ from A's } }
 * (the settings both runs share, SHARED_KEYS, always come from A).
 * File: `"compare": { "version": 1, "editing": "A" | "B", "b": { config, weights, biases, epoch, history, trainer } }`,
 * B's part read like a whole experiment file (file.ts readExperiment).
 * Both are read through zod and never throw: what cannot be read is dropped with a notice.
 */
import { z } from 'zod';
import type { ExperimentConfig } from './config.ts';
import { compressForUri, decompressFromUri } from './lz.ts';
import { validateConfig, type ConfigNotice } from './schema.ts';

export const COMPARE_KEY = 'compare';
export const COMPARE_VERSION = 1;
/** At most this many characters of the compare field are decompressed. */
const MAX_COMPARE_TEXT = 200_000;

/** Settings both runs share: the data, the seed, the speed and the view. */
export const SHARED_KEYS = [
  'dataset',
  'dataSeed',
  'noise',
  'samples',
  'trainPercent',
  'classes',
  'points',
  'problem',
  'seed',
  'speed',
  'showTestData',
  'discretize',
  'theme',
] as const satisfies readonly (keyof ExperimentConfig)[];
const SHARED: ReadonlySet<string> = new Set(SHARED_KEYS);

export type Editing = 'A' | 'B';

export interface Comparison {
  b: ExperimentConfig;
  editing: Editing;
}

/** Only the zod parts the file format already uses: z.string/z.record would pull ~25 KB of string formats into the bundle. */
const editingShape = z.union([z.literal('A'), z.literal('B')]).optional();
const ownShape = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
const linkShape = z.object({ v: z.literal(COMPARE_VERSION), editing: editingShape, b: ownShape });

/** B's config: A's with B's own settings; the shared ones always A's. */
export function secondConfig(
  a: ExperimentConfig,
  own: Record<string, unknown>,
): { config: ExperimentConfig; notices: ConfigNotice[] } {
  const raw: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(own)) if (!SHARED.has(k) && Object.hasOwn(a, k)) raw[k] = v;
  const v = validateConfig(raw, a);
  return { config: v.config, notices: v.notices.map((n) => ({ ...n, message: `B: ${n.message}` })) };
}

/** The link's compare pair (`compare=...`) for runs A and B. */
export function encodeComparePair(a: ExperimentConfig, b: ExperimentConfig, editing: Editing): string {
  const own: Record<string, unknown> = {};
  for (const k of Object.keys(b) as (keyof ExperimentConfig)[])
    if (!SHARED.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])) own[k] = b[k];
  return `${COMPARE_KEY}=${compressForUri(JSON.stringify({ v: COMPARE_VERSION, editing, b: own }))}`;
}

/** The comparison a link's compare value holds, given run A's config; null when there is none. */
export function decodeCompareValue(
  text: string | undefined,
  a: ExperimentConfig,
): { comparison: Comparison | null; notices: ConfigNotice[] } {
  if (text === undefined || text === '') return { comparison: null, notices: [] };
  const fail = (why: string) => ({
    comparison: null,
    notices: [{ field: COMPARE_KEY, message: `compare: ${why}; opened run A alone.` }],
  });
  try {
    const json = decompressFromUri(text, MAX_COMPARE_TEXT);
    if (json === null) return fail('the second run could not be read');
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return fail('the second run is not JSON');
    }
    const r = linkShape.safeParse(parsed);
    if (!r.success) return fail(`the second run is not in version ${COMPARE_VERSION}'s form`);
    const { config, notices } = secondConfig(a, r.data.b);
    return { comparison: { b: config, editing: r.data.editing ?? 'A' }, notices };
  } catch (err) {
    return fail(`the second run could not be read (${String(err).slice(0, 80)})`);
  }
}

const fileShape = z.object({ version: z.literal(COMPARE_VERSION), editing: editingShape, b: ownShape });

/** The file's compare field, checked: B's part (to read as an experiment) and the run being edited; null when absent or unreadable. */
export function readCompareField(
  value: unknown,
  notices: ConfigNotice[],
): { b: Record<string, unknown>; editing: Editing } | null {
  if (value === undefined) return null;
  const r = fileShape.safeParse(value);
  if (!r.success) {
    notices.push({
      field: COMPARE_KEY,
      message: `compare: the second run is not in version ${COMPARE_VERSION}'s form; opened run A alone.`,
    });
    return null;
  }
  return { b: r.data.b, editing: r.data.editing ?? 'A' };
}
