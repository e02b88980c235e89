/**
 * A lesson as one link, and as a JSON file. Pure: no `location` here (the panel reads and writes it).
 *
 * Link format: `?lesson=<lz-string>` in the address's query (the hash keeps holding the current
 * experiment, written by src/ui/share/linkSync.ts, so the two never fight). The compressed text is
 * the lesson's JSON (lessonToData: version 1, only the settings that differ from the defaults).
 * Sizes are capped before and while decompressing (src/share/lz.ts), and whatever comes out goes
 * through validateLesson: a hostile link opens nothing it could not open as a lesson.
 */
import { compressForUri, decompressFromUri } from '../share/lz.ts';
import { lessonToData, validateLesson, type Lesson, type LessonRead } from './schema.ts';

export const LESSON_PARAM = 'lesson';
/** A longer compressed lesson is not read (about 20 steps of long text fit well under it). */
export const MAX_LESSON_LINK_CHARS = 40_000;
/** At most this much JSON is decompressed from a link or read from a file. */
export const MAX_LESSON_JSON_CHARS = 400_000;

export function lessonToJson(lesson: Lesson): string {
  return JSON.stringify(lessonToData(lesson), null, 2);
}

/** The query value for a lesson (compressed JSON) and whether it fits in a link. */
export function encodeLesson(lesson: Lesson): { value: string; fits: boolean } {
  const value = compressForUri(JSON.stringify(lessonToData(lesson)));
  return { value, fits: value.length <= MAX_LESSON_LINK_CHARS };
}

/** A lesson's JSON text (a file, or a link's decompressed text) → the gate. */
export function readLessonJson(text: string): LessonRead {
  if (text.length > MAX_LESSON_JSON_CHARS)
    return {
      ok: false,
      error: `The lesson is too large (${text.length} characters; at most ${MAX_LESSON_JSON_CHARS}).`,
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The lesson is not valid JSON.' };
  }
  return validateLesson(data);
}

/** A link's `lesson=` value → the gate. Never throws. */
export function decodeLesson(value: string): LessonRead {
  if (typeof value !== 'string' || value === '') return { ok: false, error: 'The lesson link is empty.' };
  if (value.length > MAX_LESSON_LINK_CHARS)
    return {
      ok: false,
      error: `The lesson link is too long (${value.length} characters; at most ${MAX_LESSON_LINK_CHARS} are read).`,
    };
  const text = decompressFromUri(value, MAX_LESSON_JSON_CHARS);
  if (text === null) return { ok: false, error: 'The lesson link is damaged: it could not be unpacked.' };
  const r = readLessonJson(text);
  return r.ok ? r : { ok: false, error: r.error.replace(/^The lesson/, 'The lesson link') };
}

/** The `lesson=` value of a query string ("?lesson=…&x=1"), or null. */
export function lessonParam(search: string): string | null {
  const body = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === LESSON_PARAM) return pair.slice(eq + 1);
  }
  return null;
}

/** `search` with its lesson param set to `value` (or removed, for null); other params kept. */
export function withLessonParam(search: string, value: string | null): string {
  const body = search.startsWith('?') ? search.slice(1) : search;
  const kept = body.split('&').filter((p) => p !== '' && !p.startsWith(`${LESSON_PARAM}=`));
  if (value !== null) kept.push(`${LESSON_PARAM}=${value}`);
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}
