/** A lesson out of the page: a link to copy, or a JSON file to download. */
import { encodeLesson, lessonToJson, MAX_LESSON_LINK_CHARS, withLessonParam } from '../../lessons/link.ts';
import type { Lesson } from '../../lessons/schema.ts';
import { saveText } from '../share/download.ts';

/** The whole URL that opens `lesson`, or why there is none. */
export function lessonUrl(lesson: Lesson): { url: string } | { error: string } {
  const { value, fits } = encodeLesson(lesson);
  if (!fits)
    return {
      error: `This lesson is too long for a link (${value.length} characters; a link holds up to ${MAX_LESSON_LINK_CHARS}). Use “Download lesson” and share the file.`,
    };
  const { origin, pathname, search } = window.location;
  return { url: `${origin}${pathname}${withLessonParam(search, value)}` };
}

export function downloadLesson(lesson: Lesson): void {
  const slug =
    lesson.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'lesson';
  saveText(`lesson-${slug}.json`, lessonToJson(lesson), 'application/json');
}

/** The address without its lesson (leaving a lesson: a reload does not reopen it). */
export function dropLessonFromAddress(): void {
  const { pathname, search, hash } = window.location;
  const next = withLessonParam(search, null);
  if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
}
