/**
 * One lesson being played: "Step 2 of 6", the step's text and question, its task checked live
 * against the run ("✓ Done" once met), Back / Next, leaving the lesson, and sharing it.
 */
import { useEffect } from 'react';
import { applyStep, lessonRunState, leaveLessonView, subscribeHood } from '../../lessons/apply.ts';
import { taskLabel, taskMet } from '../../lessons/conditions.ts';
import { Markdown } from '../../lessons/markdown.tsx';
import type { Lesson } from '../../lessons/schema.ts';
import { goToStep, leaveLesson, lessonsStore, markDone, useLessons } from '../../state/lessons.ts';
import { useStore } from '../../state/store.ts';
import { CopyLinkButton, type LinkToCopy } from '../share/CopyLinkButton.tsx';
import { downloadLesson, dropLessonFromAddress, lessonUrl } from './share.ts';

/** The step last applied (StrictMode runs effects twice: a step's experiment loads once). */
let applied: { lesson: Lesson; step: number } | null = null;

export function LessonView() {
  const lesson = useLessons((s) => s.lesson)!;
  const index = useLessons((s) => s.step);
  const source = useLessons((s) => s.source);
  const done = useLessons((s) => s.done[index] === true);
  const step = lesson.steps[index]!;
  const last = index === lesson.steps.length - 1;

  useEffect(() => {
    if (applied?.lesson === lesson && applied.step === index) return;
    applied = { lesson, step: index };
    applyStep(lesson.steps[index]!);
    // A new step is read from its top (the panel scrolls on its own, e.g. the phone's sheet).
    const body = document.querySelector('.lesson-body');
    if (body) body.scrollTop = 0;
  }, [lesson, index]);

  // The task, checked on every change of the run or the hood.
  useEffect(() => {
    const task = step.task;
    if (!task) return;
    const check = () => {
      if (lessonsStore.getState().done[index]) return;
      if (taskMet(task, lessonRunState())) markDone(index);
    };
    check();
    const off = useStore.subscribe(check);
    const offHood = subscribeHood(check);
    return () => {
      off();
      offHood();
    };
  }, [step, index]);

  const leave = () => {
    applied = null;
    leaveLessonView();
    if (source === 'link') dropLessonFromAddress();
    leaveLesson();
  };

  return (
    <article className="lesson-view" aria-labelledby="lesson-title">
      <h3 id="lesson-title" className="lesson-title">
        {lesson.title}
      </h3>
      <p className="lesson-count" data-testid="lesson-count">
        Step {index + 1} of {lesson.steps.length}
      </p>
      <Markdown className="md lesson-text" text={step.text} />
      {step.question ? (
        <div className="lesson-question">
          <strong>Question</strong>
          <Markdown text={step.question} />
        </div>
      ) : null}
      {step.task ? (
        <div className={`lesson-task ${done ? 'is-done' : ''}`} data-testid="lesson-task">
          <span className="lesson-task-label">Task: {taskLabel(step.task)}</span>
          <span className="lesson-task-state" role="status" data-testid="lesson-task-state">
            {done ? '✓ Done' : 'Not yet'}
          </span>
        </div>
      ) : null}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" onClick={() => goToStep(index - 1)} disabled={index === 0}>
          Back
        </button>
        {last ? (
          <button type="button" className="primary" onClick={leave}>
            Finish
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => goToStep(index + 1)}>
            Next
          </button>
        )}
      </nav>
      <div className="lesson-actions">
        <button type="button" onClick={leave}>
          {source === 'draft' ? 'Back to editing' : 'Leave the lesson'}
        </button>
        <CopyLessonLink lesson={lesson} />
        <button type="button" onClick={() => downloadLesson(lesson)}>
          Download lesson
        </button>
      </div>
    </article>
  );
}

/** "Copy lesson link": the shared copy-link button with the lesson's URL. */
export function CopyLessonLink({ lesson }: { lesson: Lesson }) {
  const link = (): LinkToCopy => {
    const r = lessonUrl(lesson);
    return 'error' in r ? r : { url: r.url, copied: 'Lesson link copied' };
  };
  return (
    <CopyLinkButton
      label="Copy lesson link"
      fieldLabel="Link to this lesson"
      link={link}
      testId="lesson-copy-status"
      className="lesson-copy"
    />
  );
}
