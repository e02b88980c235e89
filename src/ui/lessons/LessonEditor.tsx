/**
 * The teacher's editor: each step records the playground's state when added ("Add the current
 * state as a step"); the teacher writes its text and question, picks a task from the list of
 * conditions with a value, chooses the visible controls, reorders steps and previews the lesson.
 */
import { useId, useState } from 'react';
import {
  conditionLabel,
  conditionValueKind,
  MAX_CONDITIONS,
  type Condition,
  type ConditionKind,
} from '../../lessons/conditions.ts';
import { LESSON_LIMITS, type Lesson, type LessonStep } from '../../lessons/schema.ts';
import { cloneConfig } from '../../share/schema.ts';
import type { ExperimentConfig } from '../../share/config.ts';
import { lessonsStore, startLesson, stopEditing, useLessons } from '../../state/lessons.ts';
import { useStore } from '../../state/store.ts';
import { CopyLessonLink } from './LessonView.tsx';
import { downloadLesson } from './share.ts';
import { ConditionRow } from './ConditionRow.tsx';

export function newStep(config: ExperimentConfig): LessonStep {
  return { experiment: cloneConfig(config), text: '' };
}

export function newDraft(config: ExperimentConfig): Lesson {
  return { title: 'My lesson', steps: [newStep(config)] };
}

/** The data-control names on the page now (the choices for "Visible controls"). */
function pageControls(): string[] {
  const names = new Set<string>();
  document.querySelectorAll<HTMLElement>('.app [data-control]').forEach((el) => {
    const n = el.dataset.control;
    if (n && n !== 'lessons' && /^[A-Za-z0-9_-]+$/.test(n)) names.add(n);
  });
  return [...names];
}

export function LessonEditor() {
  const draft = useLessons((s) => s.draft)!;
  const [selected, setSelected] = useState(0);
  const sel = Math.min(selected, draft.steps.length - 1);
  const step = draft.steps[sel]!;
  const ids = { title: useId(), text: useId(), question: useId(), mode: useId() };

  const update = (next: Lesson) => lessonsStore.setState({ draft: next });
  const setStep = (patch: Partial<LessonStep>) =>
    update({ ...draft, steps: draft.steps.map((s, i) => (i === sel ? { ...s, ...patch } : s)) });
  const without = <K extends keyof LessonStep>(key: K) =>
    update({
      ...draft,
      steps: draft.steps.map((s, i) => {
        if (i !== sel) return s;
        const copy = { ...s };
        delete copy[key];
        return copy;
      }),
    });
  const current = () => useStore.getState().config;
  const addStep = () => {
    if (draft.steps.length >= LESSON_LIMITS.steps) return;
    const steps = [...draft.steps];
    steps.splice(sel + 1, 0, newStep(current()));
    update({ ...draft, steps });
    setSelected(sel + 1);
  };
  const move = (by: -1 | 1) => {
    const to = sel + by;
    if (to < 0 || to >= draft.steps.length) return;
    const steps = [...draft.steps];
    [steps[sel], steps[to]] = [steps[to]!, steps[sel]!];
    update({ ...draft, steps });
    setSelected(to);
  };
  const remove = () => {
    if (draft.steps.length <= 1) return;
    update({ ...draft, steps: draft.steps.filter((_, i) => i !== sel) });
    setSelected(Math.max(0, sel - 1));
  };
  const task = step.task ?? [];
  const setTask = (next: Condition[]) => (next.length > 0 ? setStep({ task: next }) : without('task'));

  return (
    <div className="lesson-editor">
      <h3 className="lesson-title">New lesson</h3>
      <div className="field">
        <label htmlFor={ids.title}>Lesson title</label>
        <input
          id={ids.title}
          value={draft.title}
          maxLength={LESSON_LIMITS.title}
          onChange={(e) => update({ ...draft, title: e.target.value })}
        />
      </div>
      <ol className="lesson-steps" aria-label="Steps">
        {draft.steps.map((s, i) => (
          <li key={i}>
            <button type="button" aria-pressed={i === sel} onClick={() => setSelected(i)}>
              Step {i + 1}: {s.text.trim().slice(0, 36) || '(no text yet)'}
            </button>
          </li>
        ))}
      </ol>
      <div className="lesson-actions" role="group" aria-label="Steps">
        <button type="button" onClick={addStep} disabled={draft.steps.length >= LESSON_LIMITS.steps}>
          Add the current state as a step
        </button>
        <button type="button" onClick={() => setStep({ experiment: cloneConfig(current()) })}>
          Record the current state in step {sel + 1}
        </button>
        <button type="button" onClick={() => move(-1)} disabled={sel === 0}>
          Move up
        </button>
        <button type="button" onClick={() => move(1)} disabled={sel === draft.steps.length - 1}>
          Move down
        </button>
        <button type="button" onClick={remove} disabled={draft.steps.length <= 1}>
          Delete step
        </button>
      </div>

      <fieldset className="lesson-step-fields">
        <legend>Step {sel + 1}</legend>
        <div className="field">
          <label htmlFor={ids.text}>Text</label>
          <textarea
            id={ids.text}
            rows={5}
            value={step.text}
            maxLength={LESSON_LIMITS.text}
            onChange={(e) => setStep({ text: e.target.value })}
          />
          <small>*emphasis*, **bold**, lists, `code`, $x^2$ math, links to http(s) pages.</small>
        </div>
        <div className="field">
          <label htmlFor={ids.question}>Question (optional)</label>
          <input
            id={ids.question}
            value={step.question ?? ''}
            maxLength={LESSON_LIMITS.question}
            onChange={(e) => (e.target.value === '' ? without('question') : setStep({ question: e.target.value }))}
          />
        </div>
        <fieldset className="lesson-task-fields">
          <legend>Task (all must hold)</legend>
          {task.map((c, i) => (
            <ConditionRow
              key={i}
              condition={c}
              index={i}
              onChange={(next) => setTask(task.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setTask(task.filter((_, j) => j !== i))}
            />
          ))}
          {task.length < MAX_CONDITIONS ? (
            <button type="button" onClick={() => setTask([...task, defaultCondition('testLossBelow')])}>
              Add a condition
            </button>
          ) : null}
          {task.length > 0 ? (
            <p className="lesson-task-preview">Task: {task.map(conditionLabel).join(' and ')}</p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.mode}>Simple or Full</label>
          <select
            id={ids.mode}
            value={step.mode ?? ''}
            onChange={(e) =>
              e.target.value === '' ? without('mode') : setStep({ mode: e.target.value as 'simple' | 'full' })
            }
          >
            <option value="">As the student has it</option>
            <option value="simple">Simple</option>
            <option value="full">Full</option>
          </select>
        </div>
        <label className="toggle">
          <input
            type="checkbox"
            checked={step.keep === true}
            disabled={sel === 0}
            onChange={(e) => (e.target.checked ? setStep({ keep: true }) : without('keep'))}
          />
          Continue from the previous step’s run
        </label>
        <VisibleControls
          value={step.controls ?? null}
          onChange={(list) => (list === null ? without('controls') : setStep({ controls: list }))}
        />
      </fieldset>

      <div className="lesson-actions">
        <button type="button" className="primary" onClick={() => startLesson(draft, 'draft')}>
          Preview
        </button>
        <CopyLessonLink lesson={draft} />
        <button type="button" onClick={() => downloadLesson(draft)}>
          Download lesson
        </button>
        <button type="button" onClick={stopEditing}>
          Done
        </button>
        <button
          type="button"
          onClick={() => {
            lessonsStore.setState({ draft: null });
            stopEditing();
          }}
        >
          Discard
        </button>
      </div>
    </div>
  );
}

export function defaultCondition(kind: ConditionKind): Condition {
  const v = conditionValueKind(kind);
  if (v.type === 'none') return { kind };
  if (v.type === 'choice') return { kind, value: v.options[0]! };
  return { kind, value: v.type === 'integer' ? Math.max(v.min, Math.min(v.max, 100)) : Math.min(v.max, 0.05) };
}

function VisibleControls({ value, onChange }: { value: string[] | null; onChange: (v: string[] | null) => void }) {
  const [names] = useState(pageControls);
  const all = [...new Set([...names, ...(value ?? [])])];
  return (
    <fieldset className="lesson-controls">
      <legend>Visible controls</legend>
      <label className="toggle">
        <input type="checkbox" checked={value === null} onChange={(e) => onChange(e.target.checked ? null : all)} />
        Show every control
      </label>
      {value !== null ? (
        <div className="lesson-control-list">
          {all.map((n) => (
            <label key={n} className="toggle">
              <input
                type="checkbox"
                checked={value.includes(n)}
                onChange={(e) => onChange(e.target.checked ? [...value, n] : value.filter((x) => x !== n))}
              />
              {n}
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
