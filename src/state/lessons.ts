/**
 * The Lessons panel's state (its own small store, like the other features of this round): whether
 * the panel is open, the lesson being played and its step, which steps' tasks were met (a task
 * stays "✓ Done" once met in that visit of the step), and the teacher's draft while editing.
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lesson } from '../lessons/schema.ts';

export type LessonSource = 'builtin' | 'link' | 'file' | 'draft';

export interface LessonsState {
  /** The panel is shown (the list, a lesson, or the editor). */
  open: boolean;
  lesson: Lesson | null;
  source: LessonSource | null;
  step: number;
  /** Step index → its task was met. */
  done: Record<number, boolean>;
  /** The teacher's lesson being written (kept while previewing). */
  draft: Lesson | null;
  editing: boolean;
}

const INITIAL: LessonsState = {
  open: false,
  lesson: null,
  source: null,
  step: 0,
  done: {},
  draft: null,
  editing: false,
};

export const lessonsStore = createStore<LessonsState>()(() => ({ ...INITIAL }));

export function useLessons<T>(selector: (s: LessonsState) => T): T {
  return useZustandStore(lessonsStore, selector);
}

export function openLessons(): void {
  lessonsStore.setState({ open: true });
}

export function closeLessons(): void {
  lessonsStore.setState({ open: false });
}

export function startLesson(lesson: Lesson, source: LessonSource): void {
  lessonsStore.setState({ open: true, lesson, source, step: 0, done: {}, editing: false });
}

/** Go to step `i` (clamped); its task starts not done. */
export function goToStep(i: number): void {
  const { lesson } = lessonsStore.getState();
  if (!lesson) return;
  const step = Math.max(0, Math.min(lesson.steps.length - 1, i));
  lessonsStore.setState((s) => ({ step, done: { ...s.done, [step]: false } }));
}

export function markDone(i: number): void {
  lessonsStore.setState((s) => (s.done[i] ? s : { done: { ...s.done, [i]: true } }));
}

/** Back to the list (a preview returns to the editor). */
export function leaveLesson(): void {
  const s = lessonsStore.getState();
  lessonsStore.setState({ lesson: null, source: null, step: 0, done: {}, editing: s.source === 'draft' });
}

export function editDraft(draft: Lesson): void {
  lessonsStore.setState({ draft, editing: true, lesson: null, source: null, open: true });
}

export function stopEditing(): void {
  lessonsStore.setState({ editing: false });
}

/** Tests. */
export function resetLessonsForTests(): void {
  lessonsStore.setState({ ...INITIAL });
}
