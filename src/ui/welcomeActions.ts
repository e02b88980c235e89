/**
 * What the welcome's "Start the first lesson" does. COORDINATOR: at merge, wire this to the
 * lessons branch (open the Lessons panel on the first built-in lesson, e.g. its openLesson(0) from
 * src/lessons/). Until then it opens nothing; the welcome is dismissed either way.
 */
export function startFirstLesson(): void {
  // TODO(coordinator): open the first lesson in the Lessons panel.
}
