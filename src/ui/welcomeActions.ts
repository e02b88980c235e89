/** What the welcome's "Start the first lesson" does: the Lessons panel on the first built-in lesson. */
import { startLesson } from '../state/lessons.ts';

export function startFirstLesson(): void {
  // The lessons' texts are their own chunk: loaded when asked for, not with the page.
  void import('../lessons/builtin/index.ts').then(({ builtinLessons }) => {
    const first = builtinLessons()[0];
    if (first) startLesson(first, 'builtin');
  });
}
