/**
 * The top bar's "Lessons" button (data-control="lessons") and, while open, the Lesson panel: a
 * lazy chunk (it pulls marked and temml) rendered beside the playground (lessons.css). A page
 * opened with a lesson link (`?lesson=…`) opens the panel at once; the panel reads the link.
 */
import { lazy, Suspense, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { closeLessons, openLessons, useLessons } from '../../state/lessons.ts';
import './lessons.css';

const LessonPanel = lazy(() => import('./LessonPanel.tsx'));

export function LessonsButton() {
  const open = useLessons((s) => s.open);
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('lesson')) openLessons();
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    if (open) root.dataset.lessonOpen = '';
    else delete root.dataset.lessonOpen;
    return () => {
      delete root.dataset.lessonOpen;
    };
  }, [open]);
  return (
    <>
      <button
        type="button"
        className={`lessons-button ${open ? 'is-on' : ''}`}
        data-control="lessons"
        aria-expanded={open}
        onClick={() => (open ? closeLessons() : openLessons())}
      >
        Lessons
      </button>
      {open
        ? createPortal(
            <Suspense
              fallback={
                <section className="lesson-panel" role="region" aria-label="Lesson">
                  <p>Loading the lessons…</p>
                </section>
              }
            >
              <LessonPanel />
            </Suspense>,
            document.body,
          )
        : null}
    </>
  );
}
