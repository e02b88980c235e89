/**
 * The link codec, pure: ExperimentConfig + view ↔ the URL hash. No `location` here (url.ts).
 *
 * Format (version 1): readable key=value pairs joined by `&`, every config field written, e.g.
 *   #v=1&dataset=spiral&dataSeed=1&noise=0&samples=500&train=50&classes=3&features=x,y
 *    &hidden=8,8,4&activation=tanh&problem=classification&loss=mse&output=tanh
 *    &init=uniform&seed=1&batch=10&optimizer=sgd&lr=0.03&momentum=0.9&reg=none&regRate=0&dropout=0
 *    &schedule=constant&clip=0&speed=30&showTest=0&discretize=0&theme=auto&tfpgExact=0&tfSeed=
 * stopEpoch=N and stopLoss=x (the stop conditions) are written only when set.
 * batch=all is full-batch training (BATCH_ALL); speed is epochs per second or max. A link without
 * `output` (older links) gets the default output of its problem and loss.
 * then, when set: points=<lz-string> (the custom dataset, compressed), hide=a,b, views=a,b, embed=1,
 * mode=simple|full.
 * Numbers are written with JavaScript's shortest round-trip form, so a link reproduces the
 * config bit for bit. Values are percent-encoded except A-Z a-z 0-9 , . _ ~ - + $.
 *
 * Decoding never throws: every value goes through the schema (defaults, clamps, notices).
 * A hash with no `v` and TF Playground's keys is read as a TF Playground link.
 */
import { BATCH_ALL, DEFAULT_CONFIG, type DataPoint, type ExperimentConfig } from './config.ts';
import {
  DEFAULT_VIEW,
  isHideableId,
  normalizeView,
  panelId,
  type HideableId,
  type PanelId,
  type ViewState,
} from './embed.ts';
import { compressForUri, decompressFromUri } from './lz.ts';
import { cloneConfig, describeValue, SHARE_LIMITS, validateConfig, type ConfigNotice } from './schema.ts';
import { fromTfPlayground, looksLikeTfPlayground } from './tfPlayground.ts';

export const LINK_VERSION = 1;
/** Above this many characters of compressed points, points stay out of the link (use the file). */
export const POINTS_LINK_LIMIT = 8000;
/** A longer hash is not read at all. */
export const MAX_HASH_CHARS = 16_384;
/** At most this many characters of points text are decompressed (2,000 points of ~3 × 24 chars). */
const MAX_POINTS_TEXT = SHARE_LIMITS.points.max * 80;
/** Written instead of the points when they were too many for a link. */
export const POINTS_OMITTED = 'file';

/** 'optional': a number or null (off); null is not written, and a missing key reads as off. */
type Kind = 'text' | 'number' | 'bool' | 'numbers' | 'texts' | 'speed' | 'batch' | 'optional' | 'mode';

/** The link's keys, one per config field, in the order they are written (like TF's state.ts table). */
export const LINK_FIELDS: readonly (readonly [keyof ExperimentConfig, string, Kind])[] = [
  ['dataset', 'dataset', 'text'],
  ['dataSeed', 'dataSeed', 'number'],
  ['noise', 'noise', 'number'],
  ['samples', 'samples', 'number'],
  ['trainPercent', 'train', 'number'],
  ['classes', 'classes', 'number'],
  ['features', 'features', 'texts'],
  ['hidden', 'hidden', 'numbers'],
  ['activation', 'activation', 'text'],
  ['problem', 'problem', 'text'],
  ['loss', 'loss', 'text'],
  ['output', 'output', 'text'],
  ['init', 'init', 'text'],
  ['seed', 'seed', 'number'],
  ['batchSize', 'batch', 'batch'],
  ['optimizer', 'optimizer', 'text'],
  ['learningRate', 'lr', 'number'],
  ['momentum', 'momentum', 'number'],
  ['regularization', 'reg', 'text'],
  ['regularizationRate', 'regRate', 'number'],
  ['dropout', 'dropout', 'number'],
  ['schedule', 'schedule', 'text'],
  ['clipNorm', 'clip', 'number'],
  ['speed', 'speed', 'speed'],
  ['stopEpoch', 'stopEpoch', 'optional'],
  ['stopTestLoss', 'stopLoss', 'optional'],
  ['showTestData', 'showTest', 'bool'],
  ['discretize', 'discretize', 'bool'],
  ['theme', 'theme', 'text'],
  // tfpgExact=1: train as TF Playground does (a key TF Playground ignores, so a TF link can carry it).
  ['engineMode', 'tfpgExact', 'mode'],
  ['tfSeed', 'tfSeed', 'text'],
];

/** Every key a native link may hold (`<id>_hide` aside). */
export const NATIVE_KEYS: ReadonlySet<string> = new Set([
  'v',
  'points',
  'hide',
  'views',
  'embed',
  'mode',
  ...LINK_FIELDS.map(([, key]) => key),
]);

export function escapeValue(s: string): string {
  return s.replace(/[^A-Za-z0-9,._~\-+$]/g, (ch) =>
    encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  );
}

function unescapeValue(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed % sequence: keep the text; the schema judges it
  }
}

// ---------- points ----------

export function pointsToText(points: readonly DataPoint[]): string {
  return points.map((p) => `${p.x},${p.y},${p.label}`).join(';');
}

/** "x,y,label;..." → points; null if any part is not a number. */
export function pointsFromText(text: string): DataPoint[] | null {
  if (text === '') return [];
  const out: DataPoint[] = [];
  for (const item of text.split(';')) {
    const parts = item.split(',');
    if (parts.length !== 3) return null;
    const [x, y, label] = parts.map(strictNumber);
    if (typeof x !== 'number' || typeof y !== 'number' || typeof label !== 'number') return null;
    out.push({ x, y, label });
  }
  return out;
}

// ---------- encode ----------

export interface EncodeResult {
  /** Starts with '#'. */
  hash: string;
  /** The custom points were too many for a link: the link opens without them (offer the file). */
  pointsOmitted: boolean;
  /** Compressed size of the points, characters (0 without points). */
  pointsChars: number;
}

function formatValue(value: ExperimentConfig[keyof ExperimentConfig], kind: Kind): string {
  switch (kind) {
    case 'bool':
      return value ? '1' : '0';
    case 'batch':
      return value === BATCH_ALL ? 'all' : String(value);
    case 'mode':
      return value === 'tfpg' ? '1' : '0';
    case 'numbers':
    case 'texts':
      return (value as readonly (string | number)[]).join(',');
    default:
      return String(value);
  }
}

export function encodeHash(config: ExperimentConfig, viewState: ViewState = DEFAULT_VIEW): EncodeResult {
  const view = normalizeView(viewState.hide, viewState.views, viewState.embed, viewState.mode);
  const pairs: string[] = [`v=${LINK_VERSION}`];
  for (const [field, key, kind] of LINK_FIELDS) {
    if (kind === 'optional' && config[field] === null) continue;
    pairs.push(`${key}=${escapeValue(formatValue(config[field], kind))}`);
  }
  let pointsOmitted = false;
  let pointsChars = 0;
  if (config.points.length > 0) {
    const packed = compressForUri(pointsToText(config.points));
    pointsChars = packed.length;
    if (packed.length > POINTS_LINK_LIMIT) {
      pointsOmitted = true;
      pairs.push(`points=${POINTS_OMITTED}`);
    } else pairs.push(`points=${packed}`);
  }
  if (view.hide.length > 0) pairs.push(`hide=${view.hide.join(',')}`);
  if (view.views) pairs.push(`views=${view.views.join(',')}`);
  if (view.embed) pairs.push('embed=1');
  if (view.mode) pairs.push(`mode=${view.mode}`);
  return { hash: `#${pairs.join('&')}`, pointsOmitted, pointsChars };
}

// ---------- decode ----------

export type LinkSource = 'empty' | 'native' | 'tfPlayground' | 'rejected';

export interface DecodeResult {
  config: ExperimentConfig;
  view: ViewState;
  notices: ConfigNotice[];
  source: LinkSource;
  /** The link said its points were left out (too many): only the file has them. */
  pointsOmitted: boolean;
}

function strictNumber(s: string): number | string {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : s;
}

function parseValue(s: string, kind: Kind): unknown {
  switch (kind) {
    case 'number':
      return strictNumber(s);
    case 'bool':
      return s === '1' || s === 'true' ? true : s === '0' || s === 'false' ? false : s;
    case 'numbers': {
      if (s === '' || s === 'none') return [];
      const parts = s.split(',', 10_001).map(strictNumber);
      return parts.every((p) => typeof p === 'number') ? parts : s;
    }
    case 'texts':
      return s === '' ? [] : s.split(',', 10_001);
    case 'speed':
      return s === 'max' ? s : strictNumber(s);
    case 'batch':
      return s === 'all' ? BATCH_ALL : strictNumber(s);
    case 'optional':
      return s === '' || s === 'off' ? null : strictNumber(s);
    case 'mode':
      return s === '1' || s === 'true' ? 'tfpg' : s === '0' || s === 'false' ? 'ours' : s;
    default:
      return s;
  }
}

/** The hash's pairs, decoded; later keys win. Keys that could poison an object are never used as keys here. */
export function splitHash(hash: string): Map<string, string> {
  const params = new Map<string, string>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return params;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = unescapeValue(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : unescapeValue(pair.slice(eq + 1));
    params.set(key, value);
  }
  return params;
}

function listParam(s: string | undefined): string[] {
  return s === undefined || s === '' ? [] : s.split(',', 200);
}

function readView(params: ReadonlyMap<string, string>, extraHide: HideableId[], notices: ConfigNotice[]): ViewState {
  const hide = [...extraHide];
  const unknown: string[] = [];
  for (const id of listParam(params.get('hide'))) {
    if (isHideableId(id)) hide.push(id);
    else unknown.push(id);
  }
  for (const [key, value] of params) {
    if (!key.endsWith('_hide') || (value !== 'true' && value !== '1')) continue;
    const id = key.slice(0, -5);
    if (isHideableId(id)) hide.push(id);
  }
  let views: PanelId[] | null = null;
  if (params.has('views')) {
    views = [];
    for (const name of listParam(params.get('views'))) {
      const p = panelId(name);
      if (p) views.push(p);
      else unknown.push(name);
    }
    if (views.length === 0) {
      notices.push({ field: 'views', message: 'views: no known panel named; showing every panel.' });
      views = null;
    }
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map(describeValue).join(', ');
    notices.push({
      field: 'hide',
      message: `hide/views: ignored ${unknown.length} unknown name${unknown.length > 1 ? 's' : ''} (${shown}).`,
    });
  }
  const embedText = params.get('embed');
  const embed = embedText === '1' || embedText === 'true';
  const modeText = params.get('mode');
  const mode = modeText === 'simple' || modeText === 'full' ? modeText : undefined;
  if (modeText !== undefined && mode === undefined)
    notices.push({ field: 'mode', message: `mode: ${describeValue(modeText)} is not simple or full; ignored.` });
  return normalizeView(hide, views, embed, mode);
}

function readPoints(text: string, notices: ConfigNotice[]): DataPoint[] | string | undefined {
  if (text.length > POINTS_LINK_LIMIT * 2) {
    notices.push({
      field: 'points',
      message: `points: the link's points are too long to read (${text.length} characters); opened without them.`,
    });
    return undefined;
  }
  const unpacked = decompressFromUri(text, MAX_POINTS_TEXT);
  const points = unpacked === null ? null : pointsFromText(unpacked);
  if (points === null) {
    notices.push({ field: 'points', message: "points: the link's points could not be read; opened without them." });
    return undefined;
  }
  return points;
}

/** Any string in: a valid config, a view and notices out. Never throws. */
export function decodeHash(hash: string): DecodeResult {
  const result = (
    config: ExperimentConfig,
    notices: ConfigNotice[],
    source: LinkSource,
    view = DEFAULT_VIEW,
    pointsOmitted = false,
  ) => ({
    config,
    view,
    notices,
    source,
    pointsOmitted,
  });
  try {
    if (typeof hash !== 'string') return result(cloneConfig(DEFAULT_CONFIG), [], 'empty');
    if (hash.length > MAX_HASH_CHARS) {
      return result(
        cloneConfig(DEFAULT_CONFIG),
        [
          {
            field: 'link',
            message: `The link is too long (${hash.length} characters; at most ${MAX_HASH_CHARS} are read): opened the default experiment.`,
          },
        ],
        'rejected',
      );
    }
    const params = splitHash(hash);
    if (params.size === 0) return result(cloneConfig(DEFAULT_CONFIG), [], 'empty');
    const notices: ConfigNotice[] = [];

    if (looksLikeTfPlayground(params, NATIVE_KEYS)) {
      const tf = fromTfPlayground(params);
      const v = validateConfig(tf.raw);
      return result(v.config, [...tf.notices, ...v.notices], 'tfPlayground', readView(params, tf.hide, notices));
    }

    const version = params.get('v');
    if (version !== undefined && version !== String(LINK_VERSION)) {
      notices.push({
        field: 'v',
        message: `v: this link has format version ${describeValue(version)}; this playground reads version ${LINK_VERSION}, so some settings may differ.`,
      });
    }
    const raw: Record<string, unknown> = {};
    for (const [field, key, kind] of LINK_FIELDS) {
      const text = params.get(key);
      if (text !== undefined) raw[field] = parseValue(text, kind);
    }
    let pointsOmitted = false;
    const pointsText = params.get('points');
    if (pointsText === POINTS_OMITTED) {
      pointsOmitted = true;
      notices.push({
        field: 'points',
        message: 'points: this experiment had too many points for a link; open its experiment file to get them.',
      });
    } else if (pointsText !== undefined && pointsText !== '') {
      const points = readPoints(pointsText, notices);
      if (points !== undefined) raw.points = points;
    }
    const view = readView(params, [], notices);
    const v = validateConfig(raw);
    return result(v.config, [...notices, ...v.notices], 'native', view, pointsOmitted);
  } catch (err) {
    return result(
      cloneConfig(DEFAULT_CONFIG),
      [
        {
          field: 'link',
          message: `The link could not be read (${describeValue(String(err))}): opened the default experiment.`,
        },
      ],
      'rejected',
    );
  }
}
