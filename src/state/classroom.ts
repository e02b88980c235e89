/**
 * Classroom mode: Simple or Full, and the controls a lesson leaves visible. Its own small zustand
 * store; the page applies it through the same hiding as a link's `hide=` (classroomHidden → the
 * ShareApp's data-hide on the root, src/share/embed.ts), not a second mechanism.
 *
 * - mode: 'simple' shows what a first lesson needs (SIMPLE_CONTROLS); 'full' everything. The
 *   person's choice is remembered in localStorage; a link (mode=) or a lesson sets it too.
 * - visibleControls: data-control names a lesson shows (every other hideable control is hidden);
 *   null: no lesson restriction, the mode decides. A list overrides the mode.
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { CONTROL_IDS, type ControlId, type HideableId, type PanelId } from '../share/embed.ts';

export type Mode = 'simple' | 'full';
export const MODES: readonly Mode[] = ['simple', 'full'];

export interface ClassroomState {
  mode: Mode;
  visibleControls: string[] | null;
}

export const MODE_STORAGE_KEY = 'nn-playground:mode';

/** What Simple shows: the datasets, x, y, x², y², hidden layers and units, learning rate, activation, Play/Step/Reset. */
export const SIMPLE_CONTROLS: readonly ControlId[] = [
  'dataset',
  'x',
  'y',
  'x2',
  'y2',
  'hidden',
  'learningRate',
  'activation',
  'play',
  'step',
  'reset',
  // The page's frame: the title, the theme (a projector), the link.
  'text',
  'theme',
  'share',
  // The top bar's Explain / Batch step, Lessons and More (Compare, History, Code and the
  // learning-rate finder are for Full).
  'explain',
  'batch-step',
  'lessons',
  'more',
];

/** Shown whatever a lesson's list says: the way back to the lessons, and the fold the narrow top bar's tools sit in. */
const ALWAYS_SHOWN: readonly ControlId[] = ['lessons', 'more'];

/** The controls each settings panel holds: a panel none of whose controls is visible is left out. */
const PANEL_CONTROLS: Partial<Record<PanelId, readonly ControlId[]>> = {
  data: ['dataset', 'noise', 'trainPercent', 'batchSize', 'classes', 'regenerate', 'samples', 'dataSeed'],
  features: ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY', 'cosX', 'cosY'],
  hyper: [
    'learningRate',
    'activation',
    'optimizer',
    'regularization',
    'regularizationRate',
    'problem',
    'loss',
    'outputActivation',
    'momentum',
    'dropout',
    'schedule',
    'clipNorm',
    'init',
    'seed',
  ],
};

/** Containers (the Advanced disclosures, the Stop menu) and what is inside each: shown when something inside is. */
const ADVANCED: Partial<Record<ControlId, readonly ControlId[]>> = {
  stop: ['stopEpoch', 'stopTestLoss'],
  advancedData: ['samples', 'dataSeed'],
  advancedHyper: ['momentum', 'dropout', 'schedule', 'clipNorm', 'init', 'seed'],
};

function readStoredMode(): Mode {
  try {
    const v = globalThis.localStorage?.getItem(MODE_STORAGE_KEY);
    return v === 'simple' || v === 'full' ? v : 'full';
  } catch {
    return 'full'; // storage blocked (privacy settings): Full, not remembered
  }
}

export const classroomStore = createStore<ClassroomState>()(() => ({
  mode: readStoredMode(),
  visibleControls: null,
}));

/** `useClassroom(s => s.mode)`; also getState/subscribe. */
function useBound<T>(selector: (s: ClassroomState) => T): T {
  return useZustandStore(classroomStore, selector);
}
export const useClassroom = Object.assign(useBound, {
  getState: classroomStore.getState,
  setState: classroomStore.setState,
  subscribe: classroomStore.subscribe,
});

/** Switch Simple / Full, and remember it for the next visit. */
export function setMode(mode: Mode): void {
  classroomStore.setState({ mode });
  try {
    globalThis.localStorage?.setItem(MODE_STORAGE_KEY, mode);
  } catch {
    // not remembered; the switch still works for this visit
  }
}

/** A lesson's visible controls (data-control names), or null to let the mode decide. */
export function setVisibleControls(list: readonly string[] | null): void {
  classroomStore.setState({ visibleControls: list ? [...list] : null });
}

/**
 * The panels and controls to hide for this mode and lesson list, for the same hiding as a link's
 * hide= (merged with it in ShareApp). Names not in CONTROL_IDS are not hideable and stay visible.
 */
export function classroomHidden(s: ClassroomState): HideableId[] {
  const shown: ReadonlySet<string> | null = s.visibleControls
    ? new Set([...s.visibleControls, ...ALWAYS_SHOWN])
    : s.mode === 'simple'
      ? new Set<string>(SIMPLE_CONTROLS)
      : null;
  if (!shown) return [];
  const hidden: HideableId[] = [];
  for (const id of CONTROL_IDS) {
    const inside = ADVANCED[id];
    const visible = inside ? inside.some((c) => shown.has(c)) : shown.has(id);
    if (!visible) hidden.push(id);
  }
  for (const [panel, controls] of Object.entries(PANEL_CONTROLS) as [PanelId, readonly ControlId[]][]) {
    if (!controls.some((c) => shown.has(c))) hidden.push(panel);
  }
  return hidden;
}

/** Back to a first visit (tests). */
export function resetClassroomForTests(): void {
  classroomStore.setState({ mode: readStoredMode(), visibleControls: null });
}
