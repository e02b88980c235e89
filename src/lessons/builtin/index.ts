/** The built-in lessons, in the order the Lessons list shows them, each through the lesson gate. */
import { validateLesson, type Lesson } from '../schema.ts';
import { activationsLesson } from './activations.ts';
import { featuresLesson } from './features.ts';
import { backpropLesson, findBugLesson } from './hood.ts';
import { learningRateLesson } from './learningRate.ts';
import { multiclassLesson } from './multiclass.ts';
import { optimizersLesson } from './optimizers.ts';
import { overfittingLesson } from './overfitting.ts';
import { regressionLesson } from './regression.ts';
import type { LessonData } from './types.ts';
import { xorLesson } from './xor.ts';

export const BUILTIN_DATA: readonly LessonData[] = [
  xorLesson,
  featuresLesson,
  learningRateLesson,
  overfittingLesson,
  optimizersLesson,
  activationsLesson,
  multiclassLesson,
  regressionLesson,
  backpropLesson,
  findBugLesson,
];

let cache: Lesson[] | null = null;

/** The built-ins, validated once (a test checks that the gate changes nothing in them). */
export function builtinLessons(): Lesson[] {
  cache ??= BUILTIN_DATA.map((d) => {
    const r = validateLesson(d);
    if (!r.ok) throw new Error(`Built-in lesson “${d.title}”: ${r.error}`);
    return r.lesson;
  });
  return cache;
}
