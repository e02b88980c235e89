/**
 * The one adapter between a lesson step and the rest of the page: load the step's experiment,
 * set Simple/Full and the visible controls (src/state/classroom.ts), open "Under the hood"
 * (src/state/hood.ts) and break backprop on purpose (src/state/gradcheck.ts), and read the hood's
 * state for tasks.
 */
import type { ExperimentConfig } from '../share/config.ts';
import { classroomStore, setMode, setVisibleControls } from '../state/classroom.ts';
import { setBreak, useGradCheck } from '../state/gradcheck.ts';
import { openHood, useHood } from '../state/hood.ts';
import { loadExperiment, useStore } from '../state/store.ts';
import type { LessonRunState } from './conditions.ts';
import type { BreakKindName, HoodTab, LessonMode, LessonStep } from './schema.ts';

let modeBeforeLesson: LessonMode | null = null;

export function setLessonMode(mode: LessonMode): void {
  setMode(mode);
}

/** A lesson's visible controls (the Lessons button always stays), or null: the mode decides. */
export function setLessonControls(list: readonly string[] | null): void {
  setVisibleControls(list ? [...list, 'lessons'] : null);
}

export function openHoodTab(tab: HoodTab): void {
  openHood(tab);
}

export function setBreakBackprop(kind: BreakKindName): void {
  if (useGradCheck.getState().breakKind !== kind) setBreak(kind);
}

export function readHood(): LessonRunState['hood'] {
  const h = useHood.getState();
  return { open: h.open, tab: h.tab, phase: h.phase?.kind ?? null, breakKind: useGradCheck.getState().breakKind };
}

export function subscribeHood(listener: () => void): () => void {
  const a = useHood.subscribe(listener);
  const b = useGradCheck.subscribe(listener);
  return () => {
    a();
    b();
  };
}

// ---------- the step ----------

/** The step's experiment with the person's own view settings (theme, speed) kept. */
export function stepExperiment(step: LessonStep, current: ExperimentConfig): ExperimentConfig {
  return { ...step.experiment, theme: current.theme, speed: current.speed };
}

/** Enter a step: its experiment (unless it continues the last run), mode, controls and hood. */
export function applyStep(step: LessonStep): void {
  if (modeBeforeLesson === null) modeBeforeLesson = classroomStore.getState().mode;
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
