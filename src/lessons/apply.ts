/**
 * The one adapter between a lesson step and the rest of the page: load the step's experiment,
 * set Simple/Full and the visible controls (branch classroom), open "Under the hood" and break
 * backprop on purpose (branches hoodstep and hoodcheck), and read the hood's state for tasks.
 *
 * COORDINATOR, at merge (names from CONTRACTS.md), replace the marked fallbacks below:
 *   - setLessonMode        → useClassroom's setMode(mode)               (src/state/classroom.ts)
 *   - setLessonControls    → useClassroom's setVisibleControls(list)    (src/state/classroom.ts)
 *     and delete the <style> fallback (controlsStyle / CONTROLS_STYLE_ID)
 *   - openHoodTab          → useHood's openHood(tab)                    (src/state/hood.ts)
 *   - setBreakBackprop     → gradcheck's setBreak(kind)                 (src/state/gradcheck.ts)
 *   - readHood             → { open, tab, phase: phase?.kind ?? null, breakKind } from
 *                            useHood.getState() and the gradcheck store's current break
 *   - subscribeHood        → subscribe to both stores
 */
import type { ExperimentConfig } from '../share/config.ts';
import { loadExperiment, useStore } from '../state/store.ts';
import type { LessonRunState } from './conditions.ts';
import type { BreakKindName, HoodTab, LessonMode, LessonStep } from './schema.ts';

// ---------- classroom (fallbacks until the classroom branch is merged) ----------

let modeBeforeLesson: LessonMode | null = null;
let currentMode: LessonMode | null = null;

/** FALLBACK (classroom not merged): remembers the mode only. Wire to setMode. */
export function setLessonMode(mode: LessonMode | null): void {
  currentMode = mode;
}

export const CONTROLS_STYLE_ID = 'lesson-controls-style';

/**
 * FALLBACK (classroom not merged): hide every [data-control] not in `list` with one <style>
 * element (names are checked against /^[A-Za-z0-9_-]+$/ by the schema, so they cannot escape
 * the selector). The Lessons button and panel are never hidden. Wire to setVisibleControls.
 */
export function setLessonControls(list: readonly string[] | null): void {
  if (typeof document === 'undefined') return;
  document.getElementById(CONTROLS_STYLE_ID)?.remove();
  if (!list) return;
  const keep = [...list.filter((n) => /^[A-Za-z0-9_-]+$/.test(n)), 'lessons']
    .map((n) => `[data-control="${n}"]`)
    .join(',');
  const style = document.createElement('style');
  style.id = CONTROLS_STYLE_ID;
  style.textContent = `.app [data-control]:not(${keep}) { display: none !important; }`;
  document.head.appendChild(style);
}

// ---------- under the hood (fallbacks until hoodstep/hoodcheck are merged) ----------

/** FALLBACK (hoodstep not merged): does nothing. Wire to useHood's openHood(tab). */
export function openHoodTab(tab: HoodTab): void {
  void tab;
}

/** FALLBACK (hoodcheck not merged): does nothing. Wire to gradcheck's setBreak(kind). */
export function setBreakBackprop(kind: BreakKindName): void {
  void kind;
}

/** FALLBACK: null (no hood in this build), so hood tasks are never met. Wire to useHood + gradcheck. */
export function readHood(): LessonRunState['hood'] {
  return null;
}

/** FALLBACK: nothing to subscribe to. Wire to useHood.subscribe and the gradcheck store's subscribe. */
export function subscribeHood(listener: () => void): () => void {
  void listener;
  return () => undefined;
}

// ---------- the step ----------

/** The step's experiment with the person's own view settings (theme, speed) kept. */
export function stepExperiment(step: LessonStep, current: ExperimentConfig): ExperimentConfig {
  return { ...step.experiment, theme: current.theme, speed: current.speed };
}

/** Enter a step: its experiment (unless it continues the last run), mode, controls and hood. */
export function applyStep(step: LessonStep): void {
  if (modeBeforeLesson === null) modeBeforeLesson = currentMode ?? 'full';
  if (!step.keep) loadExperiment(stepExperiment(step, useStore.getState().config));
  if (step.mode) setLessonMode(step.mode);
  setLessonControls(step.controls ?? null);
  if (step.hood?.breakBackprop) setBreakBackprop(step.hood.breakBackprop);
  else if (!step.keep) setBreakBackprop('none');
  if (step.hood?.open) openHoodTab(step.hood.open);
}

/** Leave the lesson: every control visible again, the mode as before, backprop right. */
export function leaveLessonView(): void {
  setLessonControls(null);
  if (modeBeforeLesson !== null) setLessonMode(modeBeforeLesson);
  modeBeforeLesson = null;
  setBreakBackprop('none');
}

/** What a task looks at, now. */
export function lessonRunState(): LessonRunState {
  const s = useStore.getState();
  return { config: s.config, run: s.run, hood: readHood() };
}
