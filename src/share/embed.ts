/**
 * Classroom and embed modes: which panels and controls a link hides. The UI reads HIDEABLE (what
 * can be hidden, with a label) and `isHidden(view, id)`; the codec reads and writes ViewState.
 *
 * A link hides things three ways, all combinable:
 *   hide=learningRate,chart    a list of ids
 *   learningRate_hide=true     one id at a time, as TF Playground writes it
 *   views=output,chart         show only these panels (every other panel is hidden)
 *   embed=1                    a focused page for an iframe: no title bar text, no share/file tools
 *   mode=simple                Simple mode (or mode=full), see src/state/classroom.ts
 */
import { FEATURES } from '../nn/types.ts';

/** The panels of the page, the ones a link can hide (App's `hidden`). */
export const PANEL_IDS = ['data', 'features', 'hyper', 'network', 'output', 'chart'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/**
 * The tools (buttons) in the top bar and panels, by their data-control names: Explain step, Batch
 * step, Code, Compare, History, More, Lessons (a lesson's own list never hides it:
 * src/state/classroom.ts) and the Hyperparameters panel's "Find a learning rate".
 */
export const TOOL_IDS = [
  'explain',
  'batch-step',
  'code',
  'compare',
  'history',
  'more',
  'lessons',
  'lr-finder',
] as const;

/** Controls a link can hide, named like the config field they set (features by feature name). */
export const CONTROL_IDS = [
  'dataset',
  'noise',
  'trainPercent',
  'samples',
  'classes',
  'dataSeed',
  'regenerate',
  'batchSize',
  'hidden',
  'activation',
  'problem',
  'loss',
  'init',
  'seed',
  'optimizer',
  'learningRate',
  'momentum',
  'regularization',
  'regularizationRate',
  'dropout',
  'schedule',
  'clipNorm',
  'speed',
  'showTestData',
  'discretize',
  'theme',
  'play',
  'step',
  'reset',
  'draw',
  /** The title and explanatory text (TF Playground's hideText). */
  'text',
  /** Copy link, export and import. */
  'share',
  /** The output layer's activation (the Hyperparameters panel's Output). */
  'outputActivation',
  'confusion',
  /** The top bar's Stop menu, and its two fields. */
  'stop',
  'stopEpoch',
  'stopTestLoss',
  /** The Data and Hyperparameters panels' Advanced disclosures. */
  'advancedData',
  'advancedHyper',
  ...TOOL_IDS,
  ...FEATURES,
] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

export type HideableId = PanelId | ControlId;

export const HIDEABLE_IDS: readonly HideableId[] = [...PANEL_IDS, ...CONTROL_IDS];
const HIDEABLE: ReadonlySet<string> = new Set(HIDEABLE_IDS);

/** Friendlier names accepted in `views=`. */
export const VIEW_ALIASES: Readonly<Record<string, PanelId>> = {
  loss: 'chart',
  boundary: 'output',
  diagram: 'network',
  hyperparameters: 'hyper',
  inputs: 'features',
};

/** Simple or Full (src/state/classroom.ts). */
export type ViewMode = 'simple' | 'full';

export interface ViewState {
  /** Sorted, unique. */
  hide: HideableId[];
  /** Show only these panels; null shows every panel not hidden. */
  views: PanelId[] | null;
  embed: boolean;
  /** The link's mode= (Simple or Full), when it has one: applied once on opening it. */
  mode?: ViewMode;
}

export const DEFAULT_VIEW: ViewState = { hide: [], views: null, embed: false };

export function isHideableId(id: string): id is HideableId {
  return HIDEABLE.has(id);
}

export function panelId(name: string): PanelId | null {
  if ((PANEL_IDS as readonly string[]).includes(name)) return name as PanelId;
  return VIEW_ALIASES[name] ?? null;
}

/** Whether a panel or control is hidden in this view. */
export function isHidden(view: ViewState, id: HideableId): boolean {
  if (view.hide.includes(id)) return true;
  if (view.views && (PANEL_IDS as readonly string[]).includes(id)) return !view.views.includes(id as PanelId);
  if (view.embed && (id === 'share' || id === 'text')) return true;
  return false;
}

/** The panels to leave out, for App's `hidden` prop. */
export function hiddenPanels(view: ViewState): Set<PanelId> {
  return new Set(PANEL_IDS.filter((p) => isHidden(view, p)));
}

/** The hidden controls (panels excluded), e.g. for `data-hide` on the root. */
export function hiddenControls(view: ViewState): ControlId[] {
  return CONTROL_IDS.filter((c) => isHidden(view, c));
}

export function normalizeView(
  hide: Iterable<HideableId>,
  views: PanelId[] | null,
  embed: boolean,
  mode?: ViewMode,
): ViewState {
  const set = new Set(hide);
  const view: ViewState = {
    hide: HIDEABLE_IDS.filter((id) => set.has(id)),
    views: views ? PANEL_IDS.filter((p) => views.includes(p)) : null,
    embed,
  };
  if (mode) view.mode = mode;
  return view;
}
