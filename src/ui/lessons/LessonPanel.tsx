/**
 * The Lesson panel (lazy chunk): the list of lessons, a lesson being played (LessonView), or the
 * teacher's editor (LessonEditor). A lesson link in the address (`?lesson=…`) is read once here,
 * through the lesson gate; a bad one becomes a notice in the page's words and opens nothing.
 */
import { useEffect, useRef, type ChangeEvent } from 'react';
import { builtinLessons } from '../../lessons/builtin/index.ts';
import { decodeLesson, lessonParam, readLessonJson } from '../../lessons/link.ts';
import type { Lesson, LessonRead } from '../../lessons/schema.ts';
import { closeLessons, editDraft, startLesson, useLessons, type LessonSource } from '../../state/lessons.ts';
import { addNotice, useStore } from '../../state/store.ts';
import { LessonEditor, newDraft } from './LessonEditor.tsx';
import { LessonView } from './LessonView.tsx';
import { dropLessonFromAddress } from './share.ts';

export const LESSON_NOTICE_KEY = 'lesson';

/** Open what the gate let through (with its notices), or say why not. */
export function openRead(r: LessonRead, source: LessonSource, name: string): void {
  if (!r.ok) {
    addNotice(`Could not open ${name}: ${r.error}`, 'error', LESSON_NOTICE_KEY);
    return;
  }
  const head = `Opened the lesson “${r.lesson.title}”`;
  const lines = r.notices.slice(0, 12);
  const text =
    lines.length > 0
      ? [
          `${head} · ${lines.length === 1 ? '1 thing was changed' : `${lines.length} things were changed`}`,
          ...lines,
        ].join('\n')
      : head;
  addNotice(text, lines.length > 0 ? 'warning' : 'info', LESSON_NOTICE_KEY);
  startLesson(r.lesson, source);
}

let linkRead = false;

export default function LessonPanel() {
  const lesson = useLessons((s) => s.lesson);
  const editing = useLessons((s) => s.editing);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (linkRead) return;
    linkRead = true;
    const value = lessonParam(window.location.search);
    if (value === null) return;
    const r = decodeLesson(value);
    if (!r.ok) dropLessonFromAddress();
    // After the page's own start-up (the link's experiment, a restored one): the lesson's step wins.
    setTimeout(() => openRead(r, 'link', 'the lesson link'), 0);
  }, []);

  return (
    <section className="lesson-panel" role="region" aria-label="Lesson">
      <header className="lesson-head">
        <h2 ref={heading} tabIndex={-1}>
          Lessons
        </h2>
        <button type="button" className="lesson-close" aria-label="Close the lesson panel" onClick={closeLessons}>
          ×
        </button>
      </header>
      <div className="lesson-body">{editing ? <LessonEditor /> : lesson ? <LessonView /> : <LessonList />}</div>
    </section>
  );
}

function LessonList() {
  const file = useRef<HTMLInputElement>(null);
  const draft = useLessons((s) => s.draft);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    let text: string;
    try {
      text = await f.text();
    } catch {
      addNotice(`Could not read ${f.name}.`, 'error', LESSON_NOTICE_KEY);
      return;
    }
    openRead(readLessonJson(text), 'file', f.name);
  };
  const startNew = () => editDraft(draft ?? newDraft(useStore.getState().config));
  return (
    <div className="lesson-list">
      <p className="lesson-intro">Short lessons, a few steps each. The playground stays usable beside them.</p>
      <ol className="lesson-items">
        {builtinLessons().map((l: Lesson, i) => (
          <li key={l.title}>
            <button type="button" className="lesson-item" onClick={() => startLesson(l, 'builtin')}>
              <span className="lesson-item-title">
                {i + 1}. {l.title}
              </span>
              {l.summary ? <span className="lesson-item-summary">{l.summary}</span> : null}
            </button>
          </li>
        ))}
      </ol>
      <div className="lesson-actions">
        <button type="button" onClick={startNew} data-testid="new-lesson">
          {draft ? 'Edit your lesson' : 'New lesson'}
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          Open lesson file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-lesson-file"
          onChange={(e) => void onFile(e)}
        />
      </div>
    </div>
  );
}
